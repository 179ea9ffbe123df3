// What is wrong with each schema row, gathered at once: what the rule table and the column's
// type counts say right away (no IPC), the findings Rust returned for the row, and how many
// sampled rows the service would drop as dirty data.
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DirtyCount } from "../../bindings/DirtyCount";
import type { Issue } from "../../bindings/Issue";
import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import type { TablestoreType } from "../../bindings/TablestoreType";
import type { TypeCount } from "../../bindings/TypeCount";
import { fitOf, incompatibleReasons, isMixed, typesOf, type RuleBook } from "./columnFit";

/** Which control of the row a problem belongs to, for `aria-describedby`. */
export type ProblemTarget = "row" | "outputName" | "parquetType";

export type Problem =
  | { kind: "unknownColumn"; target: ProblemTarget }
  | { kind: "mixed"; target: ProblemTarget; types: readonly TypeCount[] }
  /** No Parquet type takes any type the column holds (BINARY). */
  | { kind: "noTarget"; target: ProblemTarget; types: readonly TablestoreType[] }
  /** `partial`: the target still takes another type of a mixed column, so only some rows are lost. */
  | { kind: "incompatible"; target: ProblemTarget; type: TablestoreType; reason: string; partial: boolean }
  | { kind: "dirty"; target: ProblemTarget; dirtyRows: number; missingRows: number }
  | { kind: "issue"; target: ProblemTarget; issue: Issue };

const ROW_FIELD = /^schema\[(\d+)\](?:\.(\w+))?$/;

export interface SortedIssues {
  /** Issues about the schema as a whole (`schema`). */
  schema: Issue[];
  /** Issues per row index (`schema[i]`, `schema[i].field`). */
  byRow: Map<number, { issue: Issue; field: string | null }[]>;
}

export function sortIssues(issues: readonly Issue[]): SortedIssues {
  const sorted: SortedIssues = { schema: [], byRow: new Map() };
  for (const issue of issues) {
    if (issue.field === "schema") {
      sorted.schema.push(issue);
      continue;
    }
    const match = ROW_FIELD.exec(issue.field);
    if (!match) continue;
    const index = Number(match[1]);
    const list = sorted.byRow.get(index) ?? [];
    list.push({ issue, field: match[2] ?? null });
    sorted.byRow.set(index, list);
  }
  return sorted;
}

function dirtyKey(sourceColumn: string, outputName: string, parquetType: string): string {
  return `${sourceColumn}\u0000${outputName}\u0000${parquetType}`;
}

/** Dirty counts by entry, so each row finds its own in constant time. */
export function indexDirtyCounts(counts: readonly DirtyCount[]): Map<string, DirtyCount> {
  const index = new Map<string, DirtyCount>();
  for (const count of counts) {
    const key = dirtyKey(count.sourceColumn, count.outputName, count.parquetType);
    if (!index.has(key)) index.set(key, count);
  }
  return index;
}

export function dirtyCountOf(index: Map<string, DirtyCount>, entry: SchemaEntryDraft): DirtyCount | undefined {
  return entry.parquetType === null ? undefined : index.get(dirtyKey(entry.sourceColumn, entry.outputName, entry.parquetType));
}

function targetOf(field: string | null): ProblemTarget {
  return field === "outputName" || field === "parquetType" ? field : "row";
}

/** Every problem of one row, local ones first; a local reason Rust also sent is shown once. */
export function problemsOf(
  entry: SchemaEntryDraft,
  column: ColumnProfile | undefined,
  book: RuleBook,
  rowIssues: readonly { issue: Issue; field: string | null }[],
  dirty: DirtyCount | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const rustMessages = new Set(rowIssues.map(({ issue }) => issue.message));
  if (!column) problems.push({ kind: "unknownColumn", target: "row" });
  if (column && isMixed(column)) problems.push({ kind: "mixed", target: "parquetType", types: column.types });
  if (column && column.types.length > 0 && entry.parquetType === null) {
    const fit = fitOf(column, book);
    if (fit.compatible.length === 0 && fit.partial.length === 0) problems.push({ kind: "noTarget", target: "parquetType", types: typesOf(column) });
  }
  const reasons = incompatibleReasons(column, entry.parquetType, book);
  const partial = column !== undefined && reasons.length > 0 && reasons.length < column.types.length;
  for (const { type, reason } of reasons) {
    if (!rustMessages.has(reason)) problems.push({ kind: "incompatible", target: "parquetType", type, reason, partial });
  }
  for (const { issue, field } of rowIssues) problems.push({ kind: "issue", target: targetOf(field), issue });
  if (dirty && (dirty.dirtyRows > 0 || dirty.missingRows > 0)) {
    problems.push({ kind: "dirty", target: "parquetType", dirtyRows: dirty.dirtyRows, missingRows: dirty.missingRows });
  }
  return problems;
}

/** Whether a problem makes its control invalid (warnings and dirty-data notes do not). */
export function isBlocking(problem: Problem): boolean {
  switch (problem.kind) {
    case "unknownColumn":
    case "noTarget":
      return true;
    case "incompatible":
      return !problem.partial;
    case "issue":
      return problem.issue.severity === "error";
    case "mixed":
    case "dirty":
      return false;
  }
}
