//! The account client (STS, ResourceManager, control plane) against the sandbox.

mod support;

use std::time::{Duration, Instant};

use cloud_clients::account::delivery_role_arn;
use cloud_clients::{ErrorKind, RetryPolicy};
use sandbox::accounts::{DEMO_ACCOUNT_ID, LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET};
use sandbox::faults::FaultSettings;
use support::*;

#[tokio::test]
async fn caller_identity_names_the_demo_account_and_user() {
    let sandbox = sandbox(100).await;
    let identity = account(&sandbox, demo())
        .caller_identity()
        .await
        .expect("identity");
    assert_eq!(identity.account_id, DEMO_ACCOUNT_ID);
    assert_eq!(identity.arn, "acs:ram::1234567890123456:user/analyst");
}

#[tokio::test]
async fn the_delivery_role_is_missing_then_created_once_and_found() {
    let sandbox = sandbox(100).await;
    let client = account(&sandbox, demo());
    assert_eq!(client.delivery_role().await.expect("asks"), None);
    let created = client.create_delivery_role().await.expect("creates");
    assert_eq!(created.arn, delivery_role_arn(DEMO_ACCOUNT_ID));
    // Creating again (as after a lost answer) finds the existing role instead of failing.
    assert_eq!(
        client.create_delivery_role().await.expect("idempotent"),
        created
    );
    assert_eq!(client.delivery_role().await.expect("asks"), Some(created));
}

#[tokio::test]
async fn the_limited_key_may_not_create_the_role() {
    let sandbox = sandbox(100).await;
    let limited = credentials(LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET);
    let error = account(&sandbox, limited)
        .create_delivery_role()
        .await
        .expect_err("denied");
    assert_eq!(error.kind(), ErrorKind::PermissionDenied, "{error}");
}

#[tokio::test]
async fn lists_the_regions_instances_and_gets_one() {
    let sandbox = sandbox(100).await;
    let client = account(&sandbox, demo());
    let instances = client.list_instances().await.expect("lists");
    let names: Vec<&str> = instances.iter().map(|i| i.name.as_str()).collect();
    assert!(names.contains(&"sandbox-demo"), "{names:?}");
    let one = client.get_instance("sandbox-demo").await.expect("gets");
    assert_eq!(one.region, "cn-hangzhou");
}

#[tokio::test]
async fn a_wrong_secret_is_auth_failed() {
    let sandbox = sandbox(100).await;
    let wrong = credentials(sandbox::accounts::DEMO_ACCESS_KEY_ID, "nope");
    let error = account(&sandbox, wrong)
        .caller_identity()
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::AuthFailed);
    assert_eq!(error.service_code(), Some("SignatureDoesNotMatch"));
}

/// The sandbox's gateway answers a throttled call with `x-acs-retry-after: 1000` (ms).
const GATEWAY_HINT: Duration = Duration::from_secs(1);

fn always_throttled() -> FaultSettings {
    FaultSettings {
        busy_rate: 1.0,
        operations: vec!["GetCallerIdentity".into()],
        ..FaultSettings::default()
    }
}

#[tokio::test]
async fn a_throttled_call_waits_the_gateways_hint_not_the_short_back_off() {
    let sandbox = sandbox(100).await;
    faults(&sandbox, always_throttled());
    // The tests' back-off is at most 10 ms: only the hint can make the wait a second.
    let client = account_with_retries(
        &sandbox,
        RetryPolicy {
            max_attempts: 2,
            ..fast_retries()
        },
    );
    let mut counter = AnswerCounter::start(&sandbox);
    let started = Instant::now();
    let error = client.caller_identity().await.expect_err("still throttled");
    let waited = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Throttled, "{error}");
    assert_eq!(error.service_code(), Some("Throttling"));
    assert_eq!(counter.answers(), 2, "one attempt, one retry");
    assert!(waited >= GATEWAY_HINT, "retried after {waited:?}");
}

#[tokio::test]
async fn a_throttled_call_succeeds_on_the_retry_after_the_hint() {
    let sandbox = sandbox(100).await;
    faults(&sandbox, always_throttled());
    let client = account(&sandbox, demo());
    let mut counter = AnswerCounter::start(&sandbox);
    let started = Instant::now();
    let lift_throttling = async {
        // Lifted as soon as the first answer (throttled) is out, well inside its 1 s hint.
        while counter.answers() == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        faults(&sandbox, FaultSettings::default());
    };
    let (identity, ()) = tokio::join!(client.caller_identity(), lift_throttling);
    let waited = started.elapsed();
    assert_eq!(
        identity.expect("retried to success").account_id,
        DEMO_ACCOUNT_ID
    );
    assert_eq!(counter.answers(), 2, "throttled once, then answered");
    assert!(waited >= GATEWAY_HINT, "retried after {waited:?}");
}
