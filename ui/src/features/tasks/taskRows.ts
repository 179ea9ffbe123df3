import type { DeliveryTaskStatus } from "../../bindings/DeliveryTaskStatus";
import type { DeliveryTaskView } from "../../bindings/DeliveryTaskView";
import type { IpcError } from "../../bindings/IpcError";
import { CommandFailed, describeDeliveryTask, listDeliveryTasks } from "../../ipc";

/** A task with its status, or why its status could not be read. */
export interface TaskRow {
  task: DeliveryTaskView;
  status: DeliveryTaskStatus | null;
  error: IpcError | null;
}

/** Lists a table's tasks and describes each; one failing describe does not hide the others. */
export async function loadTaskRows(profile: string, table: string): Promise<TaskRow[]> {
  const tasks = await listDeliveryTasks(profile, table);
  return Promise.all(
    tasks.map((task) =>
      describeDeliveryTask(profile, table, task.taskName).then(
        (status): TaskRow => ({ task, status, error: null }),
        (reason: unknown): TaskRow => {
          if (reason instanceof CommandFailed) return { task, status: null, error: reason.error };
          throw reason;
        },
      ),
    ),
  );
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
