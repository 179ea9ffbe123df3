// Ties the controlled `schema` prop to the undo history. Every edit is applied to the present
// state, recorded, and reported through `onChange`; a schema the parent sets on its own (a
// draft opened) starts a fresh history, since undoing into a different draft would surprise.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import { canRedo, canUndo, closeStep, record, redo, startHistory, undo, type History } from "./mapperHistory";
import { entriesOf, holdsSchema, stateFromSchema, type MapperState } from "./mapperModel";

export interface MapperHistory {
  state: MapperState;
  canUndo: boolean;
  canRedo: boolean;
  /** Applies `change` as one step; calls with the same `coalesceKey` in a row merge. */
  apply: (change: (state: MapperState) => MapperState, coalesceKey?: string) => void;
  undo: () => void;
  redo: () => void;
  /** Ends a merging run of changes (the rename field lost focus). */
  closeStep: () => void;
}

export function useMapperHistory(schema: readonly SchemaEntryDraft[], onChange: (schema: SchemaEntryDraft[]) => void): MapperHistory {
  const [history, setHistory] = useState(() => startHistory(stateFromSchema(schema)));
  const synced = useMemo(
    () => (holdsSchema(history.present, schema) ? history : startHistory(stateFromSchema(schema, history.present))),
    [history, schema],
  );

  // Handlers are stable (rows are memoised on them) and read the newest values from here.
  const latest = useRef({ synced, onChange });
  useLayoutEffect(() => {
    latest.current = { synced, onChange };
  });

  const commit = useCallback((next: History) => {
    const { synced: current, onChange: report } = latest.current;
    if (next === current) return;
    latest.current = { ...latest.current, synced: next };
    setHistory(next);
    if (next.present !== current.present) report(entriesOf(next.present));
  }, []);

  const apply = useCallback(
    (change: (state: MapperState) => MapperState, coalesceKey?: string) => {
      const current = latest.current.synced;
      commit(record(current, change(current.present), coalesceKey ?? null));
    },
    [commit],
  );

  return {
    state: synced.present,
    canUndo: canUndo(synced),
    canRedo: canRedo(synced),
    apply,
    undo: useCallback(() => {
      commit(undo(latest.current.synced));
    }, [commit]),
    redo: useCallback(() => {
      commit(redo(latest.current.synced));
    }, [commit]),
    closeStep: useCallback(() => {
      commit(closeStep(latest.current.synced));
    }, [commit]),
  };
}
