//! Every fault switch, as a Tablestore client sees it: latency, busy errors, dropped
//! connections, truncated and corrupt bodies, a skewed service clock, expired STS tokens.

mod tablestore_support;

use std::time::{Duration, Instant};

use sandbox::faults::FaultSettings;
use tablestore_support::{md5_base64, start, Client};
use tablestore_wire::proto::{ListTableRequest, ListTableResponse};

fn only_list_table(mut settings: FaultSettings) -> FaultSettings {
    settings.operations = vec!["ListTable".to_owned()];
    settings
}

#[tokio::test]
async fn latency_delays_the_answer() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(FaultSettings {
        latency_ms: 300,
        ..FaultSettings::default()
    });
    let began = Instant::now();
    let reply = Client::demo(&sandbox)
        .call("ListTable", &ListTableRequest {})
        .await;
    assert_eq!(reply.status, 200);
    assert!(
        began.elapsed() >= Duration::from_millis(300),
        "{:?}",
        began.elapsed()
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn busy_answers_with_a_signed_server_busy_error_only_for_the_named_operation() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(only_list_table(FaultSettings {
        busy_rate: 1.0,
        ..FaultSettings::default()
    }));
    let client = Client::demo(&sandbox);
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 503);
    assert_eq!(reply.error().code, "OTSServerBusy");
    assert!(reply.headers.contains_key("authorization"));
    let other = client
        .call(
            "DescribeTable",
            &tablestore_wire::proto::DescribeTableRequest {
                table_name: "orders".to_owned(),
            },
        )
        .await;
    assert_eq!(other.status, 200);
    sandbox.stop().await;
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(only_list_table(FaultSettings {
        drop_rate: 1.0,
        ..FaultSettings::default()
    }));
    let body: Vec<u8> = Vec::new();
    let error = Client::demo(&sandbox)
        .send_raw("ListTable", body.clone(), &body)
        .await
        .expect_err("no answer");
    assert!(!error.is_status() && !error.is_timeout(), "{error:?}");
    sandbox.stop().await;
}

#[tokio::test]
async fn truncate_cuts_the_body_short_of_its_length() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(only_list_table(FaultSettings {
        truncate_rate: 1.0,
        ..FaultSettings::default()
    }));
    let body: Vec<u8> = Vec::new();
    let error = Client::demo(&sandbox)
        .send_raw("ListTable", body.clone(), &body)
        .await
        .expect_err("the body breaks off");
    assert!(
        error.is_body() || error.is_decode() || error.is_request(),
        "{error:?}"
    );
    // An empty answer (DeleteTable's) cannot be cut in half; the connection is closed instead.
    sandbox.state().apply_faults(FaultSettings {
        truncate_rate: 1.0,
        operations: vec!["DeleteTable".to_owned()],
        ..FaultSettings::default()
    });
    let request = tablestore_wire::proto::DeleteTableRequest {
        table_name: "empty_table".to_owned(),
    };
    let body = prost::Message::encode_to_vec(&request);
    let outcome = Client::demo(&sandbox)
        .send_raw("DeleteTable", body.clone(), &body)
        .await;
    assert!(outcome.is_err(), "{outcome:?}");
    sandbox.stop().await;
}

#[tokio::test]
async fn corrupt_sends_a_body_whose_md5_does_not_match_the_header() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(only_list_table(FaultSettings {
        corrupt_rate: 1.0,
        ..FaultSettings::default()
    }));
    let client = Client {
        check_answers: false,
        ..Client::demo(&sandbox)
    };
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 200);
    let declared = reply.headers["x-ots-contentmd5"].to_str().expect("text");
    assert_ne!(declared, md5_base64(&reply.body));
    sandbox.state().apply_faults(FaultSettings::default());
    let healthy = Client::demo(&sandbox)
        .call("ListTable", &ListTableRequest {})
        .await;
    assert_eq!(healthy.message::<ListTableResponse>().table_names.len(), 7);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_skewed_service_clock_refuses_requests_and_dates_answers_by_its_own_time() {
    let sandbox = start(100).await;
    sandbox.state().apply_faults(FaultSettings {
        clock_skew_seconds: 3600,
        ..FaultSettings::default()
    });
    let reply = Client::demo(&sandbox)
        .call("ListTable", &ListTableRequest {})
        .await;
    assert_eq!(reply.status, 403);
    assert_eq!(reply.error().code, "OTSAuthFailed");
    let date = reply.headers["x-ots-date"].to_str().expect("text");
    let served = chrono::NaiveDateTime::parse_from_str(date, "%Y-%m-%dT%H:%M:%S%.fZ")
        .expect("the SDK's date format")
        .and_utc();
    let ahead = served - chrono::Utc::now();
    assert!((3590..=3610).contains(&ahead.num_seconds()), "{ahead}");
    // A client whose clock agrees with the skewed service gets through.
    let agreeing = Client {
        clock_offset: chrono::Duration::seconds(3600),
        ..Client::demo(&sandbox)
    };
    assert_eq!(
        agreeing
            .call("ListTable", &ListTableRequest {})
            .await
            .status,
        200
    );
    sandbox.stop().await;
}
