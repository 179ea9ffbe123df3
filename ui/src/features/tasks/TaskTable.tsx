import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import { EnglishDetail } from "../../components/EnglishDetail";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatLag } from "./formatLag";
import { checkpointDate, rowKey } from "./taskRows";
import type { TaskRow } from "./taskRows";

interface Props {
  rows: readonly TaskRow[];
  /** Across the instance, each row names its table. */
  showTable: boolean;
  /** The row key (table/task) whose details are open. */
  open: string | null;
  onToggle: (key: string) => void;
  onDelete: (task: DeliveryTaskView) => void;
  details: (row: TaskRow) => React.ReactNode;
  remedy: (row: TaskRow, errorCode: string) => React.ReactNode;
  /** Now, in milliseconds since the epoch, for the lag (taken once per load). */
  now: number;
}

/** Tasks with type and phase, checkpoint (local and UTC), lag, destination and problem. */
export function TaskTable({ rows, showTable, open, onToggle, onDelete, details, remedy, now }: Props) {
  const { t, i18n } = useTranslation();
  const local = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium" });
  const utc = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const columns = showTable ? 8 : 7;
  return (
    // The frame is the container the narrow layout (a card per task) is chosen by, in watch.css.
    <div className="task-list-frame">
      <table className="tasks-table task-list-table">
        <thead>
          <tr>
            <th scope="col">{t("tasks.name")}</th>
            {showTable && <th scope="col">{t("watch.table")}</th>}
            <th scope="col">{t("tasks.typeAndPhase")}</th>
            <th scope="col">{t("tasks.checkpoint")}</th>
            <th scope="col">{t("watch.lag")}</th>
            <th scope="col">{t("tasks.destination")}</th>
            <th scope="col">{t("tasks.problem")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("tasks.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { task, status, error } = row;
            const key = rowKey(task);
            const checkpoint = checkpointDate(status?.checkpointNs ?? null);
            const expanded = open === key;
            const detailsId = `task-details-${task.tableName}-${task.taskName}`;
            return (
              <Fragment key={key}>
                <tr data-task={task.taskName} data-table={task.tableName}>
                  <th scope="row">{task.taskName}</th>
                  {showTable && (
                    <td className="task-table" data-label={t("watch.table")}>
                      {task.tableName}
                    </td>
                  )}
                  {/* Type and phase share a cell so the table fits the default window. */}
                  <td className="task-type" data-label={t("tasks.typeAndPhase")}>
                    {t(`tasks.types.${task.taskType}`, { defaultValue: task.taskType })}
                    {status && (
                      <span className="task-phase">
                        {t("tasks.phaseNow", {
                          phase: t(`tasks.phases.${status.phase}`, { defaultValue: status.phase }),
                        })}
                      </span>
                    )}
                  </td>
                  <td className="task-checkpoint" data-label={t("tasks.checkpoint")}>
                    {checkpoint ? (
                      <>
                        {local.format(checkpoint)}
                        <span className="task-utc">{t("watch.checkpointUtc", { time: utc.format(checkpoint) })}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="task-lag" data-label={t("watch.lag")} data-lag-ms={checkpoint ? now - checkpoint.getTime() : undefined}>
                    {checkpoint ? formatLag(now - checkpoint.getTime(), i18n.language) : "—"}
                  </td>
                  <td className="task-destination" data-label={t("tasks.destination")}>{status?.bucket ? `${status.bucket}/${status.prefix ?? ""}` : "—"}</td>
                  <td className="task-problem" data-label={t("tasks.problem")} data-error-code={status?.errorCode ?? undefined}>
                    {error && <ErrorNotice error={error} />}
                    {status?.errorCode && (
                      <>
                        {t(`tasks.problems.${status.errorCode}`, { defaultValue: status.errorCode })}
                        {/* The service's own words, English: labelled as such in another language. */}
                        {status.errorDetail && (
                          <>
                            {" "}
                            <EnglishDetail kind="detail" text={status.errorDetail} />
                          </>
                        )}
                        {remedy(row, status.errorCode)}
                      </>
                    )}
                  </td>
                  <td className="task-actions">
                    <div className="row-actions">
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={expanded}
                        aria-controls={expanded ? detailsId : undefined}
                        aria-label={t("delivery.tasks.details", { task: task.taskName })}
                        onClick={() => {
                          onToggle(key);
                        }}
                      >
                        {t("watch.detailsShort")}
                      </button>
                      <button
                        type="button"
                        className="secondary danger"
                        aria-label={t("tasks.delete", { task: task.taskName })}
                        onClick={() => {
                          onDelete(task);
                        }}
                      >
                        {t("watch.deleteShort")}
                      </button>
                    </div>
                  </td>
                </tr>
                {expanded && (
                  <tr className="task-details-row">
                    <td colSpan={columns} id={detailsId}>
                      {details(row)}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
