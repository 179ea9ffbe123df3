import { useCallback, useEffect, useState } from "react";

import type { IpcError } from "../bindings/IpcError";
import { CommandFailed } from "../ipc";

export type Load<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; error: IpcError };

/** Runs `load` when its inputs change; returns its state and a way to run it again. */
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
  const reload = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return [state, reload];
}
