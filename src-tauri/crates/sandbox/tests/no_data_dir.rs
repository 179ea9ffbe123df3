//! Without `data_dir` the sandbox keeps everything in memory: no saver thread runs, so
//! nothing is written anywhere. (Its own test binary, so no other test's saver is counted.)

mod tablestore_support;

use sandbox::{Sandbox, SandboxConfig};

fn saver_threads() -> usize {
    std::fs::read_dir("/proc/self/task")
        .expect("Linux lists a process's threads")
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
        .filter(|name| name.trim() == "sandbox-saver")
        .count()
}

#[tokio::test]
async fn without_a_data_dir_no_state_is_saved() {
    assert_eq!(SandboxConfig::default().data_dir, None);
    let sandbox = Sandbox::start(SandboxConfig {
        large_table_rows: 10,
        ..SandboxConfig::default()
    })
    .await
    .expect("starts");
    let client = tablestore_support::Client::demo(&sandbox);
    let reply = client
        .call("ListTable", &tablestore_wire::proto::ListTableRequest {})
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(saver_threads(), 0);
    sandbox.stop().await;

    let dir = std::env::temp_dir().join(format!("sandbox-no-data-dir-{}", std::process::id()));
    let with_dir = Sandbox::start(SandboxConfig {
        large_table_rows: 10,
        data_dir: Some(dir.clone()),
        ..SandboxConfig::default()
    })
    .await
    .expect("starts");
    // The thread names itself once running: give it a moment.
    for _ in 0..50 {
        if saver_threads() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(
        saver_threads(),
        1,
        "the probe sees a saver when there is one"
    );
    with_dir.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
