//! Properties over random requests: what our signer produces, our verifier accepts — also
//! after the trip through an `http::Request` — and rejects under another secret.
//! (Agreement with the SDKs is checked by `tests/conformance/signing/check.sh`.)

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use signing::oss::{self, OssResource};
use signing::tablestore::{self, TablestoreVersion};
use signing::{
    acs, AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, Secret,
    SecurityToken, SignError,
};

fn credentials(secret: &str, token: Option<&String>) -> Credentials {
    let creds = Credentials::new(
        AccessKeyId::parse("LTAI5tExampleKeyId1234").expect("valid id"),
        Secret::from(secret),
    );
    match token {
        Some(token) => creds.with_security_token(SecurityToken::from(token.as_str())),
        None => creds,
    }
}

fn impostor() -> Credentials {
    credentials("a-different-secret", None)
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 8, 30, 0)
        .single()
        .expect("valid time")
}

fn fresh() -> Freshness {
    Freshness::new(now(), Freshness::FIFTEEN_MINUTES)
}

/// Header values an HTTP/1.1 field can carry: visible ASCII and inner spaces.
fn header_value() -> impl Strategy<Value = String> {
    "[!-~]([ -~]{0,20}[!-~])?"
}

fn headers(prefix: &'static str) -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::btree_map(
        "[a-z0-9]{1,8}".prop_map(move |n| format!("{prefix}{n}")),
        header_value(),
        0..5,
    )
    .prop_map(|m| m.into_iter().collect())
}

/// Unicode text for keys and query values, including the characters encoders trip over.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 /+%&=?#~*.\\-_é中🙂]{0,16}"
}

fn with(request: CanonicalRequest<'static>, added: &AddedHeaders) -> CanonicalRequest<'static> {
    request.with_added_headers(added)
}

fn base(
    method: &str,
    path: &str,
    query: &[(String, String)],
    headers: &[(String, String)],
) -> CanonicalRequest<'static> {
    let mut request = CanonicalRequest::new(method.to_owned(), path.to_owned());
    for (n, v) in query {
        request = request.with_query(n.clone(), v.clone());
    }
    for (n, v) in headers {
        request = request.with_header(n.clone(), v.clone());
    }
    request
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn tablestore_requests_verify_only_under_their_secret(
        extra in headers("x-ots-"),
        secret in "[!-~]{1,30}",
        token in proptest::option::of("[A-Za-z0-9+/=]{10,40}"),
        v4 in any::<bool>(),
    ) {
        let creds = credentials(&secret, token.as_ref());
        let standard = tablestore::request_headers(&creds, "inst", now(), "1B2M2Y8AsgTpgAmY7PhCfg==");
        let request = with(base("POST", "/GetRange", &[], &extra), &standard);
        let version = if v4 {
            TablestoreVersion::V4 { region: "cn-hangzhou", sign_date: NaiveDate::from_ymd_opt(2025, 1, 15).expect("valid") }
        } else {
            TablestoreVersion::V2
        };
        let signed = with(request.clone(), &tablestore::sign_request(&request, &creds, version));
        prop_assert!(tablestore::verify_request(&signed, &creds, &fresh()).is_ok());
        prop_assert!(matches!(
            tablestore::verify_request(&signed, &impostor(), &fresh()),
            Err(SignError::SignatureMismatch(_))
        ));
    }

    #[test]
    fn oss_requests_verify_after_the_trip_through_http(
        key in text(),
        meta in headers("x-oss-meta-"),
        token in proptest::option::of("[A-Za-z0-9+/=]{10,40}"),
        v4 in any::<bool>(),
        method in prop::sample::select(vec!["GET", "PUT", "HEAD", "DELETE", "POST"]),
    ) {
        let creds = credentials("ExampleSecretKey0123456789abcd", token.as_ref());
        let resource = OssResource::object("examplebucket", &key);
        let request = base(method, "/", &[("acl".to_owned(), String::new())], &meta);
        let added = if v4 {
            oss::sign_v4(&request, &resource, &creds, "cn-hangzhou", now(), &[])
        } else {
            oss::sign_v1(&request, &resource, &creds, now())
        };
        let mut builder = http::Request::builder().method(method).uri("http://127.0.0.1/examplebucket/k?acl");
        for (n, v) in &meta {
            builder = builder.header(n.as_str(), v.as_str());
        }
        let mut wire = builder.body(()).expect("valid request");
        added.apply_to(wire.headers_mut()).expect("valid values");
        let received = CanonicalRequest::from_http_request(&wire).expect("utf-8");
        let verified = oss::verify(&received, &resource, &creds, &fresh());
        prop_assert!(verified.is_ok(), "{:?}", verified);
        prop_assert_eq!(verified.expect("checked").security_token, creds.security_token.clone());
        prop_assert!(oss::verify(&received, &resource, &impostor(), &fresh()).is_err());
    }

    #[test]
    fn acs3_requests_verify_with_their_body_only(
        query in proptest::collection::btree_map("[A-Za-z]{1,8}", text(), 0..4),
        extra in headers("x-acs-meta-"),
        body in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let creds = credentials("ExampleSecretKey0123456789abcd", None);
        let query: Vec<(String, String)> = query.into_iter().collect();
        let mut headers = extra.clone();
        headers.push(("host".to_owned(), "tablestore.cn-hangzhou.aliyuncs.com".to_owned()));
        let request = base("GET", "/v2/openapi/listinstances", &query, &headers);
        let signed = with(request.clone(), &acs::sign_v3(&request, &body, &creds, now(), "n"));
        prop_assert!(acs::verify(&signed, &body, &[], &creds, &fresh()).is_ok());
        let mut other = body.clone();
        other.push(0);
        prop_assert_eq!(acs::verify(&signed, &other, &[], &creds, &fresh()), Err(SignError::ContentHashMismatch));
    }

    #[test]
    fn rpc_query_strings_decode_back_to_what_was_signed(
        params in proptest::collection::btree_map("[A-Za-z][A-Za-z0-9.]{0,8}", text(), 0..6),
        token in proptest::option::of("[A-Za-z0-9+/=]{10,40}"),
    ) {
        let creds = credentials("ExampleSecretKey0123456789abcd", token.as_ref());
        let mut pairs: Vec<(&str, &str)> = params.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        pairs.push(("Action", "GetCallerIdentity"));
        let signed = acs::sign_rpc("GET", &pairs, &creds, now(), "nonce");
        let wire = http::Request::get(format!("https://sts.aliyuncs.com/?{}", signed.to_query_string()))
            .body(())
            .expect("valid uri");
        let received = CanonicalRequest::from_http_request(&wire).expect("decodes");
        let verified = acs::verify(&received, b"", &[], &creds, &fresh());
        prop_assert!(verified.is_ok(), "{:?}", verified);
        prop_assert!(acs::verify(&received, b"", &[], &impostor(), &fresh()).is_err());
    }
}
