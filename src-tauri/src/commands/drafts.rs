use app_services::{AppServices, DraftSummary, IpcError};
use delivery::TaskDraft;
use tauri::State;

use super::guard::guarded_sync;

#[tauri::command]
pub fn list_drafts(services: State<'_, AppServices>) -> Result<Vec<DraftSummary>, IpcError> {
    guarded_sync("list_drafts", || services.list_drafts())
}

/// Saves (or replaces) a named draft.
#[tauri::command]
pub fn save_draft(
    services: State<'_, AppServices>,
    name: String,
    draft: TaskDraft,
) -> Result<DraftSummary, IpcError> {
    guarded_sync("save_draft", || services.save_draft(&name, &draft))
}

#[tauri::command]
pub fn open_draft(services: State<'_, AppServices>, name: String) -> Result<TaskDraft, IpcError> {
    guarded_sync("open_draft", || services.open_draft(&name))
}

#[tauri::command]
pub fn delete_draft(services: State<'_, AppServices>, name: String) -> Result<(), IpcError> {
    guarded_sync("delete_draft", || services.delete_draft(&name))
}
