import { useCallback, useEffect, useRef, useState } from "react";

import type { TypeRule } from "../bindings/TypeRule";
import { CommandFailed, typeRules } from "../ipc";
import type { Load } from "./useLoad";

/**
 * The domain's type rules, asked for once, when first `needed` (a table is chosen): the start
 * screens make no call they do not need. Retrying after a failure asks again.
 */
export function useTypeRules(needed: boolean): [Load<TypeRule[]>, () => void] {
  const [state, setState] = useState<Load<TypeRule[]>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const loaded = useRef(false);

  useEffect(() => {
    if (!needed || loaded.current) return;
    let current = true;
    typeRules().then(
      (value) => {
        if (!current) return;
        loaded.current = true;
        setState({ status: "ready", value });
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
  }, [needed, attempt]);

  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry];
}
