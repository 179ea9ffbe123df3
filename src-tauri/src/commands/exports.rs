use app_services::{AppServices, ErrorCode, ExportFormat, IpcError};
use delivery::TaskDraft;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::guard::guarded;

/// Asks where to save (native dialog), then writes the export there. `None` when the user
/// cancels. The path never comes from the web view, so it cannot write anywhere unasked.
#[tauri::command]
pub async fn save_export<R: Runtime>(
    app: AppHandle<R>,
    services: State<'_, AppServices>,
    profile: String,
    draft: TaskDraft,
    format: ExportFormat,
) -> Result<Option<String>, IpcError> {
    guarded("save_export", async {
        let exported = services.export_task(&profile, &draft, format).await?;
        let dialog = app.dialog().file().set_file_name(&exported.file_name);
        // The dialog blocks until the user answers; keep it off the async workers.
        let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
            .await
            .map_err(|e| {
                IpcError::new(ErrorCode::Internal, format!("The save dialog failed: {e}"))
            })?;
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        std::fs::write(&path, exported.text).map_err(|error| {
            IpcError::new(
                ErrorCode::StorageFailed,
                format!("Could not write {}: {error}", path.display()),
            )
            .with_remedy("Choose a folder you may write to.")
        })?;
        Ok(Some(path.display().to_string()))
    })
    .await
}
