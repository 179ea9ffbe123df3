import { useCallback, useMemo, useState } from "react";

import type { ColumnProfile } from "../bindings/ColumnProfile";
import type { SchemaSample } from "../bindings/SchemaSample";
import type { SourceColumn } from "../bindings/SourceColumn";
import { tableColumns } from "../ipc";
import { queryKeys } from "./queryKeys";
import { useLoad } from "./useLoad";
import type { Load } from "./useLoad";

/** Declared columns as the mapper sees columns: the declared type, no rows counted yet. */
export function declaredProfiles(columns: readonly SourceColumn[]): ColumnProfile[] {
  return columns.map((column) => ({
    name: column.name,
    origin: column.origin,
    types: column.typesSeen.map((tablestoreType) => ({ tablestoreType, rows: 0 })),
    presentRows: 0,
    presencePercent: 0,
  }));
}

export interface TableSource {
  declared: Load<SourceColumn[]>;
  reloadDeclared: () => void;
  sample: SchemaSample | null;
  /** Holds a sample of the chosen table, or of `table` when given (e.g. one about to be chosen). */
  setSample: (sample: SchemaSample, table?: string) => void;
  /** What the mapper offers: the sampled columns, or the declared ones before sampling. */
  columns: ColumnProfile[];
  sampledRows: number;
}

const NO_TABLE = () => Promise.resolve<SourceColumn[]>([]);

/** The chosen table's columns: from metadata at once, from the last sample once there is one. */
export function useTableSource(profile: string | null, table: string | null): TableSource {
  const key = profile && table ? `${profile}/${table}` : null;
  const [declared, reloadDeclared] = useLoad(
    profile && table ? queryKeys.tableColumns(profile, table) : queryKeys.noTableColumns,
    () => (profile && table ? tableColumns(profile, table) : NO_TABLE()),
  );
  const [held, setHeld] = useState<{ key: string; sample: SchemaSample } | null>(null);
  const sample = held !== null && held.key === key ? held.sample : null;
  const setSample = useCallback(
    (next: SchemaSample, forTable?: string) => {
      const target = forTable !== undefined && profile ? `${profile}/${forTable}` : key;
      if (target !== null) setHeld({ key: target, sample: next });
    },
    [key, profile],
  );
  const columns = useMemo(
    () => (sample ? sample.report.columns : declared.status === "ready" ? declaredProfiles(declared.value) : []),
    [sample, declared],
  );
  return { declared, reloadDeclared, sample, setSample, columns, sampledRows: sample?.report.rowsSeen ?? 0 };
}
