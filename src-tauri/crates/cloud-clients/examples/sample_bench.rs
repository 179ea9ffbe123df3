//! Times `TablestoreClient::sample_rows` reading a whole table from a running sandbox, for the
//! benchmark command (`tests/bench/run.sh`), which points the Python SDK's `get_range` loop at
//! the same sandbox process so both numbers come from the same server.
//!
//! Usage:
//! `sample_bench --endpoint URL --instance NAME --key-id ID --key-secret SECRET
//!  [--table orders] [--rows 100000] [--runs 5]`
//!
//! Prints one JSON line: `{"rows": N, "cells": N, "pages": N, "seconds": [..per run..]}`.
//! V2 signatures (no region), as the Python SDK signs.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cloud_clients::tablestore::{SampleBudget, SampleControl, TablestoreClient, TablestoreConfig};
use cloud_clients::{HttpSettings, RetryPolicy, SystemClock};
use signing::{AccessKeyId, Credentials, Secret};

/// `--name value` pairs; every option takes a value.
fn parse_args() -> Result<HashMap<String, String>, String> {
    let mut options = HashMap::new();
    let mut args = std::env::args().skip(1);
    while let Some(name) = args.next() {
        let key = name
            .strip_prefix("--")
            .ok_or_else(|| format!("expected --option, got {name}"))?;
        let value = args.next().ok_or_else(|| format!("{name} needs a value"))?;
        options.insert(key.to_owned(), value);
    }
    Ok(options)
}

fn required<'a>(options: &'a HashMap<String, String>, name: &str) -> Result<&'a str, String> {
    options
        .get(name)
        .map(String::as_str)
        .ok_or_else(|| format!("missing --{name}"))
}

fn number(options: &HashMap<String, String>, name: &str, default: u64) -> Result<u64, String> {
    options.get(name).map_or(Ok(default), |v| {
        v.parse().map_err(|e| format!("--{name}: {e}"))
    })
}

async fn run() -> Result<String, String> {
    let options = parse_args()?;
    let table = options.get("table").map_or("orders", String::as_str);
    let rows = number(&options, "rows", 100_000)?;
    let runs = number(&options, "runs", 5)?;
    let credentials = Credentials::new(
        AccessKeyId::parse(required(&options, "key-id")?).map_err(|e| e.to_string())?,
        Secret::new(required(&options, "key-secret")?.to_owned()),
    );
    let client = TablestoreClient::new(
        TablestoreConfig {
            endpoint: required(&options, "endpoint")?.to_owned(),
            instance: required(&options, "instance")?.to_owned(),
            region: None,
            credentials,
        },
        &HttpSettings {
            read_timeout: Duration::from_mins(1),
            ..HttpSettings::for_app("sample-bench", env!("CARGO_PKG_VERSION"))
        },
        Arc::new(SystemClock),
        RetryPolicy::default(),
    )
    .map_err(|e| e.to_string())?;
    let key: Vec<String> = client
        .describe_table(table)
        .await
        .map_err(|e| e.to_string())?
        .primary_key
        .into_iter()
        .map(|c| c.name)
        .collect();
    let budget = SampleBudget {
        max_rows: rows,
        max_bytes: u64::MAX,
    };
    let mut seconds = Vec::new();
    let mut last = (0u64, 0u64, 0u32);
    for _ in 0..runs {
        // Touch every cell, as a caller would, so the decode is not optimised away.
        let mut cells = 0u64;
        let started = Instant::now();
        let summary = client
            .sample_rows(
                table,
                &key,
                budget,
                &SampleControl::default(),
                |row| cells += row.cells.len() as u64 + row.primary_key.len() as u64,
                |_| {},
            )
            .await
            .map_err(|e| e.to_string())?;
        seconds.push(started.elapsed().as_secs_f64());
        last = (summary.progress.rows, cells, summary.progress.pages);
    }
    let seconds: Vec<String> = seconds.iter().map(|s| format!("{s:.6}")).collect();
    Ok(format!(
        r#"{{"rows": {}, "cells": {}, "pages": {}, "seconds": [{}]}}"#,
        last.0,
        last.1,
        last.2,
        seconds.join(", ")
    ))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(line) => {
            println!("{line}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("sample_bench: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
