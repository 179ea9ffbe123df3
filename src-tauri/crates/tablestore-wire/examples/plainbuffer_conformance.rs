//! Helper binary for the cross-checks against the official Python SDK
//! (`tests/conformance/plainbuffer/`). Subcommands:
//!
//! * `exchange CASES.json OUT.json` — for every case, decode the Python-encoded bytes and
//!   encode the case's rows; write both as JSON for the Python side to compare.
//! * `descriptor OUT.bin` — write our compiled `.proto` files as a `FileDescriptorSet`.
//! * `write-page OUT.bin` — write the benchmark's realistic 4 MB GetRange page.
//! * `time-decode PAGE.bin ITERATIONS` — decode the page repeatedly, print the fastest
//!   run's `seconds_per_decode`.
//!
//! The JSON row form is described in `support/json_rows.rs`.

use std::time::Instant;

use json_rows::{decode_all, encode_case, from_hex, to_hex, Failure};
use serde_json::{json, Value as Json};
use tablestore_wire::plainbuffer::RowReader;

#[path = "support/json_rows.rs"]
mod json_rows;
#[path = "../benches/support/page.rs"]
mod page;

fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["exchange", cases, out] => exchange(cases, out),
        ["descriptor", out] => Ok(std::fs::write(
            out,
            tablestore_wire::proto::FILE_DESCRIPTOR_SET,
        )?),
        ["write-page", out] => Ok(std::fs::write(out, page::realistic_page(page::PAGE_BYTES))?),
        ["time-decode", page, iterations] => time_decode(page, iterations.parse()?),
        _ => Err(
            "usage: exchange CASES OUT | descriptor OUT | write-page OUT | time-decode PAGE N"
                .into(),
        ),
    }
}

fn exchange(cases_path: &str, out_path: &str) -> Result<(), Failure> {
    let cases: Json = serde_json::from_str(&std::fs::read_to_string(cases_path)?)?;
    let mut results = Vec::new();
    for case in cases.as_array().ok_or("cases must be an array")? {
        let python_bytes = from_hex(case["python_hex"].as_str().ok_or("python_hex")?)?;
        let decoded = match decode_all(&python_bytes) {
            Ok(rows) => json!({ "rows": rows }),
            Err(error) => json!({ "error": error }),
        };
        let encoded = match encode_case(case) {
            Ok(bytes) => json!({ "hex": to_hex(&bytes) }),
            Err(error) => json!({ "error": error.to_string() }),
        };
        results.push(json!({ "id": case["id"], "decoded": decoded, "encoded": encoded }));
    }
    std::fs::write(out_path, serde_json::to_string(&results)?)?;
    Ok(())
}

fn time_decode(path: &str, iterations: u32) -> Result<(), Failure> {
    let page = std::fs::read(path)?;
    let mut cells = 0usize;
    // The fastest run, like the Python side's best-of: least disturbed by other processes.
    let mut best = f64::INFINITY;
    for _ in 0..iterations {
        let started = Instant::now();
        for row in RowReader::new(std::hint::black_box(&page))? {
            cells += row?.cells.len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("{{\"seconds_per_decode\": {best}, \"cells\": {cells}}}");
    Ok(())
}
