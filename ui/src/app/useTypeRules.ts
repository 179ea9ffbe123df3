import { useCallback, useState } from "react";

import type { TypeRule } from "../bindings/TypeRule";
import { typeRules } from "../ipc";
import { useLoad } from "./useLoad";
import type { Load } from "./useLoad";

/** Stays pending: nothing is asked until the rules are needed. */
const notYet = () => new Promise<TypeRule[]>(() => undefined);

/**
 * The domain's type rules, asked for once, when first `needed` (a table is chosen): the start
 * screens make no call they do not need. Retrying after a failure asks again.
 */
export function useTypeRules(needed: boolean): [Load<TypeRule[]>, () => void] {
  // Once needed, always needed: choosing another profile must not ask again.
  const [wanted, setWanted] = useState(needed);
  if (needed && !wanted) setWanted(true);
  return useLoad(useCallback(() => (wanted ? typeRules() : notYet()), [wanted]));
}
