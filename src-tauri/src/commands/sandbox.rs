use app_services::{AppServices, IpcError, SandboxEndpoints};
use tauri::State;

use super::guard::guarded;

/// Starts the built-in sandbox (once) so the sandbox profile can be used.
#[tauri::command]
pub async fn start_sandbox(services: State<'_, AppServices>) -> Result<SandboxEndpoints, IpcError> {
    guarded("start_sandbox", async { services.start_sandbox().await }).await
}
