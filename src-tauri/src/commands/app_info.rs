use app_services::{AppInfo, AppServices, IpcError};
use tauri::{AppHandle, Manager, Runtime};

use super::guard::guarded_blocking;

/// The app's version, data folder and sandbox state, for the first screen.
// Reads the preferences file: on the blocking pool, not the window's main thread.
#[tauri::command]
pub async fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo, IpcError> {
    guarded_blocking("app_info", move || app.state::<AppServices>().app_info()).await
}

/// The third-party packages the app ships with their licences (About box), each text once.
// About a megabyte of JSON to parse: on the blocking pool, not the window's main thread.
#[tauri::command]
pub async fn third_party_licences() -> Result<app_services::LicenceList, IpcError> {
    guarded_blocking("third_party_licences", || {
        app_services::licence_list(include_str!("../../third-party-licences.json"))
    })
    .await
}
