//! Property tests: whatever we encode decodes back to the same rows, for every value type and
//! its edges (empty strings and blobs, NaN and infinite doubles, i64 extremes, unicode names,
//! 1,000-column rows), and re-encoding a decoded buffer reproduces it byte for byte.

mod common;

use common::same_row;
use proptest::prelude::*;
use tablestore_wire::plainbuffer::{
    decode_row, encode_delete_row, encode_primary_key, encode_row, encode_row_ref,
    encode_update_row, CellUpdate, RowReader, RowsWriter,
};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z_][A-Za-z0-9_]{0,15}",
        // Unicode, including multi-byte characters and the empty name.
        "\\PC{0,12}",
    ]
}

fn integer() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0),
        Just(-1),
        any::<i64>()
    ]
}

fn double() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(f64::MIN_POSITIVE),
        any::<f64>(),
    ]
}

fn string() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,40}"]
}

fn blob() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        proptest::collection::vec(any::<u8>(), 0..64)
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        integer().prop_map(Value::Integer),
        double().prop_map(Value::Double),
        any::<bool>().prop_map(Value::Boolean),
        string().prop_map(Value::String),
        blob().prop_map(Value::Binary),
    ]
}

fn key_value() -> impl Strategy<Value = PrimaryKeyValue> {
    prop_oneof![
        integer().prop_map(PrimaryKeyValue::Integer),
        string().prop_map(PrimaryKeyValue::String),
        blob().prop_map(PrimaryKeyValue::Binary),
        Just(PrimaryKeyValue::InfMin),
        Just(PrimaryKeyValue::InfMax),
        Just(PrimaryKeyValue::AutoIncrement),
    ]
}

fn primary_key() -> impl Strategy<Value = Vec<(String, PrimaryKeyValue)>> {
    proptest::collection::vec((name(), key_value()), 0..5)
}

fn cell() -> impl Strategy<Value = Cell> {
    (
        name(),
        proptest::option::weighted(0.9, value()),
        proptest::option::of(integer()),
    )
        .prop_map(|(name, value, timestamp)| Cell {
            name,
            value,
            timestamp,
        })
}

fn row_with(cells: std::ops::Range<usize>) -> impl Strategy<Value = Row> {
    (primary_key(), proptest::collection::vec(cell(), cells))
        .prop_map(|(primary_key, cells)| Row { primary_key, cells })
}

fn update() -> impl Strategy<Value = CellUpdate> {
    prop_oneof![
        (name(), value(), proptest::option::of(integer())).prop_map(|(name, value, timestamp)| {
            CellUpdate::Put {
                name,
                value,
                timestamp,
            }
        }),
        name().prop_map(|name| CellUpdate::DeleteAllVersions { name }),
        (name(), integer())
            .prop_map(|(name, timestamp)| CellUpdate::DeleteOneVersion { name, timestamp }),
        (name(), integer()).prop_map(|(name, by)| CellUpdate::Increment { name, by }),
    ]
}

proptest! {
    #[test]
    fn any_row_decodes_to_itself(row in row_with(0..20)) {
        let bytes = encode_row(&row).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        prop_assert!(same_row(&decoded.to_row(), &row), "{:?} != {:?}", decoded, row);
        prop_assert!(!decoded.delete_marker);
    }

    #[test]
    fn reencoding_a_decoded_row_reproduces_the_bytes(row in row_with(0..20)) {
        let bytes = encode_row(&row).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        prop_assert_eq!(encode_row_ref(&decoded).expect("encodes"), bytes);
    }

    #[test]
    fn any_primary_key_decodes_to_itself(pk in primary_key()) {
        let bytes = encode_primary_key(&pk).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        prop_assert_eq!(decoded.primary_key_owned(), pk);
        prop_assert!(decoded.cells.is_empty());
    }

    #[test]
    fn any_delete_row_decodes_with_its_marker(pk in primary_key()) {
        let bytes = encode_delete_row(&pk).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        prop_assert!(decoded.delete_marker);
        prop_assert_eq!(decoded.primary_key_owned(), pk);
    }

    #[test]
    fn any_update_row_decodes_to_the_same_updates(
        pk in primary_key(),
        updates in proptest::collection::vec(update(), 0..12),
    ) {
        let bytes = encode_update_row(&pk, &updates).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        let back = decoded.to_cell_updates().expect("valid updates");
        prop_assert_eq!(back.len(), updates.len());
        for (a, b) in back.iter().zip(&updates) {
            if let (
                CellUpdate::Put { name: n1, value: Value::Double(x), timestamp: t1 },
                CellUpdate::Put { name: n2, value: Value::Double(y), timestamp: t2 },
            ) = (a, b)
            {
                prop_assert!(n1 == n2 && t1 == t2 && x.to_bits() == y.to_bits());
            } else {
                prop_assert_eq!(a, b);
            }
        }
        prop_assert_eq!(encode_row_ref(&decoded).expect("encodes"), bytes);
    }

    #[test]
    fn a_page_of_rows_streams_back_row_by_row(rows in proptest::collection::vec(row_with(0..8), 0..12)) {
        let mut writer = RowsWriter::new();
        for row in &rows {
            writer.push(row).expect("encodes");
        }
        let page = writer.finish();
        prop_assert_eq!(page.is_empty(), rows.is_empty());
        let decoded: Vec<Row> = RowReader::new(&page)
            .expect("header")
            .map(|row| row.map(|row| row.to_row()))
            .collect::<Result<_, _>>()
            .expect("decodes");
        prop_assert_eq!(decoded.len(), rows.len());
        for (a, b) in decoded.iter().zip(&rows) {
            prop_assert!(same_row(a, b));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn a_thousand_column_row_decodes_to_itself(row in row_with(1000..1001)) {
        let bytes = encode_row(&row).expect("encodes");
        let decoded = decode_row(&bytes).expect("decodes").expect("one row");
        prop_assert_eq!(decoded.cells.len(), 1000);
        prop_assert!(same_row(&decoded.to_row(), &row));
    }
}

#[test]
fn strings_and_blobs_are_borrowed_from_the_input_not_copied() {
    let row = Row {
        primary_key: vec![("k".into(), PrimaryKeyValue::String("key".into()))],
        cells: vec![Cell {
            name: "blob".into(),
            value: Some(Value::Binary(vec![9; 32])),
            timestamp: Some(1),
        }],
    };
    let bytes = encode_row(&row).expect("encodes");
    let decoded = decode_row(&bytes).expect("decodes").expect("one row");
    let input = bytes.as_ptr_range();
    let Some(tablestore_wire::ValueRef::Binary(blob)) = decoded.cells[0].value else {
        panic!("expected a blob, got {:?}", decoded.cells[0].value);
    };
    assert!(input.contains(&blob.as_ptr()));
    assert!(input.contains(&decoded.cells[0].name.as_ptr()));
    assert!(input.contains(&decoded.primary_key[0].0.as_ptr()));
}
