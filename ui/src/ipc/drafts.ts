import type { DraftSummary } from "../bindings/DraftSummary";
import type { TaskDraft } from "../bindings/TaskDraft";
import { call } from "./invoke";

export function listDrafts(): Promise<DraftSummary[]> {
  return call("list_drafts", {});
}

export function saveDraft(name: string, draft: TaskDraft): Promise<DraftSummary> {
  return call("save_draft", { name, draft });
}

export function openDraft(name: string): Promise<TaskDraft> {
  return call("open_draft", { name });
}

export async function deleteDraft(name: string): Promise<void> {
  await call("delete_draft", { name });
}
