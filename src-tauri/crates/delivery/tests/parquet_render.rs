//! Rendering in Rust terms: dirty counts, refused types, file layout read back with the
//! `parquet` crate's own reader. Value-level conformance with an independent reader is in
//! `tests/conformance/parquet/check.sh` (pyarrow).

mod common;

use bytes::Bytes;
use common::{cell, row};
use delivery::parquet_render::{render_parquet, ParquetRenderer, RenderOptions};
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

/// What row `i` of `many_rows` should hold in the file: (id, n, x, s), `None` for null.
fn expected_many(i: i32) -> (Option<i64>, Option<i64>, Option<f64>, Option<String>) {
    // n is missing when i % 7 == 0 and a string (dirty) when i % 7 == 3; otherwise the
    // newest version wins over the older one that follows it.
    let n = (i % 7 != 0 && i % 7 != 3).then(|| i64::from(i) * 3 - 5);
    let x = (i % 5 != 0).then(|| f64::from(i) / 4.0);
    (Some(i64::from(i)), n, x, (i % 11 != 4).then(|| text_of(i)))
}

fn text_of(i: i32) -> String {
    "é".repeat(usize::try_from(i % 13).expect("small"))
}

/// Rows whose cells come in varying order and presence, with repeated names (older
/// versions after the newest) and dirty values, so the renderer's per-position name hints,
/// presence bits, write chunks and row-group boundaries are all exercised.
fn many_rows(count: i32) -> Vec<tablestore_wire::Row> {
    (0..count)
        .map(|i| {
            // Groups of cells that keep their inner order (a newest version, then an older one).
            let mut groups: Vec<Vec<tablestore_wire::Cell>> = Vec::new();
            if i % 11 != 4 {
                groups.push(vec![cell("s", Value::String(text_of(i)))]);
            }
            match i % 7 {
                0 => {}
                3 => groups.push(vec![cell("n", Value::String("dirty".into()))]),
                _ => groups.push(vec![
                    cell("n", Value::Integer(i64::from(i) * 3 - 5)),
                    cell("n", Value::Integer(-1)),
                ]),
            }
            if i % 5 != 0 {
                groups.push(vec![cell("x", Value::Double(f64::from(i) / 4.0))]);
            }
            if i % 2 == 0 {
                groups.reverse();
            }
            let mut cells: Vec<_> = groups.into_iter().flatten().collect();
            cells.push(cell("unmapped", Value::Boolean(true)));
            row(&[("id", PrimaryKeyValue::Integer(i64::from(i)))], cells)
        })
        .collect()
}

#[test]
fn keeps_every_value_across_row_groups_write_chunks_and_presence_words() {
    use parquet::record::Field;

    let schema = schema(&[
        ("id", "id", ParquetType::Int64),
        ("n", "n", ParquetType::Int64),
        ("x", "x", ParquetType::Double),
        ("s", "s", ParquetType::Utf8),
    ]);
    let rows = many_rows(5000);
    let options = RenderOptions {
        row_group_rows: 2100,
        ..RenderOptions::default()
    };
    let rendered = render_parquet(&schema, &rows, &options).expect("renders");
    assert_eq!(rendered.rows, 5000);
    // n: every row with i % 7 == 3 carries a string; nothing else is dirty.
    assert_eq!(rendered.dirty_fields, vec![0, 714, 0, 0]);

    // The streaming path writes the same file.
    let mut streaming = ParquetRenderer::new(&schema, &options).expect("schema");
    for row in &rows {
        streaming.push(row).expect("pushes");
    }
    assert_eq!(streaming.finish().expect("finishes").bytes, rendered.bytes);

    let file = SerializedFileReader::new(Bytes::from(rendered.bytes)).expect("reads");
    assert_eq!(file.metadata().num_row_groups(), 3);
    let long = |field: &Field| match field {
        Field::Long(v) => Some(*v),
        Field::Null => None,
        other => panic!("unexpected {other:?}"),
    };
    let double_bits = |field: &Field| match field {
        Field::Double(v) => Some(v.to_bits()),
        Field::Null => None,
        other => panic!("unexpected {other:?}"),
    };
    let text = |field: &Field| match field {
        Field::Str(v) => Some(v.clone()),
        Field::Null => None,
        other => panic!("unexpected {other:?}"),
    };
    let mut seen = 0;
    for (index, record) in file.get_row_iter(None).expect("rows").enumerate() {
        let record = record.expect("row");
        let fields: Vec<&Field> = record.get_column_iter().map(|(_, f)| f).collect();
        let (id, n, x, s) = expected_many(i32::try_from(index).expect("small"));
        assert_eq!(long(fields[0]), id, "row {index} id");
        assert_eq!(long(fields[1]), n, "row {index} n");
        assert_eq!(double_bits(fields[2]), x.map(f64::to_bits), "row {index} x");
        assert_eq!(text(fields[3]), s, "row {index} s");
        seen += 1;
    }
    assert_eq!(seen, 5000);
}

#[test]
fn writes_the_same_file_on_any_number_of_threads() {
    use std::num::NonZeroUsize;

    let schema = schema(&[
        ("id", "id", ParquetType::Int64),
        ("n", "n", ParquetType::Int64),
        ("x", "x", ParquetType::Double),
        ("s", "s", ParquetType::Utf8),
        ("n", "n_again", ParquetType::Int64),
    ]);
    // Row groups of 50,000 rows are gathered in three runs (17,408 + 17,408 + 15,184 rows)
    // on three threads, and hold enough data for columns to be encoded on several threads;
    // the last row group is short and uneven.
    let rows = many_rows(112_345);
    let render = |threads: usize| {
        let options = RenderOptions {
            row_group_rows: 50_000,
            threads: NonZeroUsize::new(threads),
            ..RenderOptions::default()
        };
        render_parquet(&schema, &rows, &options).expect("renders")
    };
    let one = render(1);
    assert_eq!(one.rows, 112_345);
    // n (and n_again, fed by the same source): every row with i % 7 == 3 is dirty.
    let dirty_n = (0..112_345).filter(|i| i % 7 == 3).count() as u64;
    assert_eq!(one.dirty_fields, vec![0, dirty_n, 0, 0, dirty_n]);
    for threads in [2, 3, 8] {
        let many = render(threads);
        assert_eq!(many.dirty_fields, one.dirty_fields, "{threads} threads");
        assert!(
            many.bytes == one.bytes,
            "{threads} threads wrote other bytes"
        );
    }

    let file = SerializedFileReader::new(Bytes::from(render(3).bytes)).expect("reads");
    assert_eq!(file.metadata().num_row_groups(), 3);
    for (index, record) in file
        .get_row_iter(None)
        .expect("rows")
        .enumerate()
        .step_by(997)
    {
        let record = record.expect("row");
        let (id, n, _, s) = expected_many(i32::try_from(index).expect("small"));
        let fields: Vec<String> = record
            .get_column_iter()
            .map(|(_, f)| f.to_string())
            .collect();
        let shown = |v: Option<String>| v.unwrap_or_else(|| "null".into());
        assert_eq!(fields[0], shown(id.map(|v| v.to_string())), "row {index}");
        assert_eq!(fields[1], shown(n.map(|v| v.to_string())), "row {index}");
        assert_eq!(fields[4], fields[1], "row {index}");
        assert_eq!(fields[3], shown(s.map(|v| format!("{v:?}"))), "row {index}");
    }
}
