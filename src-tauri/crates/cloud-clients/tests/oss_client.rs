//! The OSS client against the sandbox over loopback.

mod support;

use cloud_clients::oss::ObjectRange;
use cloud_clients::ErrorKind;
use sandbox::accounts::{LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET};
use sandbox::faults::FaultSettings;
use support::*;

#[tokio::test]
async fn lists_every_bucket_across_pages_with_regions_in_both_signature_versions() {
    let sandbox = sandbox(100).await;
    for v4 in [false, true] {
        let buckets = oss(&sandbox, demo(), v4)
            .list_buckets()
            .await
            .expect("lists");
        let expected: Vec<String> = sandbox
            .state()
            .oss
            .buckets()
            .into_iter()
            .map(|b| b.name.clone())
            .collect();
        let mut names: Vec<String> = buckets.iter().map(|b| b.name.clone()).collect();
        names.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(names, expected);
        let beijing = buckets
            .iter()
            .find(|b| b.name == "sandbox-beijing")
            .expect("seeded");
        assert_eq!(beijing.region, "cn-beijing");
        assert_eq!(beijing.location, "oss-cn-beijing");
    }
}

#[tokio::test]
async fn bucket_info_and_region_agree_and_an_unknown_bucket_is_not_found() {
    let sandbox = sandbox(100).await;
    let client = oss(&sandbox, demo(), true);
    assert_eq!(
        client
            .bucket_region("sandbox-delivery")
            .await
            .expect("region"),
        "cn-hangzhou"
    );
    let info = client.bucket_info("sandbox-delivery").await.expect("info");
    assert_eq!(info.region, "cn-hangzhou");
    let error = client
        .bucket_region("no-such-bucket-here")
        .await
        .expect_err("missing");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.service_code(), Some("NoSuchBucket"));
    assert!(error.request_id().is_some());
}

#[tokio::test]
async fn lists_objects_with_folders_and_reads_a_unicode_key_whole_and_by_range() {
    let sandbox = sandbox(100).await;
    let client = oss(&sandbox, demo(), true);
    let root = client
        .list_objects("sandbox-archive", "", Some("/"), None, 100)
        .await
        .expect("lists");
    assert!(
        root.common_prefixes.contains(&"unicode/".to_owned()),
        "{root:?}"
    );
    let key = "unicode/数据/文件.txt";
    let whole = client
        .get_object("sandbox-archive", key, None)
        .await
        .expect("gets");
    let stored = sandbox
        .state()
        .oss
        .get_object("sandbox-archive", key)
        .expect("seeded")
        .data
        .clone();
    assert_eq!(whole, stored);
    let part = client
        .get_object(
            "sandbox-archive",
            key,
            Some(ObjectRange {
                first: 1,
                last: Some(3),
            }),
        )
        .await
        .expect("range");
    assert_eq!(part.as_ref(), &stored[1..=3]);
}

#[tokio::test]
async fn the_limited_key_is_denied_bucket_listing_and_a_wrong_secret_fails_auth() {
    let sandbox = sandbox(100).await;
    let limited = credentials(LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET);
    let denied = oss(&sandbox, limited, true)
        .list_buckets()
        .await
        .expect_err("denied");
    assert_eq!(denied.kind(), ErrorKind::PermissionDenied);
    let wrong = credentials(sandbox::accounts::DEMO_ACCESS_KEY_ID, "not-the-secret");
    let refused = oss(&sandbox, wrong, false)
        .list_buckets()
        .await
        .expect_err("refused");
    assert_eq!(refused.kind(), ErrorKind::AuthFailed);
    assert_eq!(refused.service_code(), Some("SignatureDoesNotMatch"));
}

#[tokio::test]
async fn a_skewed_service_clock_is_reported_as_clock_skew() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            clock_skew_seconds: 3600,
            ..FaultSettings::default()
        },
    );
    let error = oss(&sandbox, demo(), true)
        .list_buckets()
        .await
        .expect_err("skewed");
    assert_eq!(error.kind(), ErrorKind::ClockSkew);
}

#[tokio::test]
async fn busy_answers_are_retried_until_the_listing_succeeds() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            busy_rate: 0.5,
            ..FaultSettings::default()
        },
    );
    let client = oss(&sandbox, demo(), true);
    for _ in 0..10 {
        client.list_buckets().await.expect("retried to success");
    }
}

#[tokio::test]
async fn a_corrupt_checksum_or_a_cut_off_body_is_response_corrupt() {
    let sandbox = sandbox(100).await;
    let client = oss(&sandbox, demo(), true);
    let key = "unicode/数据/文件.txt";
    for settings in [
        FaultSettings {
            corrupt_rate: 1.0,
            operations: vec!["GetObject".into()],
            ..FaultSettings::default()
        },
        FaultSettings {
            truncate_rate: 1.0,
            operations: vec!["GetObject".into()],
            ..FaultSettings::default()
        },
    ] {
        faults(&sandbox, settings);
        let error = client
            .get_object("sandbox-archive", key, None)
            .await
            .expect_err("damaged");
        assert_eq!(error.kind(), ErrorKind::ResponseCorrupt, "{error}");
    }
}

#[tokio::test]
async fn a_dropped_connection_is_a_network_error_after_the_retries() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            drop_rate: 1.0,
            ..FaultSettings::default()
        },
    );
    let error = oss(&sandbox, demo(), true)
        .list_buckets()
        .await
        .expect_err("dropped");
    assert_eq!(error.kind(), ErrorKind::Network, "{error}");
}
