use app_services::{AppServices, IpcError, Locale};
use tauri::State;

use super::guard::guarded_sync;

/// Remembers the UI language (`null` follows the operating system).
#[tauri::command]
pub fn set_locale(
    services: State<'_, AppServices>,
    locale: Option<String>,
) -> Result<(), IpcError> {
    guarded_sync("set_locale", || {
        let locale = locale.as_deref().map(Locale::parse).transpose()?;
        services.set_locale(locale)
    })
}
