import { invoke } from "@tauri-apps/api/core";

import type { IpcError } from "../bindings/IpcError";
import type { CommandName, Commands } from "./commands";

/** A failed command, carrying the coded error Rust sent. */
export class CommandFailed extends Error {
  readonly error: IpcError;

  constructor(error: IpcError) {
    super(error.message);
    this.name = "CommandFailed";
    this.error = error;
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === "string" &&
    typeof candidate.message === "string" &&
    "remedy" in candidate
  );
}

/** Anything else Tauri may reject with (a missing command, a bad argument) becomes `internal`. */
function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) return reason;
  return {
    code: "internal",
    message: typeof reason === "string" ? reason : "The app's core did not answer as expected.",
    remedy: null,
    serviceCode: null,
    requestId: null,
  };
}

/** Calls a Rust command with the types the command table declares. */
export async function call<K extends CommandName>(
  command: K,
  args: Commands[K]["args"],
): Promise<Commands[K]["result"]> {
  try {
    return await invoke<Commands[K]["result"]>(command, args);
  } catch (reason: unknown) {
    throw new CommandFailed(toIpcError(reason));
  }
}
