//! Renders 1,000,000 rows × 10 columns to Parquet bytes (target: at least as fast as pyarrow
//! writing the same rows from Python lists). After the Criterion run it starts
//! `tests/conformance/parquet/bench_pyarrow.py` (when the repo's `.venv` exists) so both
//! numbers come from the same run on the same machine. The render uses every core by
//! default; the `one_thread` case shows what a single core does (pyarrow's Python-list
//! conversion runs on one).

// Row counts here are small; the casts cannot wrap or lose precision.
#![allow(clippy::cast_possible_wrap, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use delivery::parquet_render::{render_parquet, RenderOptions};
use delivery::{OutputColumnName, ParquetSchema, ParquetType, SchemaEntry};
use tablestore_wire::{Cell, Row, Value};

const ROWS: i64 = 1_000_000;

/// Same formulas as `bench_pyarrow.py`.
fn rows() -> Vec<Row> {
    (0..ROWS)
        .map(|i| {
            let mut cells = vec![
                ("c0", Value::Integer(i)),
                ("c1", Value::Integer(i * 7919 % 1_000_003)),
                ("c2", Value::Integer(-i * 31)),
                ("c3", Value::Double(i as f64 * 0.5)),
                ("c4", Value::Double((i % 1000) as f64 / 7.0)),
                ("c5", Value::Boolean(i % 2 == 0)),
                ("c6", Value::Boolean(i % 3 == 0)),
                ("c7", Value::String(format!("user-{}", i % 100_000))),
                ("c8", Value::String(format!("city-{}", i % 1000))),
            ];
            if i % 10 != 0 {
                cells.push(("c9", Value::String(format!("note {i}"))));
            }
            Row {
                primary_key: vec![],
                cells: cells
                    .into_iter()
                    .map(|(name, value)| Cell {
                        name: name.into(),
                        value: Some(value),
                        timestamp: None,
                    })
                    .collect(),
            }
        })
        .collect()
}

fn schema() -> ParquetSchema {
    let types = [
        ParquetType::Int64,
        ParquetType::Int64,
        ParquetType::Int64,
        ParquetType::Double,
        ParquetType::Double,
        ParquetType::Bool,
        ParquetType::Bool,
        ParquetType::Utf8,
        ParquetType::Utf8,
        ParquetType::Utf8,
    ];
    let entries = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = format!("c{i}");
            SchemaEntry::new(
                name.clone(),
                OutputColumnName::parse(&name).expect("valid"),
                *t,
            )
        })
        .collect();
    ParquetSchema::new(entries).expect("valid")
}

fn run_pyarrow_comparison(rust_seconds: f64) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let python = root.join(".venv/bin/python");
    let script = root.join("tests/conformance/parquet/bench_pyarrow.py");
    if !python.exists() {
        eprintln!("pyarrow comparison skipped: {} not found", python.display());
        return;
    }
    match Command::new(python).arg(script).output() {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout);
            print!("{text}");
            if let Some(best) = text
                .lines()
                .filter_map(|l| l.strip_prefix("pyarrow_best_seconds "))
                .find_map(|v| v.trim().parse::<f64>().ok())
            {
                println!("rust_seconds {rust_seconds:.3}");
                println!("speedup_vs_pyarrow {:.2}x", best / rust_seconds);
            }
        }
        Ok(output) => eprintln!(
            "pyarrow comparison failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => eprintln!("pyarrow comparison failed to start: {error}"),
    }
}

fn render(c: &mut Criterion) {
    let rows = rows();
    let schema = schema();
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("render_parquet");
    group.sample_size(10);
    let one_thread = RenderOptions {
        threads: NonZeroUsize::new(1),
        ..RenderOptions::default()
    };
    for (id, render_options) in [
        ("1m_rows_x_10_columns", &options),
        ("1m_rows_x_10_columns_one_thread", &one_thread),
    ] {
        group.bench_function(id, |b| {
            b.iter(|| {
                black_box(
                    render_parquet(&schema, &rows, render_options)
                        .expect("renders")
                        .bytes
                        .len(),
                )
            });
        });
    }
    group.finish();

    // One more timed run of our own, for the side-by-side line with pyarrow (best of 3).
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            black_box(render_parquet(&schema, &rows, &options).expect("renders"));
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    run_pyarrow_comparison(best);
}

criterion_group!(benches, render);
criterion_main!(benches);
