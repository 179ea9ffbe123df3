use app_services::{AppServices, IpcError, SamplingProgress, SchemaSample};
use tauri::ipc::Channel;
use tauri::State;

use super::guard::{guarded, guarded_sync};

/// The table's columns: declared ones from its metadata, the rest from up to `max_rows`
/// sampled rows; progress arrives on `on_progress` after each page.
#[tauri::command]
pub async fn sample_schema(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    max_rows: u32,
    on_progress: Channel<SamplingProgress>,
) -> Result<SchemaSample, IpcError> {
    guarded("sample_schema", async {
        services
            .sample_schema(&profile, &table, max_rows, |progress| {
                // A closed window has nobody to tell; the sample still finishes.
                let _ = on_progress.send(progress);
            })
            .await
    })
    .await
}

/// Stops a running sample; answers whether one was running.
#[tauri::command]
pub fn cancel_sampling(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
) -> Result<bool, IpcError> {
    guarded_sync("cancel_sampling", || {
        Ok(services.cancel_sampling(&profile, &table))
    })
}
