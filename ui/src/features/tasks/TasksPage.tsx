import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { TaskDraft } from "../../bindings/TaskDraft";
import { queryKeys } from "../../app/queryKeys";
import { useLoad } from "../../app/useLoad";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageTitle } from "../../components/PageTitle";
import { listTables } from "../../ipc";
import { SearchableList } from "../pick/SearchableList";
import { TaskList } from "./TaskList";
import { loadInstanceRows, loadTaskRows } from "./taskRows";
import "./watch.css";

/** How often a table's tasks and a running task's files are read again. */
export const REFRESH_MS = 5000;

/** The list item for every table at once; a hyphen cannot start a Tablestore table name. */
export const ALL_TABLES = "-all-tables";

interface Props {
  profile: string;
  /** The table to show first (e.g. the one a task was just created for); all tables when null. */
  initialTable?: string | null;
  /** The task whose details open first. */
  openTask?: string | null;
  refreshMs?: number;
  /** The instance's region, named where a bucket must match it. */
  region?: string | null;
  /** Opens the wizard's source and destination step for a table (to pick another bucket). */
  onOpenWizard?: (table: string) => void;
  /** Opens the wizard on a draft of a new task (from the drift watch). */
  onDraftFromTask?: (draft: TaskDraft) => void;
}

/** Delivery tasks of one table or the whole instance: phase, checkpoint, lag, problems and remedies. */
export function TasksPage({
  profile,
  initialTable = null,
  openTask = null,
  refreshMs = REFRESH_MS,
  region = null,
  onOpenWizard,
  onDraftFromTask,
}: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>(initialTable ?? ALL_TABLES);
  const [tables, reloadTables] = useLoad(queryKeys.tables(profile), () => listTables(profile));
  const table = chosen === ALL_TABLES ? null : chosen;
  const loadOne = () =>
    loadTaskRows(profile, chosen).then((rows) => ({ rows, failedTables: [], tablesAsked: null, at: Date.now() }));
  const loadAll = () => loadInstanceRows(profile).then((listed) => ({ ...listed, at: Date.now() }));
  const shared = { profile, refreshMs, region, onOpenWizard, onDraftFromTask };

  return (
    <main className="tasks-page" aria-labelledby="tasks-title">
      <PageTitle id="tasks-title">{t("tasks.title")}</PageTitle>
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
              items={[{ id: ALL_TABLES, label: t("watch.allTables") }, ...tables.value.map((name) => ({ id: name, label: name }))]}
              selectedId={chosen}
              onSelect={setChosen}
            />
          )}
        </section>
        <section aria-labelledby="tasks-list-title">
          {table === null ? (
            <TaskList
              key={ALL_TABLES}
              {...shared}
              queryKey={queryKeys.instanceTasks(profile)}
              load={loadAll}
              heading={t("watch.allTitle")}
              emptyText={t("watch.noneInInstance")}
              showTable
              openTask={null}
            />
          ) : (
            <TaskList
              key={table}
              {...shared}
              queryKey={queryKeys.tasks(profile, table)}
              load={loadOne}
              heading={t("tasks.ofTable", { table })}
              emptyText={t("tasks.none")}
              showTable={false}
              openTask={table === initialTable && openTask !== null ? `${table}/${openTask}` : null}
            />
          )}
        </section>
      </div>
    </main>
  );
}
