import type { DeliveryTaskStatus } from "../bindings/DeliveryTaskStatus";
import type { DeliveryTaskView } from "../bindings/DeliveryTaskView";
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
