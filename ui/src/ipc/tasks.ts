import type { DeliveredFiles } from "../bindings/DeliveredFiles";
import type { DeliveryTaskStatus } from "../bindings/DeliveryTaskStatus";
import type { DeliveryTaskView } from "../bindings/DeliveryTaskView";
import type { DriftReport } from "../bindings/DriftReport";
import type { InstanceTasks } from "../bindings/InstanceTasks";
import { call } from "./invoke";

export function listDeliveryTasks(profile: string, table: string): Promise<DeliveryTaskView[]> {
  return call("list_delivery_tasks", { profile, table });
}

export function describeDeliveryTask(profile: string, table: string, task: string): Promise<DeliveryTaskStatus> {
  return call("describe_delivery_task", { profile, table, task });
}

export async function deleteDeliveryTask(profile: string, table: string, task: string): Promise<void> {
  await call("delete_delivery_task", { profile, table, task });
}

/** The objects a task wrote under the fixed part of its prefix. */
export function listDeliveredFiles(profile: string, table: string, task: string): Promise<DeliveredFiles> {
  return call("list_delivered_files", { profile, table, task });
}

/** Every table's tasks at once (the service lists per table; Rust asks a few tables at a time). */
export function listInstanceTasks(profile: string): Promise<InstanceTasks> {
  return call("list_instance_tasks", { profile });
}

/** Samples `table` afresh (up to `maxRows`) and lists the columns `task` does not deliver. */
export function driftWatch(profile: string, table: string, task: string, maxRows: number): Promise<DriftReport> {
  return call("drift_watch", { profile, table, task, maxRows });
}
