// A stand-in for Rust's `check_draft` on the harness page only: a few of its schema findings
// and the dirty counts, so the page shows what the real app shows. Not used by the app.
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { DirtyCount } from "../../bindings/DirtyCount";
import type { Issue } from "../../bindings/Issue";
import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import { keepsValue } from "./fixtures";

export interface HarnessCheck {
  issues: Issue[];
  dirtyCounts: DirtyCount[];
}

export function harnessCheck(schema: readonly SchemaEntryDraft[], columns: readonly ColumnProfile[], sampledRows: number): HarnessCheck {
  const issues: Issue[] = [];
  const dirtyCounts: DirtyCount[] = [];
  if (schema.length === 0) {
    issues.push({ field: "schema", severity: "error", code: "empty_schema", message: "The Parquet schema has no column.", remedy: "Add at least one column." });
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const seen = new Set<string>();
  schema.forEach((entry, index) => {
    if (entry.outputName.trim() === "") {
      issues.push({ field: `schema[${String(index)}].outputName`, severity: "error", code: "invalid_output_column_name", message: "An output column name is empty.", remedy: null });
    } else if (seen.has(entry.outputName)) {
      issues.push({
        field: `schema[${String(index)}].outputName`,
        severity: "error",
        code: "duplicate_output_column",
        message: `Two output columns are named '${entry.outputName}'.`,
        remedy: "Rename one of them.",
      });
    }
    seen.add(entry.outputName);
    if (entry.parquetType === null) {
      issues.push({ field: `schema[${String(index)}].parquetType`, severity: "error", code: "missing_parquet_type", message: `Choose a Parquet type for '${entry.sourceColumn}'.`, remedy: null });
      return;
    }
    const column = byName.get(entry.sourceColumn);
    if (!column) return;
    const target = entry.parquetType;
    const kept = column.types.filter((c) => keepsValue(c.tablestoreType, target)).reduce((sum, c) => sum + c.rows, 0);
    const dirty = column.presentRows - kept;
    dirtyCounts.push({
      sourceColumn: entry.sourceColumn,
      outputName: entry.outputName,
      parquetType: target,
      keptRows: kept,
      dirtyRows: dirty,
      missingRows: Math.max(0, sampledRows - column.presentRows),
      dirtyPercent: sampledRows > 0 ? (dirty / sampledRows) * 100 : 0,
    });
  });
  return { issues, dirtyCounts };
}
