import { useTranslation } from "react-i18next";

import type { TaskDraft } from "../../bindings/TaskDraft";
import { ossUrl } from "../delivered/ossUrl";

/** The draft's settings in a few lines, as the user chose them. */
export function DraftSummaryList({ draft }: { draft: TaskDraft }) {
  const { t } = useTranslation();
  const none = t("delivery.review.unset");
  const rows: [string, string][] = [
    [t("delivery.review.fields.table"), draft.tableName],
    [t("delivery.review.fields.taskName"), draft.taskName || none],
    [t("delivery.review.fields.taskType"), t(`delivery.settings.types.${draft.taskType}`)],
    [t("delivery.review.fields.destination"), ossUrl(draft.ossBucket || none, draft.ossPrefix)],
    [t("delivery.review.fields.endpoint"), draft.ossEndpoint || none],
    [t("delivery.review.fields.columns"), draft.schema.map((entry) => entry.outputName).join(", ") || none],
    [
      t("delivery.review.fields.eventTime"),
      draft.eventTime ? `${draft.eventTime.columnName} (${draft.eventTime.timeFormat ?? none})` : t("delivery.review.writeTime"),
    ],
    [t("delivery.review.fields.role"), draft.roleArn || none],
  ];
  return (
    <dl className="draft-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
