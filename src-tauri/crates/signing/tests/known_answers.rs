//! Known answers produced by the official Python SDKs' own signers.
//!
//! `fixtures/known_answers.jsonl` is written by
//! `tests/conformance/signing/gen_fixtures.py` (repository root), which drives real SDK calls
//! (tablestore 6.4.8 `OTSClient`, oss2 2.19.1 `Bucket`/`Service`, alibabacloud-tea-openapi
//! 0.4.6 `Client.call_api`, aliyun-python-sdk-core 2.16.0) with the network replaced by a
//! capture and the clock and nonce pinned. Regenerate with
//! `.venv/bin/python tests/conformance/signing/gen_fixtures.py`.
//!
//! Each record is checked by `support/conformance.rs`: our signer must add the same bytes, our
//! verifier must accept the SDK's request and reject any one-character change to a signed
//! part, a wrong secret and a clock 16 minutes late.

#[path = "support/conformance.rs"]
mod conformance;

const FIXTURES: &str = include_str!("fixtures/known_answers.jsonl");

fn check_scheme(prefix: &str, expected_records: usize) {
    let marker = format!("\"scheme\": \"{prefix}");
    let lines = FIXTURES
        .lines()
        .filter(|line| line.contains(&marker))
        .collect::<Vec<_>>()
        .join("\n");
    let (passed, failures) = conformance::check_jsonl(&lines);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(passed, expected_records);
}

#[test]
fn tablestore_requests_and_responses_match_the_tablestore_sdk() {
    check_scheme("ots_", 7);
}

#[test]
fn oss_v1_and_v4_requests_match_oss2() {
    check_scheme("oss_", 20);
}

#[test]
fn openapi_v3_requests_match_the_tea_openapi_client() {
    check_scheme("acs3", 5);
}

#[test]
fn rpc_requests_match_the_tea_client_and_the_core_sdk() {
    check_scheme("rpc", 5);
}
