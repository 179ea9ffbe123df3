use app_services::{AppServices, BucketChoice, ConnectionReport, InstanceChoice, IpcError};
use tauri::State;

use super::guard::guarded;

/// Probes each permission the app needs with the profile's keys.
#[tauri::command]
pub async fn test_connection(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<ConnectionReport, IpcError> {
    guarded("test_connection", async {
        services.test_connection(&profile).await
    })
    .await
}

/// The tables of the profile's instance, sorted.
#[tauri::command]
pub async fn list_tables(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<Vec<String>, IpcError> {
    guarded("list_tables", async {
        services.list_tables(&profile).await
    })
    .await
}

/// The account's buckets, the instance's region first.
#[tauri::command]
pub async fn list_buckets(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<Vec<BucketChoice>, IpcError> {
    guarded("list_buckets", async {
        services.list_buckets(&profile).await
    })
    .await
}

/// The Tablestore instances of the profile's region.
#[tauri::command]
pub async fn list_instances(
    services: State<'_, AppServices>,
    profile: String,
) -> Result<Vec<InstanceChoice>, IpcError> {
    guarded("list_instances", async {
        services.list_instances(&profile).await
    })
    .await
}
