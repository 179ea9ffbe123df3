// Test-only helpers: answer IPC calls from handlers instead of the Rust core. Lives here so
// that only src/ipc/ touches Tauri's packages.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";

import type { CommandName, Commands } from "./commands";

export type CommandHandlers = {
  [K in CommandName]?: (args: Commands[K]["args"]) => Commands[K]["result"];
};

export function mockCommands(handlers: CommandHandlers): void {
  mockIPC((command, args) => {
    const handler = handlers[command as CommandName] as ((a: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no mock for command ${command}`);
    return handler(args);
  });
}

export function clearCommandMocks(): void {
  clearMocks();
}
