use app_services::{
    AppServices, DraftReview, ExportFormat, ExportedTask, IpcError, ParquetPreview, TypeRule,
};
use delivery::{SourceColumn, TaskDraft};
use tauri::{AppHandle, Manager, Runtime, State};

use super::guard::{guarded, guarded_blocking, guarded_sync};

/// The table's primary-key and defined columns, from its metadata.
#[tauri::command]
pub async fn table_columns(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
) -> Result<Vec<SourceColumn>, IpcError> {
    guarded("table_columns", async {
        services.table_columns(&profile, &table).await
    })
    .await
}

/// Every Tablestore → Parquet pair with the domain's verdict.
#[tauri::command]
pub fn type_rules() -> Result<Vec<TypeRule>, IpcError> {
    guarded_sync("type_rules", || Ok(app_services::type_rules()))
}

/// Every finding about a draft, the request it makes, dirty counts and example paths.
#[tauri::command]
pub async fn check_draft(
    services: State<'_, AppServices>,
    profile: String,
    draft: TaskDraft,
    zone_offset_minutes: i32,
) -> Result<DraftReview, IpcError> {
    guarded("check_draft", async {
        services
            .check_draft(&profile, &draft, zone_offset_minutes)
            .await
    })
    .await
}

/// The sampled rows rendered to Parquet and read back. Rendering a large sample takes a
/// noticeable fraction of a second, so it runs off the window's main thread.
#[tauri::command]
pub async fn preview_parquet<R: Runtime>(
    app: AppHandle<R>,
    profile: String,
    draft: TaskDraft,
    max_rows: u32,
) -> Result<ParquetPreview, IpcError> {
    guarded_blocking("preview_parquet", move || {
        app.state::<AppServices>()
            .preview_parquet(&profile, &draft, max_rows)
    })
    .await
}

/// The task as JSON or SDK code.
#[tauri::command]
pub async fn export_task(
    services: State<'_, AppServices>,
    profile: String,
    draft: TaskDraft,
    format: ExportFormat,
) -> Result<ExportedTask, IpcError> {
    guarded("export_task", async {
        services.export_task(&profile, &draft, format).await
    })
    .await
}
