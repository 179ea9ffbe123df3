//! What the service tests share: services over a temporary data folder with the sandbox
//! running.

use app_services::AppServices;

/// Services with an in-memory keyring under `namespace`, a sandbox whose large table has
/// `rows` rows and whose delivery runs in milliseconds, already started.
pub async fn sandbox_services(namespace: &str, rows: u32) -> (AppServices, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let services = AppServices::new(
        "0.1.0",
        dir.path(),
        dir.path(),
        app_services::vaults::in_memory(namespace),
    )
    .with_sandbox_rows(rows)
    .with_sandbox_delivery(app_services::fast_sandbox_delivery());
    services.start_sandbox().await.expect("sandbox starts");
    (services, dir)
}
