use app_services::{AppServices, DeliveredFiles, DeliveryRoleStatus, DeliveryTaskView, IpcError};
use delivery::TaskDraft;
use tauri::State;

use super::guard::guarded;

/// The account's delivery role and whether it exists.
#[tauri::command]
pub async fn delivery_role(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<DeliveryRoleStatus, IpcError> {
    guarded("delivery_role", async {
        services.delivery_role(&profile).await
    })
    .await
}

/// Creates the delivery service-linked role.
#[tauri::command]
pub async fn create_delivery_role(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<DeliveryRoleStatus, IpcError> {
    guarded("create_delivery_role", async {
        services.create_delivery_role(&profile).await
    })
    .await
}

/// Checks the draft and pre-flights region, role and name, then creates the task once.
#[tauri::command]
pub async fn create_delivery_task(
    services: State<'_, AppServices>,
    profile: String,
    draft: TaskDraft,
) -> Result<DeliveryTaskView, IpcError> {
    guarded("create_delivery_task", async {
        services.create_delivery_task(&profile, &draft).await
    })
    .await
}

/// The objects a task wrote.
#[tauri::command]
pub async fn list_delivered_files(
    services: State<'_, AppServices>,
    profile: String,
    table: String,
    task: String,
) -> Result<DeliveredFiles, IpcError> {
    guarded("list_delivered_files", async {
        services.list_delivered_files(&profile, &table, &task).await
    })
    .await
}
