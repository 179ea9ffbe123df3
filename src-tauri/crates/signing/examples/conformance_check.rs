//! Checks a JSONL file of SDK-signed requests against this crate; run by
//! `tests/conformance/signing/check.sh` after `gen_random.py` wrote the file.
//!
//! Usage: `cargo run -p signing --example conformance_check -- FILE.jsonl`.
//! Prints each failure, then `N passed, M failed`; exits 1 when anything failed.

#[path = "../tests/support/conformance.rs"]
mod conformance;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conformance_check FILE.jsonl");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let (passed, failures) = conformance::check_jsonl(&text);
    for failure in failures.iter().take(20) {
        println!("FAIL {failure}");
    }
    if failures.len() > 20 {
        println!("... and {} more failures", failures.len() - 20);
    }
    println!("{passed} passed, {} failed", failures.len());
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
