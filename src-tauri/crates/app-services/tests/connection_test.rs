//! "Test connection" names each permission by its RAM action and says what to grant, against
//! the sandbox's limited key (which may not list buckets).
#![cfg(feature = "test-support")]

use app_services::{AppServices, ErrorCode};
use profiles::{EndpointsInput, NewProfileRequest};
use sandbox::accounts::{LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET};

#[tokio::test]
async fn a_limited_key_passes_identity_and_tables_and_fails_bucket_listing_with_a_grant() {
    let dir = tempfile::tempdir().expect("dir");
    let services = AppServices::new(
        "0.1.0",
        dir.path(),
        dir.path(),
        app_services::vaults::in_memory("tests.connection"),
    )
    .with_sandbox_rows(100);
    let endpoints = services.start_sandbox().await.expect("sandbox starts");
    services
        .create_profile(NewProfileRequest {
            name: "viewer".into(),
            access_key_id: LIMITED_ACCESS_KEY_ID.into(),
            access_key_secret: LIMITED_ACCESS_KEY_SECRET.into(),
            security_token: None,
            region: "cn-hangzhou".into(),
            instance_name: "sandbox-demo".into(),
            endpoints: EndpointsInput {
                tablestore: Some(endpoints.tablestore.clone()),
                oss: Some(endpoints.oss.clone()),
                sts: Some(endpoints.sts.clone()),
            },
        })
        .expect("profile saved");
    let report = services.test_connection("viewer").await.expect("report");
    let outcome: Vec<(&str, bool)> = report
        .checks
        .iter()
        .map(|c| (c.action.as_str(), c.ok))
        .collect();
    assert_eq!(
        outcome,
        [
            ("sts:GetCallerIdentity", true),
            ("ots:ListTable", true),
            ("oss:ListBuckets", false)
        ]
    );
    let buckets = &report.checks[2];
    let error = buckets.error.as_ref().expect("the refusal");
    assert_eq!(error.code, ErrorCode::PermissionDenied);
    assert_eq!(error.service_code.as_deref(), Some("AccessDenied"));
    assert!(
        buckets
            .grant
            .as_deref()
            .expect("what to grant")
            .contains("\"oss:ListBuckets\""),
        "{buckets:?}"
    );
    // The tables probe says how many it listed; the UI words it.
    assert!(report.checks[1].found.is_some_and(|n| n > 0), "{report:?}");
    assert_eq!(report.checks[0].found, None);
    assert_eq!(report.account_id.as_deref(), Some("1234567890123456"));
}
