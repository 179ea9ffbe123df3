//! The OSS endpoint verifies every request as the service does: V1 and V4 signatures (signed
//! here with the `signing` crate), dates within 15 minutes, STS tokens, revoked keys and the
//! RAM policy, each refused with the service's status and code.

mod oss_support;

use chrono::{Duration, Utc};
use oss_support::{credentials, element, small_sandbox, status_and_code, sts, OssRequest};
use sandbox::accounts::{DEMO_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET};
use sandbox::faults::FaultSettings;

#[tokio::test]
async fn v1_and_v4_signed_list_buckets_succeed_with_a_request_id() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    for request in [
        OssRequest::list_buckets(),
        OssRequest::list_buckets().v4("cn-hangzhou"),
    ] {
        let response = request.send(base).await.expect("answers");
        assert_eq!(response.status(), 200);
        let id = response.headers()["x-oss-request-id"]
            .to_str()
            .expect("text")
            .to_owned();
        assert_eq!(id.len(), 24);
        assert_eq!(response.headers()["server"], "AliyunOSS");
        let body = response.text().await.expect("body");
        assert_eq!(element(&body, "MaxKeys").as_deref(), Some("100"));
        assert!(body.contains("<Name>sandbox-delivery</Name>"), "{body}");
    }
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match_naming_the_key() {
    let sandbox = small_sandbox().await;
    let wrong = credentials(DEMO_ACCESS_KEY_ID, "not-the-secret");
    for request in [
        OssRequest::list_buckets().signed_by(wrong.clone()),
        OssRequest::new("GET", Some("sandbox-archive"), "readme.txt")
            .signed_by(wrong.clone())
            .v4("cn-hangzhou"),
    ] {
        let response = request
            .send(&sandbox.endpoints().oss)
            .await
            .expect("answers");
        let (status, code, xml) = status_and_code(response).await;
        assert_eq!((status, code.as_str()), (403, "SignatureDoesNotMatch"));
        assert_eq!(
            element(&xml, "OSSAccessKeyId").as_deref(),
            Some(DEMO_ACCESS_KEY_ID)
        );
        assert_eq!(element(&xml, "EC").as_deref(), Some("0002-00000040"));
    }
}

#[tokio::test]
async fn an_unknown_key_is_invalid_access_key_id() {
    let sandbox = small_sandbox().await;
    let response = OssRequest::list_buckets()
        .signed_by(credentials("LTAI5tNobodyHasThisKey", "x"))
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    let (status, code, xml) = status_and_code(response).await;
    assert_eq!((status, code.as_str()), (403, "InvalidAccessKeyId"));
    assert_eq!(
        element(&xml, "OSSAccessKeyId").as_deref(),
        Some("LTAI5tNobodyHasThisKey")
    );
}

#[tokio::test]
async fn a_date_more_than_fifteen_minutes_off_is_request_time_too_skewed() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let stale = OssRequest::list_buckets().at(Utc::now() - Duration::minutes(16));
    let (status, code, xml) = status_and_code(stale.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (403, "RequestTimeTooSkewed"));
    assert_eq!(element(&xml, "EC").as_deref(), Some("0002-00000504"));
    assert_eq!(
        element(&xml, "MaxAllowedSkewMilliseconds").as_deref(),
        Some("900000")
    );
    let fresh = OssRequest::list_buckets().at(Utc::now() - Duration::minutes(14));
    assert_eq!(fresh.send(base).await.expect("answers").status(), 200);

    // The skew switch moves the service's clock instead.
    sandbox.state().apply_faults(FaultSettings {
        clock_skew_seconds: 3600,
        ..FaultSettings::default()
    });
    let now = OssRequest::list_buckets().v4("cn-hangzhou");
    let (status, code, _) = status_and_code(now.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (403, "RequestTimeTooSkewed"));
}

#[tokio::test]
async fn a_request_without_authorization_is_access_denied() {
    let sandbox = small_sandbox().await;
    let mut anonymous = OssRequest::new("GET", Some("sandbox-archive"), "readme.txt");
    anonymous.unsigned = true;
    let (status, code, _) = status_and_code(
        anonymous
            .send(&sandbox.endpoints().oss)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "AccessDenied"));
}

#[tokio::test]
async fn a_v4_scope_for_another_region_than_the_buckets_is_refused() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let wrong = OssRequest::new("GET", Some("sandbox-beijing"), "hello.txt").v4("cn-hangzhou");
    let (status, code, xml) = status_and_code(wrong.send(base).await.expect("answers")).await;
    assert_eq!((status, code.as_str()), (400, "InvalidArgument"), "{xml}");
    let right = OssRequest::new("GET", Some("sandbox-beijing"), "hello.txt").v4("cn-beijing");
    assert_eq!(right.send(base).await.expect("answers").status(), 200);
}

#[tokio::test]
async fn sts_credentials_need_their_own_unexpired_token() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let temporary = sts(&sandbox, 900);
    let ok = OssRequest::list_buckets().signed_by(temporary.clone());
    assert_eq!(ok.send(base).await.expect("answers").status(), 200);

    let mut without_token = temporary.clone();
    without_token.security_token = None;
    let (status, code, _) = status_and_code(
        OssRequest::list_buckets()
            .signed_by(without_token)
            .send(base)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "InvalidAccessKeyId"));

    let forged = temporary
        .clone()
        .with_security_token(signing::SecurityToken::from("forged"));
    let (status, code, _) = status_and_code(
        OssRequest::list_buckets()
            .signed_by(forged)
            .send(base)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "InvalidSecurityToken"));

    sandbox.state().apply_faults(FaultSettings {
        expire_tokens: true,
        ..FaultSettings::default()
    });
    let (status, code, xml) = status_and_code(
        OssRequest::list_buckets()
            .signed_by(temporary)
            .v4("cn-hangzhou")
            .send(base)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "SecurityTokenExpired"));
    assert_eq!(element(&xml, "EC").as_deref(), Some("0002-00000007"));
}

#[tokio::test]
async fn a_revoked_key_is_refused_as_disabled() {
    let sandbox = small_sandbox().await;
    assert!(sandbox.state().accounts.revoke(DEMO_ACCESS_KEY_ID));
    let (status, code, xml) = status_and_code(
        OssRequest::list_buckets()
            .send(&sandbox.endpoints().oss)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "InvalidAccessKeyId"));
    assert!(xml.contains("disabled"), "{xml}");
}

#[tokio::test]
async fn the_limited_key_may_read_a_bucket_but_not_list_buckets() {
    let sandbox = small_sandbox().await;
    let base = &sandbox.endpoints().oss;
    let limited = credentials(LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET);
    let (status, code, xml) = status_and_code(
        OssRequest::list_buckets()
            .signed_by(limited.clone())
            .send(base)
            .await
            .expect("answers"),
    )
    .await;
    assert_eq!((status, code.as_str()), (403, "AccessDenied"));
    assert_eq!(
        element(&xml, "AuthorizationErrorDetail").as_deref(),
        Some("oss:ListBuckets")
    );
    let read = OssRequest::new("GET", Some("sandbox-archive"), "readme.txt").signed_by(limited);
    assert_eq!(read.send(base).await.expect("answers").status(), 200);
}

#[tokio::test]
async fn head_errors_carry_the_error_xml_in_x_oss_err() {
    let sandbox = small_sandbox().await;
    let response = OssRequest::new("HEAD", Some("sandbox-archive"), "missing.txt")
        .send(&sandbox.endpoints().oss)
        .await
        .expect("answers");
    assert!(response.headers().contains_key("x-oss-request-id"));
    let (status, code, xml) = status_and_code(response).await;
    assert_eq!((status, code.as_str()), (404, "NoSuchKey"));
    assert_eq!(element(&xml, "Key").as_deref(), Some("missing.txt"));
}
