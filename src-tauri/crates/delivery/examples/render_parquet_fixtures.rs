//! Renders Parquet fixtures for the pyarrow conformance check
//! (`tests/conformance/parquet/check.sh`).
//!
//! Usage: `cargo run -p delivery --example render_parquet_fixtures -- <out-dir>`
//!
//! For each fixture it writes `<name>.parquet` (our renderer) and `<name>.expected.json`: the
//! columns and the values the file must hold, derived here from the rows by the documented
//! rules (matching type → value, anything else → null), not by the renderer. Doubles are
//! written as strings so NaN and infinities survive JSON.

use std::path::PathBuf;

use delivery::parquet_render::{render_parquet, RenderOptions};
use delivery::type_compat::value_is_kept;
use delivery::{OutputColumnName, ParquetSchema, ParquetType, SchemaEntry, TablestoreType};
use serde_json::{json, Value as Json};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

struct Fixture {
    name: &'static str,
    schema: Vec<(&'static str, &'static str, ParquetType)>,
    rows: Vec<Row>,
    row_group_rows: usize,
}

fn cell(name: &str, value: Value) -> Cell {
    Cell {
        name: name.into(),
        value: Some(value),
        timestamp: Some(1),
    }
}

fn orders() -> Fixture {
    let pk = |id: &str| vec![("order_id".to_owned(), PrimaryKeyValue::String(id.into()))];
    let rows = vec![
        Row {
            primary_key: pk("o-1"),
            cells: vec![
                cell("amount", Value::Double(12.5)),
                cell("paid", Value::Boolean(true)),
                cell("quantity", Value::Integer(3)),
                cell("note", Value::String("héllo, 世界".into())),
            ],
        },
        // Missing columns become nulls; a STRING in an INT64 column is dirty.
        Row {
            primary_key: pk("o-2"),
            cells: vec![cell("quantity", Value::String("3".into()))],
        },
        Row {
            primary_key: pk("o-3"),
            cells: vec![
                cell("quantity", Value::Integer(i64::MIN)),
                cell("amount", Value::Double(f64::NAN)),
                cell("paid", Value::Boolean(false)),
                cell("note", Value::String(String::new())),
            ],
        },
        Row {
            primary_key: pk("o-4"),
            cells: vec![
                cell("quantity", Value::Integer(i64::MAX)),
                cell("amount", Value::Double(f64::NEG_INFINITY)),
                cell("paid", Value::Integer(1)),
                cell("note", Value::Binary(vec![0xff])),
            ],
        },
        Row {
            primary_key: pk("o-5"),
            cells: vec![
                cell("amount", Value::Double(-0.0)),
                // An older version of the same column must not replace the newest value.
                cell("amount", Value::Double(99.0)),
                cell("amount", Value::Integer(7)),
            ],
        },
    ];
    Fixture {
        name: "orders",
        // Schema order differs from cell order, and two columns are renamed.
        schema: vec![
            ("order_id", "order_id", ParquetType::Utf8),
            ("quantity", "qty", ParquetType::Int64),
            ("amount", "amount", ParquetType::Double),
            ("paid", "is_paid", ParquetType::Bool),
            ("note", "note", ParquetType::Utf8),
        ],
        rows,
        row_group_rows: 1024,
    }
}

fn many_row_groups() -> Fixture {
    let rows = (0..2500)
        .map(|i: i64| Row {
            primary_key: vec![("id".into(), PrimaryKeyValue::Integer(i))],
            cells: if i % 3 == 0 {
                vec![]
            } else {
                vec![cell("label", Value::String(format!("row {i}")))]
            },
        })
        .collect();
    Fixture {
        name: "many_row_groups",
        schema: vec![
            ("id", "id", ParquetType::Int64),
            ("label", "label", ParquetType::Utf8),
        ],
        rows,
        row_group_rows: 1000,
    }
}

fn one_source_twice() -> Fixture {
    let rows = vec![
        Row {
            primary_key: vec![],
            cells: vec![
                cell("v", Value::Integer(5)),
                cell("blob", Value::Binary(vec![1])),
            ],
        },
        Row {
            primary_key: vec![],
            cells: vec![cell("v", Value::Double(2.5))],
        },
    ];
    Fixture {
        name: "one_source_twice",
        schema: vec![
            ("v", "v_int", ParquetType::Int64),
            ("v", "v_double", ParquetType::Double),
            ("blob", "blob", ParquetType::Utf8),
        ],
        rows,
        row_group_rows: 1024,
    }
}

fn no_rows() -> Fixture {
    Fixture {
        name: "no_rows",
        schema: vec![("a", "a", ParquetType::Bool), ("b", "b", ParquetType::Utf8)],
        rows: vec![],
        row_group_rows: 1024,
    }
}

/// The newest present value of `column` in `row`, as the renderer must see it.
fn first_value(row: &Row, column: &str) -> Option<Value> {
    if let Some((_, pk)) = row.primary_key.iter().find(|(name, _)| name == column) {
        return Some(match pk {
            PrimaryKeyValue::Integer(v) => Value::Integer(*v),
            PrimaryKeyValue::String(v) => Value::String(v.clone()),
            _ => Value::Binary(vec![]),
        });
    }
    row.cells
        .iter()
        .find(|cell| cell.name == column && cell.value.is_some())
        .and_then(|cell| cell.value.clone())
}

fn expected_json(value: Option<Value>, target: ParquetType) -> Json {
    let Some(value) = value else {
        return Json::Null;
    };
    if !value_is_kept(TablestoreType::of_value(&value), target) {
        return Json::Null;
    }
    match value {
        Value::Integer(v) => json!(v),
        Value::Double(v) => json!(format!("{v:?}")),
        Value::Boolean(v) => json!(v),
        Value::String(v) => json!(v),
        Value::Binary(_) => Json::Null,
    }
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: render_parquet_fixtures <out-dir>"),
    );
    std::fs::create_dir_all(&out).expect("create out dir");
    for fixture in [orders(), many_row_groups(), one_source_twice(), no_rows()] {
        let entries = fixture
            .schema
            .iter()
            .map(|(source, output, target)| {
                SchemaEntry::new(
                    *source,
                    OutputColumnName::parse(output).expect("valid name"),
                    *target,
                )
            })
            .collect();
        let schema = ParquetSchema::new(entries).expect("valid schema");
        let options = RenderOptions {
            row_group_rows: fixture.row_group_rows,
            ..RenderOptions::default()
        };
        let rendered = render_parquet(&schema, &fixture.rows, &options).expect("renders");
        std::fs::write(
            out.join(format!("{}.parquet", fixture.name)),
            &rendered.bytes,
        )
        .expect("write parquet");

        let columns: Vec<Json> = fixture
            .schema
            .iter()
            .map(|(source, output, target)| {
                let values: Vec<Json> = fixture
                    .rows
                    .iter()
                    .map(|row| expected_json(first_value(row, source), *target))
                    .collect();
                json!({ "name": output, "type": target.proto_name(), "values": values })
            })
            .collect();
        let expected = json!({
            "rows": fixture.rows.len(),
            "rowGroups": fixture.rows.len().div_ceil(fixture.row_group_rows),
            "dirtyFields": rendered.dirty_fields,
            "columns": columns,
        });
        std::fs::write(
            out.join(format!("{}.expected.json", fixture.name)),
            serde_json::to_string_pretty(&expected).expect("json"),
        )
        .expect("write expected");
    }
}
