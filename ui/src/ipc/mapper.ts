// Commands of the mapper, settings and review steps. Every rule lives in Rust: the UI sends
// the draft as the user edits it and shows what comes back.
import type { DeliveryRoleStatus } from "../bindings/DeliveryRoleStatus";
import type { DeliveryTaskView } from "../bindings/DeliveryTaskView";
import type { DraftReview } from "../bindings/DraftReview";
import type { ExportedTask } from "../bindings/ExportedTask";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ParquetPreview } from "../bindings/ParquetPreview";
import type { SourceColumn } from "../bindings/SourceColumn";
import type { TaskDraft } from "../bindings/TaskDraft";
import type { TypeRule } from "../bindings/TypeRule";
import { call } from "./invoke";

/** The table's primary-key and defined columns, from its metadata (no rows read). */
export function tableColumns(profile: string, table: string): Promise<SourceColumn[]> {
  return call("table_columns", { profile, table });
}

/** Every Tablestore → Parquet pair with the domain's verdict. */
export function typeRules(): Promise<TypeRule[]> {
  return call("type_rules", {});
}

/** Minutes east of UTC of this computer's zone, for example object paths. */
export function localZoneOffsetMinutes(at: Date = new Date()): number {
  return -at.getTimezoneOffset();
}

/** Every finding about `draft`, the request it makes, dirty counts and example paths. */
export function checkDraft(profile: string, draft: TaskDraft, zoneOffsetMinutes = localZoneOffsetMinutes()): Promise<DraftReview> {
  return call("check_draft", { profile, draft, zoneOffsetMinutes });
}

/** The sampled rows rendered to Parquet and read back (first `maxRows`). */
export function previewParquet(profile: string, draft: TaskDraft, maxRows: number): Promise<ParquetPreview> {
  return call("preview_parquet", { profile, draft, maxRows });
}

export function exportTask(profile: string, draft: TaskDraft, format: ExportFormat): Promise<ExportedTask> {
  return call("export_task", { profile, draft, format });
}

/** Asks where to save (native dialog) and writes the export; resolves to the path, or null when cancelled. */
export function saveExport(profile: string, draft: TaskDraft, format: ExportFormat): Promise<string | null> {
  return call("save_export", { profile, draft, format });
}

export function deliveryRole(profile: string): Promise<DeliveryRoleStatus> {
  return call("delivery_role", { profile });
}

export function createDeliveryRole(profile: string): Promise<DeliveryRoleStatus> {
  return call("create_delivery_role", { profile });
}

/** Checks everything again in Rust (region, role, unique name), then creates the task once. */
export function createDeliveryTask(profile: string, draft: TaskDraft): Promise<DeliveryTaskView> {
  return call("create_delivery_task", { profile, draft });
}
