import { useState } from "react";

import type { TypeRule } from "../bindings/TypeRule";
import { typeRules } from "../ipc";
import { queryKeys } from "./queryKeys";
import { useLoad } from "./useLoad";
import type { Load } from "./useLoad";

/**
 * The domain's type rules, asked for once, when first `needed` (a table is chosen): the start
 * screens make no call they do not need. Retrying after a failure asks again.
 */
export function useTypeRules(needed: boolean): [Load<TypeRule[]>, () => void] {
  // Once needed, always needed: choosing another profile must not ask again.
  const [wanted, setWanted] = useState(needed);
  if (needed && !wanted) setWanted(true);
  // They never change while the app runs.
  return useLoad(queryKeys.typeRules, typeRules, { enabled: wanted, staleTime: Infinity });
}
