import { useTranslation } from "react-i18next";

import type { ColumnProfile } from "../bindings/ColumnProfile";
import type { DraftReview } from "../bindings/DraftReview";
import type { SchemaEntryDraft } from "../bindings/SchemaEntryDraft";
import type { TaskDraft } from "../bindings/TaskDraft";
import type { TypeRule } from "../bindings/TypeRule";
import { PageTitle } from "../components/PageTitle";

interface Props {
  table: string;
  columns: readonly ColumnProfile[];
  sampledRows: number;
  rules: readonly TypeRule[];
  draft: TaskDraft;
  review: DraftReview | null;
  onChange: (schema: SchemaEntryDraft[]) => void;
}

/** The mapper step: the draft's schema, edited by the mapper with Rust's findings per row. */
export function MapperStep({ table, draft }: Props) {
  const { t } = useTranslation();
  return (
    <main className="mapper-page" aria-labelledby="mapper-title">
      <PageTitle id="mapper-title">{t("delivery.wizard.mapperTitle", { table })}</PageTitle>
      <p className="field-hint">{t("delivery.wizard.mapperLead")}</p>
      <p>{t("delivery.wizard.mapperMissing")}</p>
      <p className="field-hint">{draft.schema.length}</p>
    </main>
  );
}
