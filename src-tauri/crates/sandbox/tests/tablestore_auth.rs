//! The Tablestore endpoint checks every request like the service: headers, body MD5, V2/V4
//! signatures, the date, the instance, STS tokens, revoked keys and the key's RAM policy.

mod tablestore_support;

use chrono::Duration;
use prost::Message as _;
use tablestore_support::{start, Client};
use tablestore_wire::proto::{ListTableRequest, ListTableResponse};

const SEED_TABLES: [&str; 7] = [
    "audit_log",
    "blob_store",
    "device_metrics",
    "empty_table",
    "orders",
    "page_views",
    "users",
];

#[tokio::test]
async fn v2_and_v4_signed_requests_list_the_seed_tables_with_signed_answers() {
    let sandbox = start(100).await;
    let v2 = Client::demo(&sandbox);
    let listed: ListTableResponse = v2.call("ListTable", &ListTableRequest {}).await.message();
    assert_eq!(listed.table_names, SEED_TABLES);
    let v4 = Client {
        region: Some("cn-hangzhou".to_owned()),
        ..v2
    };
    let reply = v4.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.message::<ListTableResponse>().table_names.len(), 7);
    let date = reply.headers["x-ots-date"].to_str().expect("text");
    assert_eq!(date.len(), "2026-11-24T10:00:00.123456Z".len(), "{date}");
    let authorization = reply.headers["authorization"].to_str().expect("text");
    assert!(authorization.starts_with("OTS LTAI5tSandboxDemoKey0001:"));
    let other_region = Client {
        region: Some("cn-beijing".to_owned()),
        ..v4
    };
    let reply = other_region.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.error().message.as_deref(),
        Some("Signature mismatch.")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_wrong_secret_is_refused_as_a_signature_mismatch() {
    let sandbox = start(100).await;
    let client = Client {
        secret: "not-the-secret".to_owned(),
        ..Client::demo(&sandbox)
    };
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 403);
    let error = reply.error();
    assert_eq!(error.code, "OTSAuthFailed");
    assert_eq!(error.message.as_deref(), Some("Signature mismatch."));
    assert!(reply.headers.get("authorization").is_none());
    sandbox.stop().await;
}

#[tokio::test]
async fn a_date_more_than_fifteen_minutes_off_is_refused() {
    let sandbox = start(100).await;
    let client = Client {
        clock_offset: Duration::minutes(16),
        ..Client::demo(&sandbox)
    };
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 403);
    let error = reply.error();
    assert_eq!(error.code, "OTSAuthFailed");
    assert!(error
        .message
        .expect("message")
        .starts_with("Mismatch between system time and x-ots-date"));
    let close_enough = Client {
        clock_offset: Duration::minutes(14),
        ..Client::demo(&sandbox)
    };
    assert_eq!(
        close_enough
            .call("ListTable", &ListTableRequest {})
            .await
            .status,
        200
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_body_that_does_not_match_its_declared_md5_is_refused() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    let request = tablestore_wire::proto::DescribeTableRequest {
        table_name: "users".to_owned(),
    };
    let tampered = tablestore_wire::proto::DescribeTableRequest {
        table_name: "orders".to_owned(),
    };
    let reply = client
        .send_raw(
            "DescribeTable",
            tampered.encode_to_vec(),
            &request.encode_to_vec(),
        )
        .await
        .expect("answers");
    assert_eq!(reply.status, 403);
    let error = reply.error();
    assert_eq!(error.code, "OTSAuthFailed");
    assert_eq!(
        error.message.as_deref(),
        Some("Mismatch between MD5 value of request body and x-ots-contentmd5 in header.")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn an_unknown_instance_or_key_is_refused() {
    let sandbox = start(100).await;
    let other_instance = Client {
        instance: "someone-else".to_owned(),
        ..Client::demo(&sandbox)
    };
    let reply = other_instance.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(
        (reply.status, reply.error().code.as_str()),
        (403, "OTSAuthFailed")
    );
    assert!(reply
        .error()
        .message
        .expect("message")
        .contains("someone-else"));
    let unknown_key = Client {
        access_key_id: "LTAI5tNobodyHasThisKey99".to_owned(),
        ..Client::demo(&sandbox)
    };
    let reply = unknown_key.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(
        (reply.status, reply.error().code.as_str()),
        (403, "OTSAuthFailed")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_revoked_key_is_refused() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    assert_eq!(
        client.call("ListTable", &ListTableRequest {}).await.status,
        200
    );
    assert!(sandbox
        .state()
        .accounts
        .revoke(sandbox::accounts::DEMO_ACCESS_KEY_ID));
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(
        (reply.status, reply.error().code.as_str()),
        (403, "OTSAuthFailed")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn the_limited_key_may_read_tables_but_its_policy_denies_delivery_tasks() {
    let sandbox = start(100).await;
    let limited = Client {
        access_key_id: sandbox::accounts::LIMITED_ACCESS_KEY_ID.to_owned(),
        secret: sandbox::accounts::LIMITED_ACCESS_KEY_SECRET.to_owned(),
        ..Client::demo(&sandbox)
    };
    assert_eq!(
        limited.call("ListTable", &ListTableRequest {}).await.status,
        200
    );
    let reply = limited
        .call(
            "CreateDeliveryTask",
            &tablestore_wire::proto::CreateDeliveryTaskRequest::default(),
        )
        .await;
    assert_eq!(reply.status, 403);
    let error = reply.error();
    assert_eq!(error.code, "OTSNoPermissionAccess");
    assert!(error
        .message
        .expect("message")
        .contains("ots:CreateDeliveryTask"));
    assert!(
        reply.headers.contains_key("authorization"),
        "a permission error is signed, as the SDK checks it"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn sts_credentials_work_with_their_token_and_fail_without_it_or_once_expired() {
    let sandbox = start(100).await;
    let state = sandbox.state();
    let issuer = state
        .accounts
        .authenticate(sandbox::accounts::DEMO_ACCESS_KEY_ID, None, state.now())
        .expect("demo key");
    let sts = state
        .accounts
        .issue_sts(&issuer, "reader", "test", Duration::hours(1), state.now());
    let client = Client {
        access_key_id: sts.access_key_id.clone(),
        secret: sts.access_key_secret.expose_secret().to_owned(),
        token: Some(sts.security_token.expose_secret().to_owned()),
        ..Client::demo(&sandbox)
    };
    assert_eq!(
        client.call("ListTable", &ListTableRequest {}).await.status,
        200
    );
    let without_token = Client {
        token: None,
        ..client.clone()
    };
    let reply = without_token.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(
        (reply.status, reply.error().code.as_str()),
        (403, "OTSAuthFailed")
    );
    state.apply_faults(sandbox::faults::FaultSettings {
        expire_tokens: true,
        ..Default::default()
    });
    let reply = client.call("ListTable", &ListTableRequest {}).await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.error().message.as_deref(),
        Some("The security token you provided has expired.")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn missing_headers_other_methods_and_unknown_operations_get_the_service_codes() {
    let sandbox = start(100).await;
    let url = format!("{}/ListTable", sandbox.endpoints().tablestore);
    let http = reqwest::Client::new();
    let unsigned = http.post(&url).send().await.expect("answers");
    assert_eq!(unsigned.status(), 400);
    let error = tablestore_wire::proto::Error::decode(unsigned.bytes().await.expect("body"))
        .expect("an Error");
    assert_eq!(error.code, "OTSParameterInvalid");
    assert_eq!(error.message.as_deref(), Some("Missing header: x-ots-date"));
    let get = http.get(&url).send().await.expect("answers");
    assert_eq!(get.status(), 405);
    let error =
        tablestore_wire::proto::Error::decode(get.bytes().await.expect("body")).expect("an Error");
    assert_eq!(error.code, "OTSMethodNotAllowed");
    let client = Client::demo(&sandbox);
    let reply = client.call("BatchGetRowX", &ListTableRequest {}).await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.error().message.as_deref(),
        Some("Unsupported operation: BatchGetRowX")
    );
    sandbox.stop().await;
}
