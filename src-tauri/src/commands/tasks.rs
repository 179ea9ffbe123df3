use app_services::{AppServices, DeliveryTaskStatus, DeliveryTaskView, IpcError};
use tauri::State;

use super::guard::guarded;

/// The delivery tasks of a table.
#[tauri::command]
pub async fn list_delivery_tasks(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
) -> Result<Vec<DeliveryTaskView>, IpcError> {
    guarded("list_delivery_tasks", async {
        services.list_delivery_tasks(&profile, &table).await
    })
    .await
}

/// A task's phase, checkpoint and any error the service reports.
#[tauri::command]
pub async fn describe_delivery_task(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    task: String,
) -> Result<DeliveryTaskStatus, IpcError> {
    guarded("describe_delivery_task", async {
        services
            .describe_delivery_task(&profile, &table, &task)
            .await
    })
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
    guarded("delete_delivery_task", async {
        services.delete_delivery_task(&profile, &table, &task).await
    })
    .await
}

/// The tasks of every table of the instance, a few tables at a time.
#[tauri::command]
pub async fn list_instance_tasks(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<app_services::InstanceTasks, IpcError> {
    guarded("list_instance_tasks", async {
        services.list_instance_tasks(&profile).await
    })
    .await
}

/// Samples the table afresh and lists the columns the task does not deliver.
#[tauri::command]
pub async fn drift_watch(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    task: String,
    max_rows: u32,
) -> Result<app_services::DriftReport, IpcError> {
    guarded("drift_watch", async {
        services
            .drift_watch(&profile, &table, &task, max_rows)
            .await
    })
    .await
}
