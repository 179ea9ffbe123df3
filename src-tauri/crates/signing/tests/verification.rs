//! The verifying side as a sandbox uses it: a request arrives as `http::Request`, is viewed as
//! a `CanonicalRequest`, and each way it can be wrong gives its own error.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use signing::oss::{self, OssResource};
use signing::tablestore::{self, TablestoreSigningKey, TablestoreVersion};
use signing::{
    acs, AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, HeaderList, Scheme,
    Secret, SecurityToken, SignError,
};

fn credentials() -> Credentials {
    Credentials::new(
        AccessKeyId::parse("LTAI5tExampleKeyId1234").expect("valid id"),
        Secret::from("ExampleSecretKey0123456789abcd"),
    )
}

fn signed_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 8, 30, 0)
        .single()
        .expect("valid time")
}

fn fresh() -> Freshness {
    Freshness::new(signed_at(), Freshness::FIFTEEN_MINUTES)
}

/// Builds the `http::Request` a client would send: its own headers plus the signer's.
fn http_request(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    added: &AddedHeaders,
) -> http::Request<()> {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let mut request = builder.body(()).expect("valid request");
    added
        .apply_to(request.headers_mut())
        .expect("header values are valid");
    request
}

fn with_header(request: &http::Request<()>, name: &'static str, value: &str) -> http::Request<()> {
    let mut changed = http::Request::builder()
        .method(request.method())
        .uri(request.uri())
        .body(())
        .expect("valid request");
    *changed.headers_mut() = request.headers().clone();
    changed.headers_mut().insert(
        name,
        http::HeaderValue::from_str(value).expect("valid value"),
    );
    changed
}

// ------------------------------------------------------------------------------ Tablestore

fn tablestore_request(version: TablestoreVersion<'_>) -> http::Request<()> {
    let creds = credentials();
    let standard = tablestore::request_headers(
        &creds,
        "example-instance",
        signed_at(),
        "1B2M2Y8AsgTpgAmY7PhCfg==",
    );
    let canonical = CanonicalRequest::new("POST", "/ListTable").with_added_headers(&standard);
    let added = tablestore::sign_request(&canonical, &creds, version);
    let mut request = http_request("POST", "http://127.0.0.1:9000/ListTable", &[], &standard);
    added
        .apply_to(request.headers_mut())
        .expect("valid header values");
    request
}

fn verify_tablestore(
    request: &http::Request<()>,
    freshness: &Freshness,
) -> Result<Scheme, SignError> {
    let canonical = CanonicalRequest::from_http_request(request)?;
    tablestore::verify_request(&canonical, &credentials(), freshness).map(|v| v.scheme)
}

#[test]
fn a_tablestore_v2_request_received_over_http_verifies() {
    let request = tablestore_request(TablestoreVersion::V2);
    assert_eq!(
        verify_tablestore(&request, &fresh()),
        Ok(Scheme::TablestoreV2)
    );
    assert!(request.headers()["x-ots-signature"].is_sensitive());
}

#[test]
fn a_tablestore_v4_request_verifies_and_a_changed_region_does_not() {
    let v4 = TablestoreVersion::V4 {
        region: "cn-hangzhou",
        sign_date: NaiveDate::from_ymd_opt(2025, 1, 15).expect("valid date"),
    };
    let request = tablestore_request(v4);
    assert_eq!(
        verify_tablestore(&request, &fresh()),
        Ok(Scheme::TablestoreV4)
    );
    let moved = with_header(&request, "x-ots-signregion", "cn-shanghai");
    assert_eq!(
        verify_tablestore(&moved, &fresh()),
        Err(SignError::SignatureMismatch(Scheme::TablestoreV4))
    );
}

#[test]
fn tablestore_rejects_a_one_byte_change_in_the_body_hash() {
    let request = tablestore_request(TablestoreVersion::V2);
    let changed = with_header(&request, "x-ots-contentmd5", "1B2M2Y8AsgTpgAmY7PhCfG==");
    assert_eq!(
        verify_tablestore(&changed, &fresh()),
        Err(SignError::SignatureMismatch(Scheme::TablestoreV2))
    );
}

#[test]
fn tablestore_rejects_a_date_sixteen_minutes_old() {
    let request = tablestore_request(TablestoreVersion::V2);
    let later = Freshness::new(
        signed_at() + Duration::from_mins(16),
        Freshness::FIFTEEN_MINUTES,
    );
    assert_eq!(
        verify_tablestore(&request, &later),
        Err(SignError::StaleDate {
            skew_seconds: 960,
            limit_seconds: 900
        })
    );
}

#[test]
fn tablestore_names_the_unknown_access_key_and_the_missing_signature() {
    let request = tablestore_request(TablestoreVersion::V2);
    let stranger = with_header(&request, "x-ots-accesskeyid", "LTAIsomeoneElse");
    assert_eq!(
        verify_tablestore(&stranger, &fresh()),
        Err(SignError::UnknownAccessKey("LTAIsomeoneElse".to_owned()))
    );
    let mut unsigned = request;
    unsigned.headers_mut().remove("x-ots-signature");
    assert_eq!(
        verify_tablestore(&unsigned, &fresh()),
        Err(SignError::MissingHeader("x-ots-signature"))
    );
}

#[test]
fn a_signed_tablestore_response_verifies_and_a_tampered_one_does_not() {
    let creds = credentials();
    let key = TablestoreSigningKey::v4(&creds.access_key_secret, "20250115", "cn-hangzhou");
    let mut headers = HeaderList::new();
    headers.push("x-ots-date", "2025-01-15T08:30:00.123456Z");
    headers.push("x-ots-requestid", "0005aedd-5b9e-9b48-a5c1-720b12a7b4bb");
    headers.push("x-ots-contentmd5", "1B2M2Y8AsgTpgAmY7PhCfg==");
    headers.push("x-ots-contenttype", "protocol buffer");
    let authorization =
        tablestore::sign_response("/ListTable", &headers, &creds.access_key_id, &key);
    headers.push("authorization", authorization.clone());
    assert_eq!(
        tablestore::verify_response("/ListTable", &headers, &creds.access_key_id, &key, &fresh()),
        Ok(())
    );
    assert_eq!(
        tablestore::verify_response("/GetRange", &headers, &creds.access_key_id, &key, &fresh()),
        Err(SignError::SignatureMismatch(Scheme::TablestoreResponse))
    );
    let other = AccessKeyId::parse("LTAIsomeoneElse").expect("valid id");
    assert_eq!(
        tablestore::verify_response("/ListTable", &headers, &other, &key, &fresh()),
        Err(SignError::AccessKeyMismatch {
            claimed: "LTAI5tExampleKeyId1234".to_owned(),
            other: "LTAIsomeoneElse".to_owned()
        })
    );
    let mut malformed = HeaderList::new();
    malformed.push("authorization", authorization.replacen("OTS ", "OSS ", 1));
    assert!(matches!(
        tablestore::verify_response(
            "/ListTable",
            &malformed,
            &creds.access_key_id,
            &key,
            &fresh()
        ),
        Err(SignError::MalformedAuthorization {
            scheme: Scheme::TablestoreResponse,
            ..
        })
    ));
}

// ------------------------------------------------------------------------------ OSS

fn oss_v4_request(token: Option<&str>) -> (http::Request<()>, Credentials) {
    let mut creds = credentials();
    if let Some(token) = token {
        creds = creds.with_security_token(SecurityToken::from(token));
    }
    let headers = [
        ("content-type", "text/plain"),
        ("host", "examplebucket.oss-cn-hangzhou.aliyuncs.com"),
    ];
    let mut canonical = CanonicalRequest::new("PUT", "/dir/a%20b.txt");
    for (name, value) in headers {
        canonical = canonical.with_header(name, value);
    }
    let resource = OssResource::object("examplebucket", "dir/a b.txt");
    let added = oss::sign_v4(
        &canonical,
        &resource,
        &creds,
        "cn-hangzhou",
        signed_at(),
        &["host"],
    );
    let request = http_request(
        "PUT",
        "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b.txt",
        &headers,
        &added,
    );
    (request, creds)
}

fn verify_oss(
    request: &http::Request<()>,
    creds: &Credentials,
) -> Result<oss::VerifiedOssRequest, SignError> {
    let canonical = CanonicalRequest::from_http_request(request)?;
    oss::verify(
        &canonical,
        &OssResource::object("examplebucket", "dir/a b.txt"),
        creds,
        &fresh(),
    )
}

#[test]
fn an_oss_v4_request_with_additional_headers_and_a_token_verifies() {
    let (request, creds) = oss_v4_request(Some("EXAMPLE-STS-TOKEN"));
    let verified = verify_oss(&request, &creds).expect("verifies");
    assert_eq!(verified.scheme, Scheme::OssV4);
    assert_eq!(verified.region.as_deref(), Some("cn-hangzhou"));
    assert_eq!(
        verified.security_token,
        Some(SecurityToken::from("EXAMPLE-STS-TOKEN"))
    );
    assert!(request.headers()["authorization"].is_sensitive());
    assert!(request.headers()["x-oss-security-token"].is_sensitive());
}

#[test]
fn oss_v4_rejects_a_changed_additional_header_and_a_changed_token() {
    let (request, creds) = oss_v4_request(Some("EXAMPLE-STS-TOKEN"));
    let moved = with_header(&request, "host", "otherbucket.oss-cn-hangzhou.aliyuncs.com");
    assert_eq!(
        verify_oss(&moved, &creds),
        Err(SignError::SignatureMismatch(Scheme::OssV4))
    );
    let forged = with_header(&request, "x-oss-security-token", "EXAMPLE-STS-TOKEM");
    assert_eq!(
        verify_oss(&forged, &creds),
        Err(SignError::SignatureMismatch(Scheme::OssV4))
    );
}

#[test]
fn oss_v4_rejects_a_credential_scope_from_another_day() {
    let (request, creds) = oss_v4_request(None);
    let next_day = with_header(&request, "x-oss-date", "20250116T083000Z");
    let late = Freshness::new(
        signed_at() + Duration::from_hours(24),
        Freshness::FIFTEEN_MINUTES,
    );
    let canonical = CanonicalRequest::from_http_request(&next_day).expect("utf-8 headers");
    assert_eq!(
        oss::verify(
            &canonical,
            &OssResource::object("examplebucket", "dir/a b.txt"),
            &creds,
            &late
        ),
        Err(SignError::ScopeDateMismatch {
            scope: "20250115".to_owned(),
            request: "20250116".to_owned()
        })
    );
}

#[test]
fn oss_rejects_unknown_algorithms_and_a_v1_header_without_colon() {
    let (request, creds) = oss_v4_request(None);
    let aws = with_header(&request, "authorization", "AWS4-HMAC-SHA256 Credential=x");
    assert_eq!(
        verify_oss(&aws, &creds),
        Err(SignError::UnsupportedAlgorithm(
            "AWS4-HMAC-SHA256".to_owned()
        ))
    );
    let broken = with_header(&request, "authorization", "OSS LTAI5tExampleKeyId1234");
    assert!(matches!(
        verify_oss(&broken, &creds),
        Err(SignError::MalformedAuthorization {
            scheme: Scheme::OssV1,
            ..
        })
    ));
}

#[test]
fn oss_v1_rejects_a_wrong_secret_and_a_changed_object_key() {
    let creds = credentials();
    let canonical = CanonicalRequest::new("GET", "/examplebucket/a.txt");
    let resource = OssResource::object("examplebucket", "a.txt");
    let added = oss::sign_v1(&canonical, &resource, &creds, signed_at());
    let request = http_request("GET", "http://127.0.0.1/examplebucket/a.txt", &[], &added);
    let received = CanonicalRequest::from_http_request(&request).expect("utf-8 headers");
    assert!(oss::verify(&received, &resource, &creds, &fresh()).is_ok());
    assert_eq!(
        oss::verify(
            &received,
            &OssResource::object("examplebucket", "b.txt"),
            &creds,
            &fresh()
        ),
        Err(SignError::SignatureMismatch(Scheme::OssV1))
    );
    let impostor = Credentials::new(creds.access_key_id.clone(), Secret::from("not-the-secret"));
    assert_eq!(
        oss::verify(&received, &resource, &impostor, &fresh()),
        Err(SignError::SignatureMismatch(Scheme::OssV1))
    );
}

// ------------------------------------------------------------------------------ `OpenAPI`

fn acs3_request(body: &[u8], token: Option<&str>) -> (http::Request<()>, Credentials) {
    let mut creds = credentials();
    if let Some(token) = token {
        creds = creds.with_security_token(SecurityToken::from(token));
    }
    let headers = [
        ("host", "sts.aliyuncs.com"),
        ("x-acs-action", "GetCallerIdentity"),
        ("x-acs-version", "2015-04-01"),
        ("accept", "application/json"),
    ];
    let mut canonical = CanonicalRequest::new("POST", "/");
    for (name, value) in headers {
        canonical = canonical.with_header(name, value);
    }
    let added = acs::sign_v3(&canonical, body, &creds, signed_at(), "nonce-1");
    (
        http_request("POST", "https://sts.aliyuncs.com/", &headers, &added),
        creds,
    )
}

fn verify_acs(
    request: &http::Request<()>,
    body: &[u8],
    creds: &Credentials,
) -> Result<acs::VerifiedAcsRequest, SignError> {
    let canonical = CanonicalRequest::from_http_request(request)?;
    acs::verify(&canonical, body, &[], creds, &fresh())
}

#[test]
fn an_acs3_request_verifies_and_reports_nonce_action_and_token() {
    let (request, creds) = acs3_request(b"", Some("EXAMPLE-STS-TOKEN"));
    let verified = verify_acs(&request, b"", &creds).expect("verifies");
    assert_eq!(verified.nonce.as_deref(), Some("nonce-1"));
    assert_eq!(verified.action.as_deref(), Some("GetCallerIdentity"));
    assert_eq!(verified.version.as_deref(), Some("2015-04-01"));
    assert_eq!(
        verified.security_token,
        Some(SecurityToken::from("EXAMPLE-STS-TOKEN"))
    );
    assert!(request.headers()["x-acs-security-token"].is_sensitive());
}

#[test]
fn acs3_rejects_a_changed_body_and_an_unsigned_acs_header() {
    let (request, creds) = acs3_request(b"RoleName=a", None);
    assert_eq!(
        verify_acs(&request, b"RoleName=b", &creds),
        Err(SignError::ContentHashMismatch)
    );
    let smuggled = with_header(&request, "x-acs-extra", "1");
    assert_eq!(
        verify_acs(&smuggled, b"RoleName=a", &creds),
        Err(SignError::UnsignedHeader("x-acs-extra".to_owned()))
    );
}

#[test]
fn acs3_rejects_an_access_key_header_that_disagrees_with_the_credential() {
    let (request, creds) = acs3_request(b"", Some("EXAMPLE-STS-TOKEN"));
    let swapped = with_header(&request, "x-acs-accesskey-id", "LTAIsomeoneElse");
    assert_eq!(
        verify_acs(&swapped, b"", &creds),
        Err(SignError::AccessKeyMismatch {
            claimed: "LTAI5tExampleKeyId1234".to_owned(),
            other: "LTAIsomeoneElse".to_owned()
        })
    );
}

#[test]
fn rpc_verifies_from_the_query_string_and_rejects_other_algorithms() {
    let creds = credentials();
    let signed = acs::sign_rpc(
        "GET",
        &[
            ("Action", "GetCallerIdentity"),
            ("Version", "2015-04-01"),
            ("Format", "JSON"),
        ],
        &creds,
        signed_at(),
        "nonce-2",
    );
    let uri = format!("https://sts.aliyuncs.com/?{}", signed.to_query_string());
    let request = http::Request::get(uri).body(()).expect("valid request");
    let canonical = CanonicalRequest::from_http_request(&request).expect("decodes");
    let verified = acs::verify(&canonical, b"", &[], &creds, &fresh()).expect("verifies");
    assert_eq!(verified.scheme, Scheme::AcsRpc);
    assert_eq!(verified.nonce.as_deref(), Some("nonce-2"));

    let sha256 = format!(
        "https://sts.aliyuncs.com/?{}",
        signed.to_query_string().replace("HMAC-SHA1", "HMAC-SHA256")
    );
    let request = http::Request::get(sha256).body(()).expect("valid request");
    let canonical = CanonicalRequest::from_http_request(&request).expect("decodes");
    assert_eq!(
        acs::verify(&canonical, b"", &[], &creds, &fresh()),
        Err(SignError::UnsupportedAlgorithm("HMAC-SHA256".to_owned()))
    );
}

#[test]
fn rpc_without_a_signature_names_the_missing_parameter() {
    let canonical = CanonicalRequest::new("GET", "/").with_query("Action", "GetCallerIdentity");
    assert_eq!(
        acs::verify(&canonical, b"", &[], &credentials(), &fresh()),
        Err(SignError::MissingParameter("Signature"))
    );
}
