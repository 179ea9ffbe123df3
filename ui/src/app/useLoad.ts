import { useCallback, useEffect, useState } from "react";

import type { IpcError } from "../bindings/IpcError";
import { CommandFailed } from "../ipc";

export type Load<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; error: IpcError };

/** Runs `load` when it changes (keep it stable with useCallback); returns its state and a way
 * to run it again. */
export function useLoad<T>(load: () => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setState({ status: "ready", value });
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
  }, [load, attempt]);
  // Keeps showing what is on screen until the new answer arrives: no flash of "Loading".
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return [state, reload];
}
