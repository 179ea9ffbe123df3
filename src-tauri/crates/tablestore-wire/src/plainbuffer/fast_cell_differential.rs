//! The fast cell reader (`fast_cell.rs`) must be invisible: on any input, valid or corrupt,
//! a reader using it yields exactly what the general parser alone yields (the same rows, the
//! same error at the same offset).

use proptest::prelude::*;

use super::reader::RowReader;
use super::{encode_primary_key, encode_update_row, CellUpdate, RowsWriter};
use crate::{Cell, PrimaryKeyValue, Row, Value};

fn cell(name: &str, value: Value, timestamp: Option<i64>) -> Cell {
    Cell {
        name: name.to_owned(),
        value: Some(value),
        timestamp,
    }
}

fn row(seq: i64, note: &str) -> Row {
    Row {
        primary_key: vec![
            (
                "user_id".into(),
                PrimaryKeyValue::String(format!("u-{seq}")),
            ),
            ("seq".into(), PrimaryKeyValue::Integer(seq)),
            ("raw".into(), PrimaryKeyValue::Binary(vec![0x80, 0, 0xFF])),
        ],
        cells: vec![
            cell(
                "name",
                Value::String(note.to_owned()),
                Some(1_700_000_000_000),
            ),
            cell("n", Value::Integer(-seq), Some(1_700_000_000_000)),
            cell("score", Value::Double(f64::NAN), None),
            cell("active", Value::Boolean(seq % 2 == 0), Some(5)),
            cell("payload_column", Value::Binary(vec![1; 20]), Some(5)),
            cell(
                "a_much_longer_column_name",
                Value::String(String::new()),
                None,
            ),
        ],
    }
}

/// Pages exercising every cell shape: rows with and without timestamps, an update row with
/// operations, and a primary key with infinities.
fn seed_pages() -> Vec<Vec<u8>> {
    let mut rows = RowsWriter::new();
    for (seq, note) in [(1, "alpha Zürich"), (2, "東京 golf hotel"), (3, "")] {
        rows.push(&row(seq, note)).expect("encodes");
    }
    let key = vec![("k".to_owned(), PrimaryKeyValue::Integer(1))];
    let update = encode_update_row(
        &key,
        &[
            CellUpdate::Put {
                name: "v".into(),
                value: Value::String("x".into()),
                timestamp: Some(9),
            },
            CellUpdate::DeleteAllVersions { name: "d".into() },
            CellUpdate::DeleteOneVersion {
                name: "o".into(),
                timestamp: 3,
            },
            CellUpdate::Increment {
                name: "i".into(),
                by: 2,
            },
        ],
    )
    .expect("encodes");
    let bounds = encode_primary_key(&[
        ("a".into(), PrimaryKeyValue::InfMin),
        ("b".into(), PrimaryKeyValue::InfMax),
    ])
    .expect("encodes");
    vec![rows.finish(), update, bounds]
}

/// Everything a reader yields, as text (NaN-safe, and errors compare by variant and fields).
fn decode_all(reader: Result<RowReader<'_>, crate::WireError>) -> String {
    match reader {
        Ok(reader) => format!("{:?}", reader.collect::<Vec<_>>()),
        Err(error) => format!("{error:?}"),
    }
}

proptest! {
    #[test]
    fn fast_cells_and_the_general_parser_agree_on_mutated_pages(
        page in 0usize..3,
        mutations in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = seed_pages().swap_remove(page);
        for (at, byte) in mutations {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let fast = decode_all(RowReader::new(&bytes));
        let general = decode_all(RowReader::new(&bytes).map(RowReader::without_fast_cells));
        prop_assert_eq!(fast, general);
    }
}

#[test]
fn unmutated_seed_pages_decode_the_same_both_ways() {
    for bytes in seed_pages() {
        let fast = decode_all(RowReader::new(&bytes));
        assert!(!fast.contains("Err"), "{fast}");
        let general = decode_all(RowReader::new(&bytes).map(RowReader::without_fast_cells));
        assert_eq!(fast, general);
    }
}
