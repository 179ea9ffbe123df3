//! The misbehaviour switches as an OSS client sees them: latency, busy answers, dropped
//! connections, truncated bodies and corrupt CRC64 headers, limited to the named operations.

mod oss_support;

use std::time::{Duration, Instant};

use oss_support::{small_sandbox, status_and_code, OssRequest};
use sandbox::faults::FaultSettings;
use sandbox::oss::checksum::crc64;

fn only(operations: &[&str], settings: &FaultSettings) -> FaultSettings {
    FaultSettings {
        operations: operations.iter().map(|&o| o.to_owned()).collect(),
        ..settings.clone()
    }
}

fn read_readme() -> OssRequest {
    OssRequest::new("GET", Some("sandbox-archive"), "readme.txt")
}

#[tokio::test]
async fn busy_answers_503_with_the_meta_or_general_throttling_code() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    sandbox.state().apply_faults(only(
        &["GetObject", "ListBuckets"],
        &FaultSettings {
            busy_rate: 1.0,
            ..FaultSettings::default()
        },
    ));
    let (status, code, _) = status_and_code(read_readme().send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (503, "ServiceUnavailable"));
    let (status, code, _) = status_and_code(
        OssRequest::list_buckets()
            .send(base)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (503, "MetaOperationQpsLimitExceeded")
    );
    let other = OssRequest::new("HEAD", Some("sandbox-archive"), "readme.txt");
    assert_eq!(other.send(base).await.expect("answers").status(), 200);
}

#[tokio::test]
async fn a_dropped_connection_gives_the_client_no_answer() {
    let sandbox = small_sandbox().await;
    sandbox.state().apply_faults(FaultSettings {
        drop_rate: 1.0,
        ..FaultSettings::default()
    });
    let outcome = read_readme().send(&sandbox.endpoints().oss).await;
    let error = outcome.expect_err("the connection is closed unanswered");
    assert!(error.is_request() || error.is_connect(), "{error:?}");
}

#[tokio::test]
async fn a_truncated_body_ends_before_its_content_length() {
    let sandbox = small_sandbox().await;
    sandbox.state().apply_faults(only(
        &["GetObject"],
        &FaultSettings {
            truncate_rate: 1.0,
            ..FaultSettings::default()
        },
    ));
    let response = read_readme()
        .send(&sandbox.endpoints().oss)
        .await
        .expect("headers arrive");
    assert_eq!(response.status(), 200);
    let declared = response.content_length().expect("length declared");
    let whole = sandbox
        .state()
        .oss
        .get_object("sandbox-archive", "readme.txt")
        .expect("seeded");
    assert_eq!(declared, whole.data.len() as u64);
    assert!(response.bytes().await.is_err(), "the body is cut off");
}

#[tokio::test]
async fn a_corrupt_fault_sends_a_crc64_that_does_not_match_the_bytes() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    sandbox.state().apply_faults(only(
        &["GetObject", "PutObject"],
        &FaultSettings {
            corrupt_rate: 1.0,
            ..FaultSettings::default()
        },
    ));
    let response = read_readme().send(base).await.expect("answers");
    let header: u64 = response.headers()["x-oss-hash-crc64ecma"]
        .to_str()
        .expect("text")
        .parse()
        .expect("decimal");
    let body = response.bytes().await.expect("body");
    assert_ne!(header, crc64(&body));

    let put = OssRequest::new("PUT", Some("sandbox-delivery"), "c.txt")
        .body(b"hello world")
        .send(base)
        .await
        .expect("answers");
    assert_eq!(put.status(), 200);
    assert_ne!(
        put.headers()["x-oss-hash-crc64ecma"],
        "5981764153023615706",
        "the answer's CRC is wrong"
    );
    // The object itself was stored intact.
    let stored = sandbox
        .state()
        .oss
        .get_object("sandbox-delivery", "c.txt")
        .expect("stored");
    assert_eq!(stored.crc64, 5_981_764_153_023_615_706);
}

#[tokio::test]
async fn latency_delays_every_answer() {
    let sandbox = small_sandbox().await;
    sandbox.state().apply_faults(FaultSettings {
        latency_ms: 150,
        ..FaultSettings::default()
    });
    let started = Instant::now();
    let response = OssRequest::list_buckets()
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(response.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(150));
}
