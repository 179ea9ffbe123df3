//! A second, independent OSS signer as oracle: Apache `OpenDAL`'s `reqsign-aliyun-oss`.
//!
//! reqsign reads the clock itself (its fixed-time hook is test-only), so each case lets it
//! sign, reads the date it wrote into the request, and then:
//! 1. our verifier must accept reqsign's request as received over HTTP (this also covers
//!    its `Credential=…, AdditionalHeaders=…, Signature=…` field order, which differs from
//!    oss2's), and
//! 2. our signer, given that date, must produce the same signature.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, NaiveDateTime, Utc};
use reqsign_aliyun_oss::{Credential, RequestSigner, SigningVersion};
use reqsign_core::SignRequest;
use signing::oss::{self, OssResource};
use signing::{AccessKeyId, CanonicalRequest, Credentials, Freshness, Secret, SecurityToken};

const BUCKET: &str = "examplebucket";
const AK: &str = "LTAI5tExampleKeyId1234";
const SECRET: &str = "ExampleSecretKey0123456789abcd";
const TOKEN: &str = "EXAMPLE-STS-TOKEN";

/// reqsign's signer is `async` but never awaits anything; polling once completes it.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("reqsign signer unexpectedly waited"),
    }
}

fn reqsign_sign(
    version: SigningVersion,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    token: Option<&str>,
) -> http::request::Parts {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let (mut parts, ()) = builder.body(()).expect("valid request").into_parts();
    let credential = Credential {
        access_key_id: AK.to_owned(),
        access_key_secret: SECRET.to_owned(),
        security_token: token.map(str::to_owned),
        expires_in: None,
    };
    let signer = RequestSigner::new(BUCKET)
        .with_signing_version(version)
        .with_region("cn-hangzhou");
    block_on(signer.sign_request(
        &reqsign_core::Context::new(),
        &mut parts,
        Some(&credential),
        None,
    ))
    .expect("reqsign signs");
    parts
}

fn credentials(token: Option<&str>) -> Credentials {
    let creds = Credentials::new(
        AccessKeyId::parse(AK).expect("valid id"),
        Secret::from(SECRET),
    );
    match token {
        Some(token) => creds.with_security_token(SecurityToken::from(token)),
        None => creds,
    }
}

fn signed_time(parts: &http::request::Parts, v4: bool) -> DateTime<Utc> {
    let (name, format) = if v4 {
        ("x-oss-date", "%Y%m%dT%H%M%SZ")
    } else {
        ("date", "%a, %d %b %Y %H:%M:%S GMT")
    };
    let text = parts.headers[name].to_str().expect("ascii date");
    NaiveDateTime::parse_from_str(text, format)
        .expect("reqsign writes a valid date")
        .and_utc()
}

/// The signature field: after `Signature=` (V4, any field order) or after the `:` (V1).
fn signature_of(authorization: &str) -> &str {
    match authorization.split_once("Signature=") {
        Some((_, rest)) => rest.split(',').next().unwrap_or(rest),
        None => authorization.rsplit(':').next().expect("has a signature"),
    }
}

/// One request: method, path and query after the host, decoded object key (empty for
/// bucket calls), the request's own headers, and an optional STS token.
struct Case {
    method: &'static str,
    path: &'static str,
    key: &'static str,
    headers: &'static [(&'static str, &'static str)],
    token: Option<&'static str>,
}

/// Checks one request both ways.
fn agree(version: SigningVersion, case: &Case) {
    let v4 = version == SigningVersion::V4;
    let uri = format!("{HOST}{}", case.path);
    let parts = reqsign_sign(version, case.method, &uri, case.headers, case.token);
    let now = signed_time(&parts, v4);
    let creds = credentials(case.token);
    let resource = if case.key.is_empty() {
        OssResource::bucket(BUCKET)
    } else {
        OssResource::object(BUCKET, case.key)
    };

    let received = CanonicalRequest::from_http_parts(&parts).expect("utf-8 headers");
    let verified = oss::verify(
        &received,
        &resource,
        &creds,
        &Freshness::new(now, Freshness::FIFTEEN_MINUTES),
    )
    .unwrap_or_else(|e| {
        panic!(
            "{} {uri}: our verifier rejected reqsign's request: {e}",
            case.method
        )
    });
    assert_eq!(
        verified
            .security_token
            .as_ref()
            .map(SecurityToken::expose_secret),
        case.token
    );

    let reqsign_authorization = parts.headers["authorization"].to_str().expect("ascii");
    let additional: Vec<&str> = reqsign_authorization
        .split("AdditionalHeaders=")
        .nth(1)
        .map(|rest| {
            rest.split(',')
                .next()
                .unwrap_or("")
                .split(';')
                .filter(|h| !h.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let unsigned = without_signer_headers(&received);
    let ours = if v4 {
        oss::sign_v4(
            &unsigned,
            &resource,
            &creds,
            "cn-hangzhou",
            now,
            &additional,
        )
    } else {
        oss::sign_v1(&unsigned, &resource, &creds, now)
    };
    assert_eq!(
        signature_of(ours.get("authorization").expect("signed")),
        signature_of(reqsign_authorization),
        "{} {uri}",
        case.method
    );
}

/// The request as it was before signing: the headers both signers add are dropped.
fn without_signer_headers<'a>(request: &CanonicalRequest<'a>) -> CanonicalRequest<'a> {
    let mut stripped =
        CanonicalRequest::new(request.method().to_owned(), request.path().to_owned());
    for (name, value) in request.query() {
        stripped = stripped.with_query(name.to_owned(), value.to_owned());
    }
    for (name, value) in request.headers().iter() {
        if !matches!(
            name,
            "authorization" | "date" | "x-oss-date" | "x-oss-security-token"
        ) {
            stripped = stripped.with_header(name.to_owned(), value.to_owned());
        }
    }
    stripped
}

const HOST: &str = "https://examplebucket.oss-cn-hangzhou.aliyuncs.com";

#[test]
fn v1_signatures_agree_with_reqsign_for_objects_sub_resources_and_tokens() {
    let cases = [
        Case {
            method: "GET",
            path: "/dir/data.parquet",
            key: "dir/data.parquet",
            headers: &[("range", "bytes=0-99")],
            token: None,
        },
        Case {
            method: "PUT",
            path: "/a.txt",
            key: "a.txt",
            headers: &[
                ("content-type", "text/plain"),
                ("content-md5", "XUFAKrxLKna5cZ2REBfFkg=="),
                ("x-oss-meta-author", "alice"),
            ],
            token: Some(TOKEN),
        },
        Case {
            method: "GET",
            path: "/?acl",
            key: "",
            headers: &[],
            token: None,
        },
        Case {
            method: "POST",
            path: "/big.bin?uploads",
            key: "big.bin",
            headers: &[],
            token: Some(TOKEN),
        },
        Case {
            method: "PUT",
            path: "/big.bin?partNumber=2&uploadId=0004B9895DBBB6EC",
            key: "big.bin",
            headers: &[("content-type", "application/octet-stream")],
            token: None,
        },
    ];
    for case in &cases {
        agree(SigningVersion::V1, case);
    }
}

#[test]
fn v4_signatures_agree_with_reqsign_including_its_additional_headers() {
    let cases = [
        Case {
            method: "PUT",
            path: "/dir/a%20b.txt",
            key: "dir/a b.txt",
            headers: &[
                ("content-type", "text/plain"),
                ("x-oss-meta-author", "alice"),
            ],
            token: None,
        },
        Case {
            method: "GET",
            path: "/dir/data.parquet",
            key: "dir/data.parquet",
            headers: &[
                ("range", "bytes=0-99"),
                ("host", "examplebucket.oss-cn-hangzhou.aliyuncs.com"),
            ],
            token: Some(TOKEN),
        },
        Case {
            method: "GET",
            path: "/?list-type=2&prefix=dir%2F&delimiter=%2F&continuation-token=",
            key: "",
            headers: &[],
            token: Some(TOKEN),
        },
        Case {
            method: "GET",
            path: "/%E6%95%B0%E6%8D%AE/%E6%8A%A5%E8%A1%A8.parquet?versionId=CAEQ",
            key: "数据/报表.parquet",
            headers: &[("content-disposition", "attachment")],
            token: None,
        },
    ];
    for case in &cases {
        agree(SigningVersion::V4, case);
    }
}
