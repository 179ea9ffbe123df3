use app_services::{AppServices, IpcError};
use profiles::{NewProfileRequest, ProfileSummary};
use tauri::State;

/// Every profile, the sandbox first, each with its keyring status.
#[tauri::command]
pub async fn list_profiles(
    services: State<'_, AppServices>,
) -> Result<Vec<ProfileSummary>, IpcError> {
    // The keyring may block on an unlock prompt: keep it off the main thread (async command).
    services.list_profiles()
}

/// Saves a new profile: the secret to the OS keyring, the rest to the profiles file.
#[tauri::command]
pub async fn create_profile(
    services: State<'_, AppServices>,
    request: NewProfileRequest,
) -> Result<ProfileSummary, IpcError> {
    services.create_profile(request)
}

#[tauri::command]
pub async fn delete_profile(
    services: State<'_, AppServices>,
    name: String,
) -> Result<(), IpcError> {
    services.delete_profile(&name)
}
