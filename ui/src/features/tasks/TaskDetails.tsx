import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { DeliveredFilesPanel } from "../delivered/DeliveredFilesPanel";
import { checkpointDate } from "./taskRows";
import type { TaskRow } from "./taskRows";
import { ossUrl } from "../delivered/ossUrl";

interface Props {
  profile: string;
  table: string;
  row: TaskRow;
  refreshMs: number | null;
}

/** A task's stored configuration and checkpoint, and the files it delivered. */
export function TaskDetails({ profile, table, row, refreshMs }: Props) {
  const { t, i18n } = useTranslation();
  const { task, status, error } = row;
  const checkpoint = checkpointDate(status?.checkpointNs ?? null);
  const local = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium" });
  const utc = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const none = "—";
  return (
    <div className="task-details" data-task={task.taskName}>
      {error && <ErrorNotice error={error} />}
      {status && (
        <dl className="draft-summary">
          <div>
            <dt>{t("tasks.type")}</dt>
            <dd>{t(`tasks.types.${task.taskType}`, { defaultValue: task.taskType })}</dd>
          </div>
          <div>
            <dt>{t("tasks.phase")}</dt>
            <dd>{t(`tasks.phases.${status.phase}`, { defaultValue: status.phase })}</dd>
          </div>
          <div>
            <dt>{t("tasks.checkpoint")}</dt>
            <dd>
              {checkpoint
                ? t("delivery.tasks.checkpointBoth", {
                    local: local.format(checkpoint),
                    utc: utc.format(checkpoint),
                  })
                : none}
            </dd>
          </div>
          <div>
            <dt>{t("tasks.destination")}</dt>
            <dd>{status.bucket ? ossUrl(status.bucket, status.prefix ?? "") : none}</dd>
          </div>
          <div>
            <dt>{t("delivery.tasks.columnCount")}</dt>
            <dd>{status.columnCount}</dd>
          </div>
        </dl>
      )}
      <DeliveredFilesPanel profile={profile} table={table} task={task.taskName} refreshMs={refreshMs} />
    </div>
  );
}
