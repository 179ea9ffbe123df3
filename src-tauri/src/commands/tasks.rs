use app_services::{AppServices, DeliveryTaskStatus, DeliveryTaskView, IpcError};
use tauri::State;

/// The delivery tasks of a table.
#[tauri::command]
pub async fn list_delivery_tasks(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
) -> Result<Vec<DeliveryTaskView>, IpcError> {
    services.list_delivery_tasks(&profile, &table).await
}

/// A task's phase, checkpoint and any error the service reports.
#[tauri::command]
pub async fn describe_delivery_task(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    task: String,
) -> Result<DeliveryTaskStatus, IpcError> {
    services
        .describe_delivery_task(&profile, &table, &task)
        .await
}

/// Deletes a task; files it already wrote stay in the bucket.
#[tauri::command]
pub async fn delete_delivery_task(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    task: String,
) -> Result<(), IpcError> {
    services.delete_delivery_task(&profile, &table, &task).await
}
