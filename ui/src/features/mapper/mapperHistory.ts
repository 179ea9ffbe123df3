// Undo and redo over mapper states. Each recorded change is one step, except that changes
// sharing a coalescing key in a row (the keystrokes of one rename) merge into one step.
import type { MapperState } from "./mapperModel";

export interface History {
  readonly past: readonly MapperState[];
  readonly present: MapperState;
  readonly future: readonly MapperState[];
  /** Key of the last recorded change while it may still absorb the next one. */
  readonly openKey: string | null;
}

/** Steps kept; older ones are forgotten so a long session does not grow without bound. */
export const HISTORY_LIMIT = 200;

export function startHistory(present: MapperState): History {
  return { past: [], present, future: [], openKey: null };
}

/**
 * Records `next` as the new present. With a `coalesceKey` equal to the last change's, the
 * two are one step: undo goes back to before the first of them.
 */
export function record(history: History, next: MapperState, coalesceKey: string | null = null): History {
  if (next === history.present) return history;
  if (coalesceKey !== null && coalesceKey === history.openKey) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, history.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, present: next, future: [], openKey: coalesceKey };
}

/** Ends a coalescing run (e.g. the rename field lost focus): the next change is a new step. */
export function closeStep(history: History): History {
  return history.openKey === null ? history : { ...history, openKey: null };
}

export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return closeStep(history);
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], openKey: null };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (!next) return closeStep(history);
  return { past: [...history.past, history.present], present: next, future: rest, openKey: null };
}
