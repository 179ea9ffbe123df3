import { Fragment, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

import { useLoad } from "../../app/useLoad";
import type { Load } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { listTables } from "../../ipc";
import { useInterval } from "../delivered/useInterval";
import { SearchableList } from "../pick/SearchableList";
import { DeleteTaskDialog } from "./DeleteTaskDialog";
import { TaskDetails } from "./TaskDetails";
import { checkpointDate, isRunning, loadTaskRows } from "./taskRows";
import type { TaskRow } from "./taskRows";

/** How often a table's tasks and a running task's files are read again. */
export const REFRESH_MS = 5000;

interface Props {
  profile: string;
  /** The table to show first (e.g. the one a task was just created for). */
  initialTable?: string | null;
  /** The task whose details open first. */
  openTask?: string | null;
  refreshMs?: number;
}

/** A table's delivery tasks with their phase, checkpoint and problems; details, files, delete. */
export function TasksPage({ profile, initialTable = null, openTask = null, refreshMs = REFRESH_MS }: Props) {
  const { t } = useTranslation();
  const [table, setTable] = useState<string | null>(initialTable);
  const [tables, reloadTables] = useLoad(useCallback(() => listTables(profile), [profile]));

  return (
    <main className="tasks-page" aria-labelledby="tasks-title">
      <h1 id="tasks-title">{t("tasks.title")}</h1>
      <div className="tasks-layout">
        <section aria-labelledby="tasks-tables-title">
          <h2 id="tasks-tables-title">{t("pick.tables")}</h2>
          {tables.status === "loading" && <p className="loading">{t("app.loading")}</p>}
          {tables.status === "failed" && <ErrorNotice error={tables.error} onRetry={reloadTables} />}
          {tables.status === "ready" && (
            <SearchableList
              label={t("tasks.filterTables")}
              filterPlaceholder={t("pick.filterPlaceholder")}
              emptyText={t("pick.noTables")}
              items={tables.value.map((name) => ({ id: name, label: name }))}
              selectedId={table}
              onSelect={setTable}
            />
          )}
        </section>
        <section aria-labelledby="tasks-list-title">
          {table === null ? (
            <p id="tasks-list-title">{t("tasks.chooseTable")}</p>
          ) : (
            <TableTasks
              key={table}
              profile={profile}
              table={table}
              openTask={table === initialTable ? openTask : null}
              refreshMs={refreshMs}
            />
          )}
        </section>
      </div>
    </main>
  );
}

function TableTasks({
  profile,
  table,
  openTask,
  refreshMs,
}: {
  profile: string;
  table: string;
  openTask: string | null;
  refreshMs: number;
}) {
  const { t } = useTranslation();
  const [rows, reload] = useLoad(useCallback(() => loadTaskRows(profile, table), [profile, table]));
  const [deleting, setDeleting] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(openTask);
  // Read again while any task runs: its phase, checkpoint and files move on their own.
  const running = rows.status === "ready" && rows.value.some(({ status }) => isRunning(status));
  useInterval(reload, running ? refreshMs : null);

  return (
    <>
      <div className="tasks-heading">
        <h2 id="tasks-list-title">{t("tasks.ofTable", { table })}</h2>
        <button type="button" className="secondary" id="refresh-tasks" onClick={reload}>
          {t("tasks.refresh")}
        </button>
      </div>
      {running && <p className="field-hint">{t("delivery.delivered.autoRefresh", { seconds: Math.round(refreshMs / 1000) })}</p>}
      <TaskTable
        rows={rows}
        onRetry={reload}
        onDelete={setDeleting}
        open={open}
        onToggle={(task) => {
          setOpen((current) => (current === task ? null : task));
        }}
        details={(row) => (
          <TaskDetails profile={profile} table={table} row={row} refreshMs={running ? refreshMs : null} />
        )}
      />
      {deleting && (
        <DeleteTaskDialog
          profile={profile}
          table={table}
          task={deleting}
          onClose={() => {
            setDeleting(null);
          }}
          onDeleted={() => {
            setDeleting(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function TaskTable({
  rows,
  onRetry,
  onDelete,
  open,
  onToggle,
  details,
}: {
  rows: Load<TaskRow[]>;
  onRetry: () => void;
  onDelete: (task: string) => void;
  open: string | null;
  onToggle: (task: string) => void;
  details: (row: TaskRow) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  if (rows.status === "loading") return <p className="loading">{t("app.loading")}</p>;
  if (rows.status === "failed") return <ErrorNotice error={rows.error} onRetry={onRetry} />;
  if (rows.value.length === 0) return <p>{t("tasks.none")}</p>;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <table className="tasks-table">
      <thead>
        <tr>
          <th scope="col">{t("tasks.name")}</th>
          <th scope="col">{t("tasks.type")}</th>
          <th scope="col">{t("tasks.phase")}</th>
          <th scope="col">{t("tasks.checkpoint")}</th>
          <th scope="col">{t("tasks.destination")}</th>
          <th scope="col">{t("tasks.problem")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("tasks.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.value.map((row) => {
          const { task, status, error } = row;
          const checkpoint = checkpointDate(status?.checkpointNs ?? null);
          const expanded = open === task.taskName;
          const detailsId = `task-details-${task.taskName}`;
          return (
            <Fragment key={task.taskName}>
            <tr data-task={task.taskName}>
              <th scope="row">{task.taskName}</th>
              <td>{t(`tasks.types.${task.taskType}`, { defaultValue: task.taskType })}</td>
              <td className="task-phase">
                {status ? t(`tasks.phases.${status.phase}`, { defaultValue: status.phase }) : "—"}
              </td>
              <td>{checkpoint ? format.format(checkpoint) : "—"}</td>
              <td>{status?.bucket ? `${status.bucket}/${status.prefix ?? ""}` : "—"}</td>
              <td className="task-problem">
                {error && <ErrorNotice error={error} />}
                {status?.errorCode &&
                  t(`tasks.problems.${status.errorCode}`, {
                    defaultValue: status.errorCode,
                    detail: status.errorDetail ?? "",
                  })}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  onClick={() => {
                    onToggle(task.taskName);
                  }}
                >
                  {t("delivery.tasks.details", { task: task.taskName })}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    onDelete(task.taskName);
                  }}
                >
                  {t("tasks.delete", { task: task.taskName })}
                </button>
              </td>
            </tr>
            {expanded && (
              <tr className="task-details-row">
                <td colSpan={7} id={detailsId}>
                  {details(row)}
                </td>
              </tr>
            )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
