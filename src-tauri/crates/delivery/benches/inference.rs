//! Streaming inference over 100,000 rows × 20 columns (target < 100 ms).

// Row counts here are small; the casts cannot wrap or lose precision.
#![allow(clippy::cast_possible_wrap, clippy::cast_precision_loss)]

use criterion::{criterion_group, criterion_main, Criterion};
use delivery::schema_inference::SchemaInference;
use std::hint::black_box;
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

const ROWS: i64 = 100_000;
const COLUMNS: usize = 20;

fn rows() -> Vec<Row> {
    (0..ROWS)
        .map(|i| {
            let cells = (0..COLUMNS)
                // Sparse rows: every column is missing from some rows.
                .filter(|c| (i + *c as i64) % 7 != 0)
                .map(|c| {
                    let value = match c % 4 {
                        0 => Value::Integer(i),
                        1 => Value::Double(i as f64 * 0.5),
                        2 => Value::Boolean(i % 2 == 0),
                        // A few strings where integers are expected: mixed types.
                        _ if i % 100 == 0 => Value::Integer(i),
                        _ => Value::String(format!("v{i}")),
                    };
                    Cell {
                        name: format!("col_{c:02}"),
                        value: Some(value),
                        timestamp: None,
                    }
                })
                .collect();
            Row {
                primary_key: vec![("pk".into(), PrimaryKeyValue::Integer(i))],
                cells,
            }
        })
        .collect()
}

fn inference(c: &mut Criterion) {
    let rows = rows();
    let mut group = c.benchmark_group("inference");
    group.sample_size(20);
    group.bench_function("100k_rows_x_20_columns", |b| {
        b.iter(|| {
            let mut inference = SchemaInference::new();
            for row in &rows {
                inference.observe(row);
            }
            black_box(inference.report())
        });
    });
    group.finish();
}

criterion_group!(benches, inference);
criterion_main!(benches);
