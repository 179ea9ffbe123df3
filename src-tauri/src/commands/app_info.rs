use app_services::{AppInfo, AppServices, IpcError};
use tauri::State;

use super::guard::guarded_sync;

/// The app's version, data folder and sandbox state, for the first screen.
#[tauri::command]
pub fn app_info(services: State<'_, AppServices>) -> Result<AppInfo, IpcError> {
    guarded_sync("app_info", || services.app_info())
}
