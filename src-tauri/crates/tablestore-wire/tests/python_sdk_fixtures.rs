//! Cases encoded by the official Python SDK (`tablestore==6.4.8`, pure-Python
//! `PlainBufferBuilder`): put, returned and update rows, primary keys (with infinite bounds and
//! auto-increment), delete rows and multi-row pages, with random values of every type.
//!
//! Made by: `.venv/bin/python tests/conformance/plainbuffer/conformance.py --write-fixture
//! src-tauri/crates/tablestore-wire/tests/fixtures/python_sdk_cases.json --seed 1 --cases 80`
//! (deterministic for a seed). `check.sh` in the same folder runs fresh random cases in both
//! directions against the live SDK; this test keeps a fixed sample in plain `cargo test`.

#[path = "../examples/support/json_rows.rs"]
mod json_rows;

use json_rows::{decode_all, encode_case, from_hex, to_hex};
use serde_json::Value as Json;

fn cases() -> Vec<Json> {
    let text = include_str!("fixtures/python_sdk_cases.json");
    let fixture: Json = serde_json::from_str(text).expect("fixture is JSON");
    fixture["cases"].as_array().expect("cases").clone()
}

fn expected_rows(case: &Json) -> Vec<Json> {
    case["rows"].as_array().expect("rows").clone()
}

#[test]
fn fixture_covers_every_kind_of_buffer() {
    let kinds: std::collections::BTreeSet<String> = cases()
        .iter()
        .map(|case| case["kind"].as_str().expect("kind").to_owned())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["delete", "page", "pk", "put", "returned", "update"]
    );
}

#[test]
fn sdk_encoded_bytes_decode_to_the_rows_the_sdk_was_given() {
    for case in cases() {
        let bytes = from_hex(case["python_hex"].as_str().expect("hex")).expect("valid hex");
        let decoded = decode_all(&bytes).unwrap_or_else(|e| panic!("case {}: {e}", case["id"]));
        assert_eq!(decoded, expected_rows(&case), "case {}", case["id"]);
    }
}

#[test]
fn our_encoding_is_byte_identical_to_the_sdk() {
    for case in cases() {
        let ours = encode_case(&case).unwrap_or_else(|e| panic!("case {}: {e}", case["id"]));
        assert_eq!(
            to_hex(&ours),
            case["python_hex"].as_str().expect("hex"),
            "case {}",
            case["id"]
        );
    }
}
