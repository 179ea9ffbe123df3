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

/// Sets the running sandbox's misbehaviour switches (`PUT /faults` on its admin endpoint),
/// e.g. `{"truncateRate": 1.0, "operations": ["CreateDeliveryTask"]}`. Blocks the calling
/// thread: call it from a multi-threaded runtime, or the sandbox cannot answer.
#[allow(dead_code)] // not every test file makes the sandbox misbehave
pub fn set_faults(services: &AppServices, settings: &str) {
    use std::io::{Read, Write};
    let info = services.app_info().expect("app info");
    let admin = info.sandbox.endpoints.expect("sandbox running").admin;
    let host = admin.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(host).expect("admin endpoint answers");
    write!(
        stream,
        "PUT /faults HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{settings}",
        settings.len()
    )
    .expect("sends");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("reads");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// Creates the delivery service-linked role, so creates get past the role pre-flight.
#[allow(dead_code)] // not every test file creates tasks
pub async fn with_delivery_role(services: &AppServices) {
    services
        .create_delivery_role("sandbox")
        .await
        .expect("the sandbox creates the role");
}

/// The names of the tasks of `table` on the sandbox profile.
#[allow(dead_code)] // not every test file creates tasks
pub async fn task_names(services: &AppServices, table: &str) -> Vec<String> {
    services
        .list_delivery_tasks("sandbox", table)
        .await
        .expect("lists tasks")
        .into_iter()
        .map(|task| task.task_name)
        .collect()
}
