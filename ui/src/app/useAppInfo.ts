import { useCallback, useEffect, useState } from "react";

import type { AppInfo } from "../bindings/AppInfo";
import type { IpcError } from "../bindings/IpcError";
import { appInfo, CommandFailed } from "../ipc";

export type AppInfoState =
  | { status: "loading" }
  | { status: "ready"; info: AppInfo }
  | { status: "failed"; error: IpcError };

/** Loads the app's info, with a way to load it again (after a failure or a change). */
export function useAppInfo(): [AppInfoState, () => void] {
  const [state, setState] = useState<AppInfoState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    appInfo().then(
      (info) => {
        if (current) setState({ status: "ready", info });
      },
      (reason: unknown) => {
        if (!current) return;
        if (reason instanceof CommandFailed) setState({ status: "failed", error: reason.error });
        else throw reason;
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  // Keeps showing what is on screen until the new answer arrives, so no flash of "Loading".
  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry];
}
