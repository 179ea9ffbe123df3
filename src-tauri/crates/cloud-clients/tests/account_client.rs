//! The account client (STS, ResourceManager, control plane) against the sandbox.

mod support;

use cloud_clients::account::delivery_role_arn;
use cloud_clients::ErrorKind;
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
async fn a_wrong_secret_is_auth_failed_and_throttling_is_retried() {
    let sandbox = sandbox(100).await;
    let wrong = credentials(sandbox::accounts::DEMO_ACCESS_KEY_ID, "nope");
    let error = account(&sandbox, wrong)
        .caller_identity()
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::AuthFailed);
    assert_eq!(error.service_code(), Some("SignatureDoesNotMatch"));
    faults(
        &sandbox,
        FaultSettings {
            busy_rate: 0.5,
            ..FaultSettings::default()
        },
    );
    let client = account(&sandbox, demo());
    for _ in 0..10 {
        client.caller_identity().await.expect("retried to success");
    }
}
