import { useQueryClient } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import type { TaskDraft } from "../../bindings/TaskDraft";
import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { DeleteTaskDialog } from "./DeleteTaskDialog";
import { FailedTables } from "./FailedTables";
import { TaskDetails } from "./TaskDetails";
import { TaskRemedy } from "./TaskRemedy";
import { TaskTable } from "./TaskTable";
import { isRunning } from "./taskRows";
import type { TaskList as Listed } from "./taskRows";

interface Props {
  profile: string;
  /** Where the list sits in the query cache. */
  queryKey: QueryKey;
  /** Loads the tasks; the time it answered is kept for the lag. */
  load: () => Promise<Listed & { at: number }>;
  heading: string;
  emptyText: string;
  /** Across the instance: a Table column and the tables that failed. */
  showTable: boolean;
  /** The row key (table/task) whose details open first. */
  openTask: string | null;
  refreshMs: number;
  region?: string | null;
  onOpenWizard?: (table: string) => void;
  onDraftFromTask?: (draft: TaskDraft) => void;
}

/** Listed tasks with their state, refreshed while any runs; details, remedies and delete. */
export function TaskList({
  profile,
  queryKey,
  load,
  heading,
  emptyText,
  showTable,
  openTask,
  refreshMs,
  region = null,
  onOpenWizard,
  onDraftFromTask,
}: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Read again while any task runs: its phase, checkpoint and files move on their own.
  const [running, setRunning] = useState(false);
  const [listed, reload] = useLoad(queryKey, load, { refetchInterval: running ? refreshMs : false });
  const [deleting, setDeleting] = useState<DeliveryTaskView | null>(null);
  const [open, setOpen] = useState<string | null>(openTask);
  const runningNow = listed.status === "ready" && listed.value.rows.some(({ status }) => isRunning(status));
  if (runningNow !== running) setRunning(runningNow);
  // Tables that could not be listed follow the tasks (a line above says so), so that however many
  // there are they never push the tasks out of view; with no task to show they come first.
  const failedBelow = listed.status === "ready" && listed.value.rows.length > 0 && listed.value.failedTables.length > 0;

  return (
    <>
      <div className="tasks-heading">
        <h2 id="tasks-list-title">{heading}</h2>
        <button type="button" className="secondary" id="refresh-tasks" onClick={reload}>
          {t("tasks.refresh")}
        </button>
      </div>
      {running && <p className="field-hint">{t("delivery.delivered.autoRefresh", { seconds: Math.round(refreshMs / 1000) })}</p>}
      {listed.status === "loading" && <p className="loading">{t("app.loading")}</p>}
      {listed.status === "failed" && <ErrorNotice error={listed.error} onRetry={reload} />}
      {listed.status === "ready" && (
        <>
          {listed.value.tablesAsked !== null && (
            <p className="field-hint" id="tables-asked">
              {failedBelow
                ? t("watch.tablesAskedFailed", { count: listed.value.tablesAsked, failed: listed.value.failedTables.length })
                : t("watch.tablesAsked", { count: listed.value.tablesAsked })}
            </p>
          )}
          {!failedBelow && <FailedTables failures={listed.value.failedTables} />}
          {listed.value.rows.length === 0 ? (
            <p>{emptyText}</p>
          ) : (
            <TaskTable
              rows={listed.value.rows}
              showTable={showTable}
              now={listed.value.at}
              open={open}
              onToggle={(key) => {
                setOpen((current) => (current === key ? null : key));
              }}
              onDelete={setDeleting}
              details={(row) => (
                <TaskDetails profile={profile} row={row} refreshMs={running ? refreshMs : null} onDraftFromTask={onDraftFromTask} />
              )}
              remedy={(row, errorCode) => (
                <TaskRemedy
                  profile={profile}
                  table={row.task.tableName}
                  task={row.task.taskName}
                  errorCode={errorCode}
                  region={region}
                  onOpenWizard={onOpenWizard}
                />
              )}
            />
          )}
          {failedBelow && <FailedTables failures={listed.value.failedTables} />}
        </>
      )}
      {deleting && (
        <DeleteTaskDialog
          profile={profile}
          table={deleting.tableName}
          task={deleting.taskName}
          onClose={() => {
            setDeleting(null);
          }}
          onDeleted={() => {
            setDeleting(null);
            // Every list showing the task (this table's, the instance's) asks again.
            void queryClient.invalidateQueries({ queryKey: queryKeys.tasksOf(profile) });
          }}
        />
      )}
    </>
  );
}
