use app_services::{AppInfo, AppServices, IpcError};
use tauri::State;

use super::guard::guarded_sync;

/// The app's version, data folder and sandbox state, for the first screen.
#[tauri::command]
pub fn app_info(services: State<'_, AppServices>) -> Result<AppInfo, IpcError> {
    guarded_sync("app_info", || services.app_info())
}

/// The third-party packages the app ships with their licences (About box).
#[tauri::command]
pub fn third_party_licences() -> Result<Vec<app_services::ThirdPartyPackage>, IpcError> {
    guarded_sync("third_party_licences", || {
        app_services::parse_licences(include_str!("../../third-party-licences.json"))
    })
}
