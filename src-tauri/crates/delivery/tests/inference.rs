//! Streaming inference over shapes like the sandbox seeds: mixed types, sparse columns,
//! delete markers, repeated versions.

mod common;

use common::{cell, entry, row};
use delivery::schema_inference::SchemaInference;
use delivery::{ColumnOrigin, ParquetType, SourceColumn, TablestoreType};
use tablestore_wire::{Cell, PrimaryKeyValue, Value};

fn sensor_rows() -> Vec<tablestore_wire::Row> {
    (0..10)
        .map(|i| {
            let mut cells = vec![cell(
                "temperature",
                if i % 5 == 0 {
                    Value::String("n/a".into())
                } else {
                    Value::Double(20.0 + f64::from(i))
                },
            )];
            if i % 2 == 0 {
                cells.push(cell("note", Value::String(format!("note {i}"))));
            }
            if i == 3 {
                cells.push(cell("raw", Value::Binary(vec![1, 2, 3])));
            }
            row(
                &[
                    ("device", PrimaryKeyValue::String(format!("d{i}"))),
                    ("ts", PrimaryKeyValue::Integer(i64::from(i))),
                ],
                cells,
            )
        })
        .collect()
}

#[test]
fn counts_types_and_presence_per_column() {
    let mut inference = SchemaInference::new();
    for row in &sensor_rows() {
        inference.observe(row);
    }
    let report = inference.report();
    assert_eq!(report.rows_seen, 10);
    let names: Vec<&str> = report.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["device", "ts", "temperature", "note", "raw"]);
    let temperature = report.column("temperature").expect("seen");
    assert_eq!(temperature.rows_of(TablestoreType::Double), 8);
    assert_eq!(temperature.rows_of(TablestoreType::String), 2);
    assert!((temperature.presence_percent - 100.0).abs() < 1e-9);
    let note = report.column("note").expect("seen");
    assert!((note.presence_percent - 50.0).abs() < 1e-9);
    assert_eq!(
        report.column("device").expect("pk").origin,
        ColumnOrigin::PrimaryKey
    );
    assert_eq!(
        report.column("raw").expect("seen").origin,
        ColumnOrigin::Sampled
    );
}

#[test]
fn counts_dirty_and_missing_rows_per_mapped_pair() {
    let mut inference = SchemaInference::new();
    for row in &sensor_rows() {
        inference.observe(row);
    }
    let report = inference.report();
    let counts = report.dirty_counts(&[
        entry("temperature", "temp_c", ParquetType::Double),
        entry("note", "note", ParquetType::Utf8),
        entry("ts", "ts", ParquetType::Utf8),
        entry("absent", "absent", ParquetType::Int64),
    ]);
    let summary: Vec<(&str, u32, u32, u32)> = counts
        .iter()
        .map(|c| {
            (
                c.output_name.as_str(),
                c.kept_rows,
                c.dirty_rows,
                c.missing_rows,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("temp_c", 8, 2, 0),
            ("note", 5, 0, 5),
            ("ts", 0, 10, 0),
            ("absent", 0, 0, 10),
        ]
    );
    assert!((counts[0].dirty_percent - 20.0).abs() < 1e-9);
}

#[test]
fn an_older_version_of_a_cell_is_not_counted_twice() {
    let mut inference = SchemaInference::new();
    inference.observe(&row(
        &[],
        vec![
            cell("v", Value::Integer(2)),
            cell("v", Value::String("old".into())),
        ],
    ));
    let report = inference.report();
    assert_eq!(report.column("v").expect("seen").present_rows, 1);
    assert_eq!(
        report
            .column("v")
            .expect("seen")
            .rows_of(TablestoreType::String),
        0
    );
}

#[test]
fn delete_markers_are_not_values() {
    let mut inference = SchemaInference::new();
    inference.observe(&row(
        &[],
        vec![Cell {
            name: "gone".into(),
            value: None,
            timestamp: Some(1),
        }],
    ));
    assert!(inference.report().column("gone").is_none());
}

#[test]
fn columns_whose_order_changes_between_rows_are_still_matched_by_name() {
    let mut inference = SchemaInference::new();
    inference.observe(&row(
        &[],
        vec![
            cell("a", Value::Integer(1)),
            cell("b", Value::Boolean(true)),
        ],
    ));
    inference.observe(&row(
        &[],
        vec![
            cell("b", Value::Boolean(false)),
            cell("a", Value::Integer(2)),
        ],
    ));
    inference.observe(&row(&[], vec![cell("c", Value::Double(1.0))]));
    let report = inference.report();
    assert_eq!(report.column("a").expect("seen").present_rows, 2);
    assert_eq!(report.column("b").expect("seen").present_rows, 2);
    assert_eq!(report.column("c").expect("seen").present_rows, 1);
}

#[test]
fn declared_columns_keep_their_origin_and_appear_unsampled() {
    let declared = [SourceColumn::new(
        "region",
        ColumnOrigin::Defined,
        &[TablestoreType::String],
    )];
    let inference = SchemaInference::with_declared_columns(&declared);
    let report = inference.report();
    assert_eq!(report.columns[0].origin, ColumnOrigin::Defined);
    assert_eq!(report.columns[0].present_rows, 0);
    assert!(report.columns[0].presence_percent.abs() < f64::EPSILON);
}

#[test]
fn suggests_documented_targets_and_leaves_binary_out() {
    let mut inference = SchemaInference::new();
    for row in &sensor_rows() {
        inference.observe(row);
    }
    let suggested: Vec<(String, Option<ParquetType>)> = inference
        .report()
        .suggested_schema()
        .into_iter()
        .map(|e| (e.source_column, e.parquet_type))
        .collect();
    assert_eq!(
        suggested,
        vec![
            ("device".to_owned(), Some(ParquetType::Utf8)),
            ("ts".to_owned(), Some(ParquetType::Int64)),
            ("temperature".to_owned(), Some(ParquetType::Double)),
            ("note".to_owned(), Some(ParquetType::Utf8)),
        ]
    );
}

#[test]
fn the_report_feeds_validation_as_source_columns() {
    let mut inference = SchemaInference::new();
    for row in &sensor_rows() {
        inference.observe(row);
    }
    let columns = inference.report().source_columns();
    let temperature = columns
        .iter()
        .find(|c| c.name == "temperature")
        .expect("seen");
    assert_eq!(
        temperature.types_seen,
        vec![TablestoreType::Double, TablestoreType::String]
    );
}
