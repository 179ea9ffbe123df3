//! Named drafts in the app's data folder. File work runs on the blocking pool: Tauri runs a
//! plain synchronous command on the window's main thread, and a folder of drafts is read
//! and parsed whole.

use app_services::{AppServices, DraftSummary, IpcError};
use delivery::TaskDraft;
use tauri::{AppHandle, Manager, Runtime};

use super::guard::guarded_blocking;

#[tauri::command]
pub async fn list_drafts<R: Runtime>(app: AppHandle<R>) -> Result<Vec<DraftSummary>, IpcError> {
    guarded_blocking("list_drafts", move || {
        app.state::<AppServices>().list_drafts()
    })
    .await
}

/// Saves (or replaces) a named draft.
#[tauri::command]
pub async fn save_draft<R: Runtime>(
    app: AppHandle<R>,
    name: String,
    draft: TaskDraft,
) -> Result<DraftSummary, IpcError> {
    guarded_blocking("save_draft", move || {
        app.state::<AppServices>().save_draft(&name, &draft)
    })
    .await
}

#[tauri::command]
pub async fn open_draft<R: Runtime>(
    app: AppHandle<R>,
    name: String,
) -> Result<TaskDraft, IpcError> {
    guarded_blocking("open_draft", move || {
        app.state::<AppServices>().open_draft(&name)
    })
    .await
}

#[tauri::command]
pub async fn delete_draft<R: Runtime>(app: AppHandle<R>, name: String) -> Result<(), IpcError> {
    guarded_blocking("delete_draft", move || {
        app.state::<AppServices>().delete_draft(&name)
    })
    .await
}
