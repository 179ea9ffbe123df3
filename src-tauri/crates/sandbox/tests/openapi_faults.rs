//! The account-API endpoint misbehaves on request: latency, throttling, dropped connections,
//! truncated and corrupt bodies, each limited to the named operations.

mod openapi_support;

use std::time::{Duration, Instant};

use openapi_support::{demo, small_sandbox, try_send, Call};
use sandbox::faults::FaultSettings;
use sandbox::Sandbox;

fn caller_identity() -> Call {
    Call::rpc("GetCallerIdentity", "2015-04-01")
}

fn list_instances() -> Call {
    Call::roa_get("/v2/openapi/listinstances", "ListInstances")
}

fn set(sandbox: &Sandbox, settings: FaultSettings) {
    sandbox.state().apply_faults(settings);
}

fn only(operation: &str) -> Vec<String> {
    vec![operation.to_owned()]
}

#[tokio::test]
async fn latency_delays_every_answer() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    set(
        &sandbox,
        FaultSettings {
            latency_ms: 250,
            ..FaultSettings::default()
        },
    );
    let started = Instant::now();
    let reply = caller_identity().send_v3(&base, &demo()).await;
    assert_eq!(reply.status, 200);
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn busy_is_throttling_with_a_retry_hint_and_only_for_the_named_operation() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    set(
        &sandbox,
        FaultSettings {
            busy_rate: 1.0,
            operations: only("ListInstances"),
            ..FaultSettings::default()
        },
    );
    let throttled = list_instances().send_v3(&base, &demo()).await;
    assert_eq!(
        (throttled.status, throttled.code()),
        (400, "Throttling".to_owned())
    );
    assert_eq!(throttled.headers["x-acs-retry-after"], "1000");
    assert!(throttled.json()["Recommend"]
        .as_str()
        .is_some_and(|r| r.contains("product=Tablestore")));
    let untouched = caller_identity().send_rpc(&base, &demo()).await;
    assert_eq!(untouched.status, 200);
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    set(
        &sandbox,
        FaultSettings {
            drop_rate: 1.0,
            operations: only("GetCallerIdentity"),
            ..FaultSettings::default()
        },
    );
    let request = caller_identity().signed_v3(&base, &demo(), chrono::Utc::now(), "n-drop");
    let error = try_send(request).await.expect_err("no answer");
    assert!(error.is_request() || error.is_connect(), "{error:?}");
    let next = list_instances().send_v3(&base, &demo()).await;
    assert_eq!(next.status, 200);
}

#[tokio::test]
async fn truncate_cuts_the_body_off_mid_way() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    set(
        &sandbox,
        FaultSettings {
            truncate_rate: 1.0,
            operations: only("ListInstances"),
            ..FaultSettings::default()
        },
    );
    let request = list_instances().signed_v3(&base, &demo(), chrono::Utc::now(), "n-cut");
    let error = try_send(request).await.expect_err("the body is cut off");
    assert!(
        error.is_body() || error.is_decode() || error.is_request(),
        "{error:?}"
    );
}

#[tokio::test]
async fn corrupt_sends_a_document_that_does_not_parse() {
    let sandbox = small_sandbox().await;
    let base = sandbox.endpoints().openapi.clone();
    set(
        &sandbox,
        FaultSettings {
            corrupt_rate: 1.0,
            operations: only("GetCallerIdentity"),
            ..FaultSettings::default()
        },
    );
    let request = caller_identity().signed_rpc(&base, &demo(), chrono::Utc::now(), "n-bad");
    let reply = try_send(request).await.expect("an answer arrives");
    assert_eq!(reply.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&reply.body).is_err());
    assert!(String::from_utf8_lossy(&reply.body).contains("\"AccountId\":\"1234567890123456\""));
}
