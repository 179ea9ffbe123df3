import type { DeliveryTaskStatus } from "../../bindings/DeliveryTaskStatus";
import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import type { IpcError } from "../../bindings/IpcError";
import type { TableFailure } from "../../bindings/TableFailure";
import { CommandFailed, describeDeliveryTask, listDeliveryTasks, listInstanceTasks } from "../../ipc";
import { mapBounded } from "./mapBounded";

/** How many tasks are described at once (the service throttles bursts). */
export const DESCRIBE_CONCURRENCY = 4;

/** A task with its status, or why its status could not be read. */
export interface TaskRow {
  task: DeliveryTaskView;
  status: DeliveryTaskStatus | null;
  error: IpcError | null;
}

/** Tasks with their status, and the tables whose tasks could not be listed. */
export interface TaskList {
  rows: TaskRow[];
  failedTables: TableFailure[];
  /** How many tables were asked; `null` when one table was listed. */
  tablesAsked: number | null;
}

/** Task names are unique per table only; across the instance a row is table and task. */
export function rowKey(task: DeliveryTaskView): string {
  return `${task.tableName}/${task.taskName}`;
}

/** Describes each task, a few at a time; one failing describe does not hide the others. */
export function describeTasks(profile: string, tasks: readonly DeliveryTaskView[]): Promise<TaskRow[]> {
  return mapBounded(tasks, DESCRIBE_CONCURRENCY, (task) =>
    describeDeliveryTask(profile, task.tableName, task.taskName).then(
      (status): TaskRow => ({ task, status, error: null }),
      (reason: unknown): TaskRow => {
        if (reason instanceof CommandFailed) return { task, status: null, error: reason.error };
        throw reason;
      },
    ),
  );
}

/** Lists a table's tasks and describes each. */
export async function loadTaskRows(profile: string, table: string): Promise<TaskRow[]> {
  return describeTasks(profile, await listDeliveryTasks(profile, table));
}

/** Every task of the instance (Rust fans out over the tables) with its status. */
export async function loadInstanceRows(profile: string): Promise<TaskList> {
  const listed = await listInstanceTasks(profile);
  const rows = await describeTasks(profile, listed.tasks);
  return { rows, failedTables: listed.failedTables, tablesAsked: listed.tablesAsked };
}

/** The checkpoint (nanoseconds since the epoch, as a string) as a date, or null. */
export function checkpointDate(ns: string | null): Date | null {
  if (ns === null) return null;
  const ms = Number(BigInt(ns) / 1_000_000n);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : null;
}

/** The task is working (starting, copying or following changes) and not stopped by a problem. */
export function isRunning(status: DeliveryTaskStatus | null): boolean {
  return status !== null && status.errorCode === null && ["INIT", "FULL", "INCR"].includes(status.phase);
}
