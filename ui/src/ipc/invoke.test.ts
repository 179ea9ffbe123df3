import { afterEach, describe, expect, it } from "vitest";

import { appInfo, CommandFailed } from ".";
import { clearCommandMocks, mockCommands } from "./testing";

afterEach(() => {
  clearCommandMocks();
});

describe("call", () => {
  it("passes a coded error from Rust through unchanged", async () => {
    const error = {
      code: "invalid_input",
      message: "The language 'fr' has no translation in this app.",
      remedy: "Choose English (en) or 简体中文 (zh-CN).",
      serviceCode: null,
      requestId: null,
    };
    mockCommands({
      app_info: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
      throw error;
      },
    });
    const failure = await appInfo().catch((reason: unknown) => reason);
    expect(failure).toBeInstanceOf(CommandFailed);
    expect((failure as CommandFailed).error).toEqual(error);
  });

  it("turns an uncoded rejection into an internal error with its text", async () => {
    mockCommands({
      app_info: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with a bare string here
        throw "Command app_info not allowed by ACL";
      },
    });
    const failure = (await appInfo().catch((reason: unknown) => reason)) as CommandFailed;
    expect(failure.error.code).toBe("internal");
    expect(failure.error.message).toBe("Command app_info not allowed by ACL");
  });
});
