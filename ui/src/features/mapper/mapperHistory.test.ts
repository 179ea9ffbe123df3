import { describe, expect, it } from "vitest";

import { RuleBook } from "./columnFit";
import { column, fixtureRules } from "./fixtures";
import { canRedo, canUndo, closeStep, HISTORY_LIMIT, record, redo, startHistory, undo, type History } from "./mapperHistory";
import { addAll, addColumn, autoMap, EMPTY_STATE, moveRow, removeRow, renameRow, setRowType, type MapperState } from "./mapperModel";

const book = new RuleBook(fixtureRules());
const id = column("id", [["INTEGER", 10]], 10);
const name = column("name", [["STRING", 10]], 10);
const flag = column("flag", [["BOOLEAN", 10]], 10);

function names(history: History): string[] {
  return history.present.rows.map((row) => row.entry.outputName);
}

function apply(history: History, change: (state: MapperState) => MapperState, key: string | null = null): History {
  return record(history, change(history.present), key);
}

describe("undo and redo", () => {
  it("steps back and forth over add, add all, reorder, type change and remove", () => {
    let h = startHistory(EMPTY_STATE);
    h = apply(h, (s) => addColumn(s, flag, book));
    h = apply(h, (s) => addAll(s, [id, name], book));
    h = apply(h, (s) => moveRow(s, 0, 2));
    const flagId = h.present.rows[2]?.id ?? "";
    h = apply(h, (s) => setRowType(s, flagId, "UTF8"));
    h = apply(h, (s) => removeRow(s, flagId));
    expect(names(h)).toEqual(["id", "name"]);
    h = undo(h);
    expect(h.present.rows[2]?.entry.parquetType).toBe("UTF8");
    h = undo(h);
    expect(h.present.rows[2]?.entry.parquetType).toBe("BOOL");
    h = undo(h);
    expect(names(h)).toEqual(["flag", "id", "name"]);
    h = undo(h);
    expect(names(h)).toEqual(["flag"]);
    h = redo(redo(h));
    expect(names(h)).toEqual(["id", "name", "flag"]);
  });

  it("makes add all and auto-map a single step each", () => {
    let h = apply(startHistory(EMPTY_STATE), (s) => autoMap(s, [id, name, flag], book));
    expect(names(h)).toEqual(["id", "name", "flag"]);
    h = undo(h);
    expect(names(h)).toEqual([]);
    expect(canUndo(h)).toBe(false);
  });

  it("merges the keystrokes of one rename into one step", () => {
    let h = apply(startHistory(EMPTY_STATE), (s) => addColumn(s, name, book));
    const rowId = h.present.rows[0]?.id ?? "";
    for (const text of ["n", "na", "nam", "name2"]) h = apply(h, (s) => renameRow(s, rowId, text), `rename:${rowId}`);
    expect(names(h)).toEqual(["name2"]);
    h = undo(h);
    expect(names(h)).toEqual(["name"]);
    h = redo(h);
    expect(names(h)).toEqual(["name2"]);
  });

  it("starts a new rename step after the field lost focus, another edit, or an undo", () => {
    let h = apply(startHistory(EMPTY_STATE), (s) => addAll(s, [id, name], book));
    const [a, b] = h.present.rows.map((row) => row.id) as [string, string];
    h = apply(h, (s) => renameRow(s, a, "x"), `rename:${a}`);
    h = closeStep(h);
    h = apply(h, (s) => renameRow(s, a, "xy"), `rename:${a}`);
    h = apply(h, (s) => renameRow(s, b, "z"), `rename:${b}`);
    expect(names(h)).toEqual(["xy", "z"]);
    h = undo(h);
    expect(names(h)).toEqual(["xy", "name"]);
    h = apply(h, (s) => renameRow(s, b, "w"), `rename:${b}`);
    h = undo(h);
    expect(names(h)).toEqual(["xy", "name"]);
    h = undo(h);
    expect(names(h)).toEqual(["x", "name"]);
  });

  it("drops the redo branch when a new change is recorded after an undo", () => {
    let h = apply(startHistory(EMPTY_STATE), (s) => addColumn(s, id, book));
    h = apply(h, (s) => addColumn(s, name, book));
    h = undo(h);
    expect(canRedo(h)).toBe(true);
    h = apply(h, (s) => addColumn(s, flag, book));
    expect(canRedo(h)).toBe(false);
    expect(names(redo(h))).toEqual(["id", "flag"]);
  });

  it("does nothing when there is nothing to undo or redo, and records no step for a no-op", () => {
    const h = startHistory(EMPTY_STATE);
    expect(undo(h).present).toBe(h.present);
    expect(redo(h).present).toBe(h.present);
    expect(record(h, h.present)).toBe(h);
  });

  it("forgets the oldest steps beyond the limit", () => {
    let h = startHistory(EMPTY_STATE);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = apply(h, (s) => addColumn(s, id, book));
    expect(h.past.length).toBe(HISTORY_LIMIT);
    while (canUndo(h)) h = undo(h);
    expect(h.present.rows.length).toBe(20);
  });
});
