//! The test vectors printed in `shared/spec/oss.md` §2 and `shared/spec/account.md` §1.3–1.4
//! (there computed with the SDKs), checked through the public API a client would use.
//! The Tablestore values come from `fixtures/known_answers.jsonl` (tablestore 6.4.8).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use signing::oss::{self, OssResource};
use signing::tablestore::{self, TablestoreVersion};
use signing::{acs, AccessKeyId, CanonicalRequest, Credentials, Secret, SecurityToken};

fn credentials() -> Credentials {
    Credentials::new(
        AccessKeyId::parse("LTAI5tExampleKeyId1234").expect("valid id"),
        Secret::from("ExampleSecretKey0123456789abcd"),
    )
}

fn spec_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 15, 8, 30, 0)
        .single()
        .expect("valid time")
}

#[test]
fn oss_v1_put_with_metadata_matches_the_spec_vector() {
    let request = CanonicalRequest::new("PUT", "/examplebucket/a.txt")
        .with_header("Content-Type", "text/plain")
        .with_header("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==")
        .with_header("x-oss-meta-Author", "alice");
    let added = oss::sign_v1(
        &request,
        &OssResource::object("examplebucket", "a.txt"),
        &credentials(),
        spec_time(),
    );
    assert_eq!(added.get("date"), Some("Wed, 15 Jan 2025 08:30:00 GMT"));
    assert_eq!(
        added.get("authorization"),
        Some("OSS LTAI5tExampleKeyId1234:05wxfL2CEP1OtaTbeng3fyS6c+8=")
    );
}

#[test]
fn oss_v1_get_with_sts_token_matches_the_spec_vector() {
    let creds = credentials().with_security_token(SecurityToken::from("EXAMPLE-STS-TOKEN"));
    let request = CanonicalRequest::new("GET", "/").with_header("Range", "bytes=0-99");
    let added = oss::sign_v1(
        &request,
        &OssResource::object("examplebucket", "dir/data.parquet"),
        &creds,
        spec_time(),
    );
    assert_eq!(added.get("x-oss-security-token"), Some("EXAMPLE-STS-TOKEN"));
    assert_eq!(
        added.get("authorization"),
        Some("OSS LTAI5tExampleKeyId1234:2QKti7nfBqaP4+g4/7iOcUYfQaA=")
    );
}

#[test]
fn oss_v1_list_objects_signs_only_the_continuation_token_sub_resource() {
    let mut request = CanonicalRequest::new("GET", "/");
    for (name, value) in [
        ("list-type", "2"),
        ("prefix", "dir/"),
        ("delimiter", "/"),
        ("continuation-token", ""),
        ("start-after", ""),
        ("fetch-owner", "false"),
        ("max-keys", "100"),
        ("encoding-type", "url"),
    ] {
        request = request.with_query(name, value);
    }
    let added = oss::sign_v1(
        &request,
        &OssResource::bucket("examplebucket"),
        &credentials(),
        spec_time(),
    );
    assert_eq!(
        added.get("authorization"),
        Some("OSS LTAI5tExampleKeyId1234:A0G0b2Y/YS2aVio1BqhSznO3Jkc=")
    );
}

#[test]
fn oss_v4_put_with_a_space_in_the_key_matches_the_spec_vector() {
    let request = CanonicalRequest::new("PUT", "/dir/a%20b.txt")
        .with_header("Content-Type", "text/plain")
        .with_header("x-oss-meta-Author", "alice");
    let added = oss::sign_v4(
        &request,
        &OssResource::object("examplebucket", "dir/a b.txt"),
        &credentials(),
        "cn-hangzhou",
        spec_time(),
        &[],
    );
    assert_eq!(added.get("x-oss-date"), Some("20250115T083000Z"));
    assert_eq!(added.get("x-oss-content-sha256"), Some("UNSIGNED-PAYLOAD"));
    assert_eq!(
        added.get("authorization"),
        Some(
            "OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId1234/20250115/cn-hangzhou/oss/aliyun_v4_request, \
             Signature=bad9ad87c4fe0715e43cb855ac096eb57ddb51cb1301ad68f9423a78f304bb91"
        )
    );
}

#[test]
fn oss_v4_list_buckets_matches_the_spec_vector() {
    let request = CanonicalRequest::new("GET", "/")
        .with_query("prefix", "")
        .with_query("marker", "")
        .with_query("max-keys", "100");
    let added = oss::sign_v4(
        &request,
        &OssResource::service(),
        &credentials(),
        "cn-hangzhou",
        spec_time(),
        &[],
    );
    assert!(added
        .get("authorization")
        .expect("signed")
        .ends_with("Signature=75b332881cd002610be0a38e6cdb8b2a523fd94bd33430165e1f16753b471beb"));
}

#[test]
fn acs3_get_caller_identity_matches_the_spec_vector() {
    let request = CanonicalRequest::new("POST", "/")
        .with_header("accept", "application/json")
        .with_header("host", "sts.aliyuncs.com")
        .with_header(
            "user-agent",
            "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
        )
        .with_header("x-acs-action", "GetCallerIdentity")
        .with_header("x-acs-version", "2015-04-01");
    let added = acs::sign_v3(
        &request,
        b"",
        &credentials(),
        spec_time(),
        "3f1c0e0a8b7d4c2e9a6b5d4c3b2a1f00",
    );
    assert_eq!(
        added.get("authorization"),
        Some(
            "ACS3-HMAC-SHA256 Credential=LTAI5tExampleKeyId1234,\
             SignedHeaders=accept;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,\
             Signature=d2288970ae6fa86a082b5dffef2c1da624b9a6155b6f7cc2d20fb25d9fc101db"
        )
    );
}

#[test]
fn acs3_roa_list_instances_matches_the_spec_vector() {
    let request = CanonicalRequest::new("GET", "/v2/openapi/listinstances")
        .with_query("MaxResults", "50")
        .with_query("Status", "normal")
        .with_header("host", "tablestore.cn-hangzhou.aliyuncs.com")
        .with_header("x-acs-action", "ListInstances")
        .with_header("x-acs-version", "2020-12-09");
    let added = acs::sign_v3(&request, b"", &credentials(), spec_time(), "abc");
    assert!(added
        .get("authorization")
        .expect("signed")
        .ends_with("Signature=805a1b082a463d613c311cc0e2ca9f28df5708e60248b05f4c211fc5ac4eeba9"));
}

#[test]
fn rpc_get_caller_identity_matches_the_spec_vectors_with_and_without_token() {
    let params = [
        ("Action", "GetCallerIdentity"),
        ("Format", "json"),
        ("Version", "2015-04-01"),
    ];
    let nonce = "3f1c0e0a8b7d4c2e9a6b5d4c3b2a1f00";
    let plain = acs::sign_rpc("POST", &params, &credentials(), spec_time(), nonce);
    assert_eq!(plain.get("Signature"), Some("6lpY1KAGno5Xur/E6oISXWhUj+g="));
    assert_eq!(plain.get("Timestamp"), Some("2025-01-15T08:30:00Z"));

    let with_token = credentials().with_security_token(SecurityToken::from("EXAMPLE-STS-TOKEN"));
    let signed = acs::sign_rpc("POST", &params, &with_token, spec_time(), nonce);
    assert_eq!(
        signed.get("Signature"),
        Some("nCR2L8bcBk0EGU+Y8Rt3h1p4vA4=")
    );
}

#[test]
fn tablestore_list_table_v2_and_v4_match_the_sdk() {
    let creds = credentials();
    let standard = tablestore::request_headers(
        &creds,
        "example-instance",
        spec_time(),
        "1B2M2Y8AsgTpgAmY7PhCfg==",
    );
    let request = CanonicalRequest::new("POST", "/ListTable").with_added_headers(&standard);
    let v2 = tablestore::sign_request(&request, &creds, TablestoreVersion::V2);
    assert_eq!(
        v2.get("x-ots-signature"),
        Some("/twY+CHx1ShFyZE3IrbBnySS0bY=")
    );

    let v4 = tablestore::sign_request(
        &request,
        &creds,
        TablestoreVersion::V4 {
            region: "cn-hangzhou",
            sign_date: NaiveDate::from_ymd_opt(2025, 1, 15).expect("valid date"),
        },
    );
    assert_eq!(v4.get("x-ots-signdate"), Some("20250115"));
    assert_eq!(v4.get("x-ots-signregion"), Some("cn-hangzhou"));
    assert_eq!(
        v4.get("x-ots-signaturev4"),
        Some("DJU3a9uLL5vm85O4tIZXJQ9jSXVWNEiPHhGnKlQuZAE=")
    );
}
