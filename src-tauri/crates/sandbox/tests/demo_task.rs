//! The app's demo starts with one delivery task; tests that count tasks start without it.

use sandbox::delivery::demo::DEMO_TASK_NAME;
use sandbox::{Sandbox, SandboxConfig};

#[tokio::test]
async fn the_demo_task_exists_only_when_asked_for() {
    let with = Sandbox::start(SandboxConfig {
        large_table_rows: 100,
        demo_task: true,
        ..SandboxConfig::default()
    })
    .await
    .expect("starts");
    assert!(with
        .state()
        .delivery
        .task("orders", DEMO_TASK_NAME)
        .is_some());
    with.stop().await;
    let without = Sandbox::start(SandboxConfig {
        large_table_rows: 100,
        ..SandboxConfig::default()
    })
    .await
    .expect("starts");
    assert!(without
        .state()
        .delivery
        .task("orders", DEMO_TASK_NAME)
        .is_none());
    without.stop().await;
}
