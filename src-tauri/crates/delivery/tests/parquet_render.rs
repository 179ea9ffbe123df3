//! Rendering in Rust terms: dirty counts, refused types, file layout read back with the
//! `parquet` crate's own reader. Value-level conformance with an independent reader is in
//! `tests/conformance/parquet/check.sh` (pyarrow).

mod common;

use bytes::Bytes;
use common::{cell, row};
use delivery::parquet_render::{render_parquet, RenderOptions};
use delivery::{OutputColumnName, ParquetSchema, ParquetType, SchemaEntry};
use parquet::basic::{Encoding, Type as PhysicalType};
use parquet::file::reader::{FileReader, SerializedFileReader};
use tablestore_wire::{PrimaryKeyValue, Value};

fn schema(entries: &[(&str, &str, ParquetType)]) -> ParquetSchema {
    ParquetSchema::new(
        entries
            .iter()
            .map(|(s, o, t)| SchemaEntry::new(*s, OutputColumnName::parse(o).expect("valid"), *t))
            .collect(),
    )
    .expect("valid")
}

#[test]
fn counts_dirty_fields_per_output_column() {
    let rows = vec![
        row(
            &[("id", PrimaryKeyValue::Integer(1))],
            vec![cell("n", Value::String("x".into()))],
        ),
        row(
            &[("id", PrimaryKeyValue::String("2".into()))],
            vec![cell("n", Value::Integer(2))],
        ),
        row(&[("id", PrimaryKeyValue::Integer(3))], vec![]),
    ];
    let schema = schema(&[
        ("id", "id", ParquetType::Int64),
        ("n", "n", ParquetType::Int64),
    ]);
    let rendered = render_parquet(&schema, &rows, &RenderOptions::default()).expect("renders");
    assert_eq!(rendered.rows, 3);
    assert_eq!(rendered.dirty_fields, vec![1, 1]);
    assert_eq!(&rendered.bytes[..4], b"PAR1");
    assert_eq!(&rendered.bytes[rendered.bytes.len() - 4..], b"PAR1");
}

#[test]
fn refuses_to_preview_undocumented_types() {
    let schema = schema(&[("t", "t", ParquetType::TimestampMillis)]);
    let error = render_parquet(&schema, &[], &RenderOptions::default()).expect_err("unconfirmed");
    assert_eq!(error.code(), "parquet_render_failed");
    assert!(error.message().contains("TIMESTAMP_MILLIS"));
}

#[test]
fn writes_columns_in_schema_order_with_plain_encoding_and_row_groups() {
    let rows: Vec<_> = (0..25)
        .map(|i| {
            row(
                &[],
                vec![
                    cell("b", Value::Boolean(i % 2 == 0)),
                    cell("a", Value::Double(f64::from(i))),
                ],
            )
        })
        .collect();
    let schema = schema(&[
        ("a", "a_out", ParquetType::Double),
        ("b", "b_out", ParquetType::Bool),
        ("s", "s_out", ParquetType::Utf8),
    ]);
    let options = RenderOptions {
        row_group_rows: 10,
        ..RenderOptions::default()
    };
    let rendered = render_parquet(&schema, &rows, &options).expect("renders");
    let reader = SerializedFileReader::new(Bytes::from(rendered.bytes)).expect("reads");
    let metadata = reader.metadata();
    assert_eq!(metadata.num_row_groups(), 3);
    assert_eq!(metadata.file_metadata().num_rows(), 25);
    let descriptor = metadata.file_metadata().schema_descr();
    let columns: Vec<(String, PhysicalType)> = descriptor
        .columns()
        .iter()
        .map(|c| (c.name().to_owned(), c.physical_type()))
        .collect();
    assert_eq!(
        columns,
        vec![
            ("a_out".to_owned(), PhysicalType::DOUBLE),
            ("b_out".to_owned(), PhysicalType::BOOLEAN),
            ("s_out".to_owned(), PhysicalType::BYTE_ARRAY),
        ]
    );
    for chunk in metadata.row_group(0).columns() {
        assert!(chunk.encodings().any(|e| e == Encoding::PLAIN));
        assert!(!chunk
            .encodings()
            .any(|e| e == Encoding::PLAIN_DICTIONARY || e == Encoding::RLE_DICTIONARY));
    }
}
