import { describe, expect, it } from "vitest";

import { RuleBook } from "./columnFit";
import { column, fixtureRules } from "./fixtures";
import {
  addAll,
  addColumn,
  autoMap,
  EMPTY_STATE,
  entriesOf,
  filterIndexes,
  holdsSchema,
  mappedCounts,
  moveRow,
  removeRow,
  renameRow,
  setRowType,
  skippedByAddAll,
  stateFromSchema,
  type MapperState,
} from "./mapperModel";

const book = new RuleBook(fixtureRules());
const ROWS = 100;
const id = column("id", [["INTEGER", 100]], ROWS, "primaryKey");
const name = column("name", [["STRING", 90]], ROWS);
const mixed = column("price", [["DOUBLE", 80], ["STRING", 20]], ROWS);
const blob = column("blob", [["BINARY", 10]], ROWS);
const flag = column("flag", [["BOOLEAN", 50]], ROWS);
const COLUMNS = [id, name, mixed, blob, flag];

function names(state: MapperState): string[] {
  return state.rows.map((row) => row.entry.outputName);
}

describe("adding columns", () => {
  it("adds a single-type column under its own name with its default target, at the end", () => {
    const state = addColumn(addColumn(EMPTY_STATE, id, book), name, book);
    expect(entriesOf(state)).toEqual([
      { sourceColumn: "id", outputName: "id", parquetType: "INT64" },
      { sourceColumn: "name", outputName: "name", parquetType: "UTF8" },
    ]);
  });

  it("leaves the type of a mixed or BINARY column unchosen instead of guessing", () => {
    const state = addColumn(addColumn(EMPTY_STATE, mixed, book), blob, book);
    expect(state.rows.map((row) => row.entry.parquetType)).toEqual([null, null]);
  });

  it("inserts at a given index and gives each row a new id", () => {
    const two = addColumn(addColumn(EMPTY_STATE, id, book), name, book);
    const three = addColumn(two, flag, book, 1);
    expect(names(three)).toEqual(["id", "flag", "name"]);
    expect(new Set(three.rows.map((row) => row.id)).size).toBe(3);
  });

  it("lets a column be mapped twice (Rust flags the duplicate output name)", () => {
    const state = addColumn(addColumn(EMPTY_STATE, id, book), id, book);
    expect(names(state)).toEqual(["id", "id"]);
    expect(mappedCounts(state).get("id")).toBe(2);
  });

  it("add all adds, in source order, every unmapped column that has a default target", () => {
    const start = addColumn(EMPTY_STATE, name, book);
    const state = addAll(start, COLUMNS, book);
    expect(names(state)).toEqual(["name", "id", "flag"]);
    expect(addAll(state, COLUMNS, book)).toBe(state);
  });

  it("auto-map adds every unmapped column under its own name, typed where a default fits", () => {
    const start = addColumn(EMPTY_STATE, flag, book);
    const state = autoMap(start, COLUMNS, book);
    expect(entriesOf(state)).toEqual([
      { sourceColumn: "flag", outputName: "flag", parquetType: "BOOL" },
      { sourceColumn: "id", outputName: "id", parquetType: "INT64" },
      { sourceColumn: "name", outputName: "name", parquetType: "UTF8" },
      { sourceColumn: "price", outputName: "price", parquetType: null },
      { sourceColumn: "blob", outputName: "blob", parquetType: null },
    ]);
  });
});

describe("editing rows", () => {
  const start = addAll(EMPTY_STATE, [id, name, flag], book);
  const [first, second, third] = start.rows.map((row) => row.id) as [string, string, string];

  it("moves a row down and up, keeping its id", () => {
    const down = moveRow(start, 0, 2);
    expect(names(down)).toEqual(["name", "flag", "id"]);
    expect(down.rows[2]?.id).toBe(first);
    expect(names(moveRow(down, 2, 0))).toEqual(["id", "name", "flag"]);
  });

  it("ignores moves out of range or onto itself", () => {
    expect(moveRow(start, 1, 1)).toBe(start);
    expect(moveRow(start, -1, 0)).toBe(start);
    expect(moveRow(start, 0, 3)).toBe(start);
  });

  it("renames, changes the type and removes one row by id, leaving the input untouched", () => {
    const renamed = renameRow(start, second, "full_name");
    const retyped = setRowType(renamed, third, "UTF8");
    const removed = removeRow(retyped, first);
    expect(entriesOf(removed)).toEqual([
      { sourceColumn: "name", outputName: "full_name", parquetType: "UTF8" },
      { sourceColumn: "flag", outputName: "flag", parquetType: "UTF8" },
    ]);
    expect(names(start)).toEqual(["id", "name", "flag"]);
  });

  it("returns the same state when an edit changes nothing", () => {
    expect(renameRow(start, second, "name")).toBe(start);
    expect(setRowType(start, first, "INT64")).toBe(start);
    expect(removeRow(start, "nope")).toBe(start);
  });
});

describe("the controlled schema", () => {
  it("keeps the ids of unchanged rows when a schema comes from outside", () => {
    const state = addAll(EMPTY_STATE, [id, name], book);
    const schema = [...entriesOf(state), { sourceColumn: "flag", outputName: "flag", parquetType: "BOOL" as const }];
    const next = stateFromSchema(schema, state);
    expect(next.rows.slice(0, 2).map((row) => row.id)).toEqual(state.rows.map((row) => row.id));
    expect(next.rows[2]?.id).not.toBe(next.rows[0]?.id);
    expect(holdsSchema(next, schema)).toBe(true);
    expect(holdsSchema(state, schema)).toBe(false);
  });
});

describe("filtering by name", () => {
  it("matches a substring regardless of case, and a blank filter means everything", () => {
    expect(filterIndexes(COLUMNS, "  RI ", (c) => c.name)).toEqual([2]);
    expect(filterIndexes(COLUMNS, "a", (c) => c.name)).toEqual([1, 4]);
    expect(filterIndexes(COLUMNS, " ", (c) => c.name)).toBeNull();
  });
});

describe("the columns Add all leaves out", () => {
  it("are the unmapped ones without a default target, mixed apart from the rest, in source order", () => {
    const many = [mixed, column("ratio", [["DOUBLE", 9], ["INTEGER", 1]], ROWS), blob, id];
    expect(skippedByAddAll(EMPTY_STATE, many, book)).toEqual({ mixed: ["price", "ratio"], untyped: ["blob"] });
    const priceMapped = addColumn(EMPTY_STATE, mixed, book);
    expect(skippedByAddAll(priceMapped, many, book)).toEqual({ mixed: ["ratio"], untyped: ["blob"] });
  });
});
