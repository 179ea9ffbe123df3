import { describe, expect, it } from "vitest";

import type { Issue } from "../../bindings/Issue";
import { fitOf, RuleBook } from "./columnFit";
import { column, fixtureRules } from "./fixtures";
import { dirtyCountOf, indexDirtyCounts, isBlocking, problemsOf, sortIssues } from "./rowProblems";

const book = new RuleBook(fixtureRules());
const ROWS = 100;
const mixed = column("price", [["DOUBLE", 80], ["STRING", 20]], ROWS);
const text = column("name", [["STRING", 90]], ROWS);

function issue(field: string, message: string, severity: Issue["severity"] = "error"): Issue {
  return { field, severity, code: "x", message, remedy: null };
}

describe("compatible targets from the rule table", () => {
  it("offers the documented target of a single-type column and makes it the default", () => {
    expect(fitOf(text, book)).toEqual({ compatible: ["UTF8"], partial: [], defaultTarget: "UTF8" });
  });

  it("offers a mixed column no full target, only partial ones with the rows each keeps", () => {
    expect(fitOf(mixed, book)).toEqual({
      compatible: [],
      partial: [
        { target: "DOUBLE", keeps: ["DOUBLE"], keptRows: 80 },
        { target: "UTF8", keeps: ["STRING"], keptRows: 20 },
      ],
      defaultTarget: null,
    });
  });

  it("offers a BINARY column nothing, and a column of unknown type every supported target", () => {
    expect(fitOf(column("blob", [["BINARY", 5]], ROWS), book).compatible).toEqual([]);
    expect(fitOf(undefined, book).compatible.sort()).toEqual(["BOOL", "DOUBLE", "INT64", "UTF8"]);
  });
});

describe("problems of a row", () => {
  it("explains an incompatible type with the rule's reason, at once and without Rust", () => {
    const problems = problemsOf({ sourceColumn: "name", outputName: "name", parquetType: "INT64" }, text, book, [], undefined);
    expect(problems).toEqual([
      {
        kind: "incompatible",
        target: "parquetType",
        type: "STRING",
        partial: false,
        reason: "STRING values written as INT64 do not match, so the service drops every one of them as dirty data; the documented target is UTF8.",
      },
    ]);
    expect(problems.every(isBlocking)).toBe(true);
  });

  it("marks a mixed column, and the type it loses as a warning, not an error", () => {
    const problems = problemsOf({ sourceColumn: "price", outputName: "price", parquetType: "DOUBLE" }, mixed, book, [], undefined);
    expect(problems.map((p) => p.kind)).toEqual(["mixed", "incompatible"]);
    expect(problems.some(isBlocking)).toBe(false);
  });

  it("shows a reason Rust also sent only once, and flags a column missing from the table", () => {
    const reason = "STRING values written as INT64 do not match, so the service drops every one of them as dirty data; the documented target is UTF8.";
    const problems = problemsOf({ sourceColumn: "name", outputName: "name", parquetType: "INT64" }, text, book, [{ issue: issue("schema[0].parquetType", reason), field: "parquetType" }], undefined);
    expect(problems.map((p) => p.kind)).toEqual(["issue"]);
    expect(problemsOf({ sourceColumn: "gone", outputName: "gone", parquetType: "UTF8" }, undefined, book, [], undefined).map((p) => p.kind)).toEqual(["unknownColumn"]);
  });

  it("sorts Rust findings to their rows and the schema, ignoring other fields", () => {
    const sorted = sortIssues([issue("schema", "empty"), issue("schema[1].outputName", "dup"), issue("schema[12]", "row"), issue("taskName", "bad")]);
    expect(sorted.schema.map((i) => i.message)).toEqual(["empty"]);
    expect(sorted.byRow.get(1)).toEqual([{ issue: issue("schema[1].outputName", "dup"), field: "outputName" }]);
    expect(sorted.byRow.get(12)?.[0]?.field).toBeNull();
    expect(sorted.byRow.size).toBe(2);
  });

  it("finds the dirty count of exactly this entry and reports dropped and missing rows", () => {
    const index = indexDirtyCounts([
      { sourceColumn: "price", outputName: "price", parquetType: "DOUBLE", keptRows: 80, dirtyRows: 20, missingRows: 0, dirtyPercent: 20 },
      { sourceColumn: "price", outputName: "price_text", parquetType: "UTF8", keptRows: 20, dirtyRows: 80, missingRows: 0, dirtyPercent: 80 },
    ]);
    const entry = { sourceColumn: "price", outputName: "price_text", parquetType: "UTF8" as const };
    expect(dirtyCountOf(index, entry)?.dirtyRows).toBe(80);
    expect(dirtyCountOf(index, { ...entry, parquetType: null })).toBeUndefined();
    const problems = problemsOf(entry, mixed, book, [], dirtyCountOf(index, entry));
    expect(problems.at(-1)).toEqual({ kind: "dirty", target: "parquetType", dirtyRows: 80, missingRows: 0 });
  });
});
