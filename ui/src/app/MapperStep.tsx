import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../bindings/ColumnProfile";
import type { DraftReview } from "../bindings/DraftReview";
import type { SchemaEntryDraft } from "../bindings/SchemaEntryDraft";
import type { TaskDraft } from "../bindings/TaskDraft";
import type { TypeRule } from "../bindings/TypeRule";
import { PageTitle } from "../components/PageTitle";
import { Mapper } from "../features/mapper";
import { issuesOf } from "./issueSteps";

interface Props {
  table: string;
  columns: readonly ColumnProfile[];
  sampledRows: number;
  rules: readonly TypeRule[];
  draft: TaskDraft;
  review: DraftReview | null;
  onChange: (schema: SchemaEntryDraft[]) => void;
}

const NONE = [] as const;

/** The mapper step: the draft's schema, edited by the mapper with Rust's findings per row. */
export function MapperStep({ table, columns, sampledRows, rules, draft, review, onChange }: Props) {
  const { t } = useTranslation();
  // A stable list while the review stays the same, so the mapper's memos hold.
  const issues = useMemo(() => (review ? issuesOf(review.issues, "schema") : NONE), [review]);
  return (
    <main className="mapper-page" aria-labelledby="mapper-title">
      <PageTitle id="mapper-title">{t("delivery.wizard.mapperTitle", { table })}</PageTitle>
      <p className="field-hint">{t("delivery.wizard.mapperLead")}</p>
      <Mapper
        columns={columns}
        sampledRows={sampledRows}
        rules={rules}
        schema={draft.schema}
        onChange={onChange}
        issues={issues}
        dirtyCounts={review?.dirtyCounts ?? NONE}
      />
    </main>
  );
}
