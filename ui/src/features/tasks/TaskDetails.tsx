import { useTranslation } from "react-i18next";

import type { TaskDraft } from "../../bindings/TaskDraft";
import { ErrorNotice } from "../../components/ErrorNotice";
import { DeliveredFilesPanel } from "../delivered/DeliveredFilesPanel";
import { checkpointDate } from "./taskRows";
import type { TaskRow } from "./taskRows";
import { ossUrl } from "../delivered/ossUrl";
import { DriftPanel } from "./DriftPanel";

interface Props {
  profile: string;
  row: TaskRow;
  refreshMs: number | null;
  onDraftFromTask?: (draft: TaskDraft) => void;
}

/** A task's stored configuration and checkpoint, the files it delivered, and columns it misses. */
export function TaskDetails({ profile, row, refreshMs, onDraftFromTask }: Props) {
  const { t, i18n } = useTranslation();
  const { task, status, error } = row;
  const table = task.tableName;
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
      <DriftPanel profile={profile} table={table} task={task.taskName} onDraftFromTask={onDraftFromTask} />
    </div>
  );
}
