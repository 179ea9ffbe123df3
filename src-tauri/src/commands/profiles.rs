use app_services::{AppServices, ImportRequest, IpcError};
use profiles::import::ImportPreview;
use profiles::{KnownRegion, NewProfileRequest, ProfileSummary, ProfileUpdateRequest};
use tauri::State;

use super::guard::guarded;

/// Every profile, the sandbox first, each with its keyring status.
#[tauri::command]
pub async fn list_profiles(
    services: State<'_, AppServices>,
) -> Result<Vec<ProfileSummary>, IpcError> {
    // The keyring may block on an unlock prompt: keep it off the main thread (async command).
    guarded("list_profiles", async { services.list_profiles() }).await
}

/// Saves a new profile: the secret to the OS keyring, the rest to the profiles file.
#[tauri::command]
pub async fn create_profile(
    services: State<'_, AppServices>,
    request: NewProfileRequest,
) -> Result<ProfileSummary, IpcError> {
    guarded("create_profile", async { services.create_profile(request) }).await
}

#[tauri::command]
pub async fn delete_profile(
    services: State<'_, AppServices>,
    name: String,
) -> Result<(), IpcError> {
    guarded("delete_profile", async { services.delete_profile(&name) }).await
}

/// Changes a stored profile; empty secret fields keep the stored secrets.
#[tauri::command]
pub async fn update_profile(
    services: State<'_, AppServices>,
    name: String,
    request: ProfileUpdateRequest,
) -> Result<ProfileSummary, IpcError> {
    guarded("update_profile", async {
        services.update_profile(&name, request)
    })
    .await
}

/// Credentials found in the aliyun CLI config, the SDKs' INI file and the environment.
#[tauri::command]
pub async fn import_preview(services: State<'_, AppServices>) -> Result<ImportPreview, IpcError> {
    guarded("import_preview", async { services.import_preview() }).await
}

/// Imports one found entry as a profile.
#[tauri::command]
pub async fn import_profile(
    services: State<'_, AppServices>,
    request: ImportRequest,
) -> Result<ProfileSummary, IpcError> {
    guarded("import_profile", async { services.import_profile(request) }).await
}

/// The regions the profile form offers (any well-formed region id is accepted too).
#[tauri::command]
pub fn known_regions() -> Vec<KnownRegion> {
    profiles::known_regions()
}
