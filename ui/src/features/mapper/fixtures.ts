// Made-up source columns and the rule table, for tests and the mapper's harness page. The rule
// table mirrors what `type_rules` returns (four documented pairs; everything else refused or
// experimental with a reason); the reasons are abridged.
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { ParquetType } from "../../bindings/ParquetType";
import type { TablestoreType } from "../../bindings/TablestoreType";
import type { TypeCount } from "../../bindings/TypeCount";
import type { TypeRule } from "../../bindings/TypeRule";

const SOURCES: readonly TablestoreType[] = ["INTEGER", "DOUBLE", "BOOLEAN", "STRING", "BINARY"];
const DOCUMENTED: Partial<Record<TablestoreType, ParquetType>> = { INTEGER: "INT64", DOUBLE: "DOUBLE", BOOLEAN: "BOOL", STRING: "UTF8" };
const TARGETS: readonly ParquetType[] = ["BOOL", "INT64", "UTF8", "DOUBLE", "DATE", "DECIMAL", "TIMESTAMP_MILLIS", "INT32", "MAP"];
const EXPERIMENTAL: readonly ParquetType[] = ["DATE", "DECIMAL", "TIMESTAMP_MILLIS", "INT32"];

/** Whether the service keeps a `source` value written as `target` (only the documented pairs). */
export function keepsValue(source: TablestoreType, target: ParquetType): boolean {
  return DOCUMENTED[source] === target;
}

export function fixtureRules(): TypeRule[] {
  return SOURCES.flatMap((source) =>
    TARGETS.map((target): TypeRule => {
      const documented = DOCUMENTED[source];
      if (documented === undefined) {
        return { source, target, isDefault: false, verdict: { status: "refused", reason: `BINARY has no documented Parquet target, so ${target} would be dropped as dirty data or rejected.` } };
      }
      if (target === documented) return { source, target, isDefault: true, verdict: { status: "supported" } };
      if (EXPERIMENTAL.includes(target)) {
        return { source, target, isDefault: false, verdict: { status: "experimental", reason: `${source} → ${target} is not documented for delivery.` } };
      }
      return {
        source,
        target,
        isDefault: false,
        verdict: { status: "refused", reason: `${source} values written as ${target} do not match, so the service drops every one of them as dirty data; the documented target is ${documented}.` },
      };
    }),
  );
}

export function column(name: string, types: [TablestoreType, number][], sampledRows: number, origin: ColumnProfile["origin"] = "sampled"): ColumnProfile {
  const counts: TypeCount[] = types.map(([tablestoreType, rows]) => ({ tablestoreType, rows }));
  const present = counts.reduce((sum, count) => sum + count.rows, 0);
  return { name, origin, types: counts, presentRows: present, presencePercent: sampledRows > 0 ? (present / sampledRows) * 100 : 0 };
}

const WORDS = ["order", "user", "price", "amount", "city", "device", "event", "status", "score", "region", "note", "flag", "total", "count", "payload"];

/**
 * `count` columns: two primary-key columns, a defined one, a mixed one and a BINARY one, then
 * generated names (word_word_n) with a single type each, deterministic for a given count.
 */
export function fixtureColumns(count: number, sampledRows = 1000): ColumnProfile[] {
  const fixed = [
    column("user_id", [["INTEGER", sampledRows]], sampledRows, "primaryKey"),
    column("event_time", [["STRING", sampledRows]], sampledRows, "primaryKey"),
    column("amount", [["DOUBLE", sampledRows]], sampledRows, "defined"),
    column("price", [["DOUBLE", Math.round(sampledRows * 0.8)], ["STRING", Math.round(sampledRows * 0.2)]], sampledRows),
    column("thumbnail", [["BINARY", Math.round(sampledRows / 2)]], sampledRows),
  ];
  const columns = fixed.slice(0, count);
  for (let i = columns.length; i < count; i++) {
    const first = WORDS[i % WORDS.length] ?? "col";
    const second = WORDS[Math.floor(i / WORDS.length) % WORDS.length] ?? "x";
    const type = SOURCES[i % 4] ?? "STRING";
    const rows = Math.max(1, Math.round(sampledRows * (0.5 + ((i * 37) % 50) / 100)));
    columns.push(column(`${first}_${second}_${String(i)}`, [[type, rows]], sampledRows));
  }
  return columns;
}
