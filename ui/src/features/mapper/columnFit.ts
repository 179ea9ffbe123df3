// Which Parquet types a source column may take, read from the domain's rule table (the
// `type_rules` command). No rule is decided here: this only combines the verdicts of the
// types a column was seen with.
import type { ColumnProfile } from "../../bindings/ColumnProfile";
import type { ParquetType } from "../../bindings/ParquetType";
import type { TablestoreType } from "../../bindings/TablestoreType";
import type { TypeRule } from "../../bindings/TypeRule";

/** A target that fits only some of a mixed column's types: the other rows become dirty data. */
export interface PartialTarget {
  target: ParquetType;
  keeps: TablestoreType[];
  keptRows: number;
}

export interface ColumnFit {
  /** Targets supported for every type seen (for a column with no known type: every documented target). */
  compatible: ParquetType[];
  /** For mixed columns: targets supported for some of the types seen, most rows kept first. */
  partial: PartialTarget[];
  /** What a new mapping gets; null when no single target fits every type. */
  defaultTarget: ParquetType | null;
}

/** Indexes the rules by source type once, so per-column lookups stay cheap with 2,000 columns. */
export class RuleBook {
  private readonly bySource = new Map<TablestoreType, TypeRule[]>();
  private readonly supportedTargets: ParquetType[];

  constructor(rules: readonly TypeRule[]) {
    const supported = new Set<ParquetType>();
    for (const rule of rules) {
      const list = this.bySource.get(rule.source);
      if (list) list.push(rule);
      else this.bySource.set(rule.source, [rule]);
      if (rule.verdict.status === "supported") supported.add(rule.target);
    }
    this.supportedTargets = [...supported];
  }

  rule(source: TablestoreType, target: ParquetType): TypeRule | undefined {
    return this.bySource.get(source)?.find((rule) => rule.target === target);
  }

  supportedFor(source: TablestoreType): ParquetType[] {
    return (this.bySource.get(source) ?? []).filter((rule) => rule.verdict.status === "supported").map((rule) => rule.target);
  }

  defaultFor(source: TablestoreType): ParquetType | null {
    const rule = this.bySource.get(source)?.find((r) => r.isDefault && r.verdict.status === "supported");
    return rule?.target ?? null;
  }

  /** Every target supported for at least one source type (offered when a column's type is unknown). */
  anySupported(): ParquetType[] {
    return this.supportedTargets;
  }
}

/** The types a column holds; a declared type with no sampled rows counts too. */
export function typesOf(column: ColumnProfile): TablestoreType[] {
  return column.types.map((count) => count.tablestoreType);
}

export function isMixed(column: ColumnProfile): boolean {
  return column.types.length > 1;
}

export function fitOf(column: ColumnProfile | undefined, book: RuleBook): ColumnFit {
  if (!column || column.types.length === 0) {
    return { compatible: [...book.anySupported()], partial: [], defaultTarget: null };
  }
  const types = typesOf(column);
  const [first, ...rest] = types;
  const compatible = first === undefined ? [] : book.supportedFor(first).filter((target) => rest.every((type) => book.rule(type, target)?.verdict.status === "supported"));
  const defaultTarget = types.length === 1 && first !== undefined ? book.defaultFor(first) : null;
  const partial: PartialTarget[] = [];
  if (types.length > 1) {
    const byTarget = new Map<ParquetType, PartialTarget>();
    for (const count of column.types) {
      for (const target of book.supportedFor(count.tablestoreType)) {
        if (compatible.includes(target)) continue;
        const entry = byTarget.get(target) ?? { target, keeps: [], keptRows: 0 };
        entry.keeps.push(count.tablestoreType);
        entry.keptRows += count.rows;
        byTarget.set(target, entry);
      }
    }
    partial.push(...[...byTarget.values()].sort((a, b) => b.keptRows - a.keptRows));
  }
  return { compatible, partial, defaultTarget };
}

/** For an entry's chosen target: the reason of each type seen that the target does not take. */
export function incompatibleReasons(column: ColumnProfile | undefined, target: ParquetType | null, book: RuleBook): { type: TablestoreType; reason: string }[] {
  if (!column || target === null) return [];
  return typesOf(column).flatMap((type) => {
    const verdict = book.rule(type, target)?.verdict;
    if (!verdict || verdict.status === "supported") return [];
    return [{ type, reason: verdict.reason }];
  });
}
