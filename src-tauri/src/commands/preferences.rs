use app_services::{AppServices, IpcError, Locale};
use tauri::{AppHandle, Manager, Runtime};

use super::guard::guarded_blocking;

/// Remembers the UI language (`null` follows the operating system).
// Writes the preferences file: on the blocking pool, not the window's main thread.
#[tauri::command]
pub async fn set_locale<R: Runtime>(
    app: AppHandle<R>,
    locale: Option<String>,
) -> Result<(), IpcError> {
    guarded_blocking("set_locale", move || {
        let locale = locale.as_deref().map(Locale::parse).transpose()?;
        app.state::<AppServices>().set_locale(locale)
    })
    .await
}
