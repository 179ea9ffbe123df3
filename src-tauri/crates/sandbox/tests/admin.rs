//! The sandbox starts on free loopback ports and its control endpoint changes its behaviour.

use sandbox::faults::FaultSettings;
use sandbox::{Sandbox, SandboxConfig};

async fn small_sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows: 100,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

#[tokio::test]
async fn every_service_gets_its_own_loopback_port() {
    let sandbox = small_sandbox().await;
    let e = sandbox.endpoints().clone();
    let urls = [&e.tablestore, &e.oss, &e.openapi, &e.admin];
    for url in urls {
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    }
    let mut unique: Vec<_> = urls.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4);
    let health = reqwest::get(format!("{}/health", e.admin))
        .await
        .expect("answers");
    assert_eq!(health.text().await.expect("body"), "ok");
    sandbox.stop().await;
}

#[tokio::test]
async fn faults_set_through_the_admin_endpoint_take_effect_at_once() {
    let sandbox = small_sandbox().await;
    let admin = sandbox.endpoints().admin.clone();
    let client = reqwest::Client::new();
    let wanted = FaultSettings {
        busy_rate: 1.0,
        clock_skew_seconds: 3600,
        expire_tokens: true,
        ..FaultSettings::default()
    };
    let answer = client
        .put(format!("{admin}/faults"))
        .header("content-type", "application/json")
        .body(r#"{"busyRate":1.0,"clockSkewSeconds":3600,"expireTokens":true}"#)
        .send()
        .await
        .expect("answers");
    assert_eq!(answer.status(), 200);
    assert_eq!(sandbox.state().faults.settings(), wanted);
    assert_eq!(sandbox.state().clock.skew_seconds(), 3600);
    let refused = client
        .put(format!("{admin}/faults"))
        .header("content-type", "application/json")
        .body(r#"{"bussyRate":1.0}"#)
        .send()
        .await
        .expect("answers");
    assert_eq!(
        refused.status(),
        422,
        "a misspelt switch is refused, not ignored"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn revoking_a_key_disables_it_and_an_unknown_key_is_not_found() {
    let sandbox = small_sandbox().await;
    let admin = sandbox.endpoints().admin.clone();
    let client = reqwest::Client::new();
    let known = client
        .post(format!(
            "{admin}/keys/{}/revoke",
            sandbox::accounts::LIMITED_ACCESS_KEY_ID
        ))
        .send()
        .await
        .expect("answers");
    assert_eq!(known.status(), 204);
    let now = sandbox.state().now();
    assert!(sandbox
        .state()
        .accounts
        .authenticate(sandbox::accounts::LIMITED_ACCESS_KEY_ID, None, now)
        .is_err());
    let unknown = client
        .post(format!("{admin}/keys/LTAInobody/revoke"))
        .send()
        .await
        .expect("answers");
    assert_eq!(unknown.status(), 404);
    sandbox.stop().await;
}
