//! The worked examples of spec section 5.9. They were produced by running the `tablestore==6.4.8`
//! pure-Python PlainBuffer encoder (checksums re-derived with an independent bitwise CRC-8); we
//! must encode to exactly these bytes and decode them back to the same rows.

mod common;

use common::{cell, hex, key};
use tablestore_wire::plainbuffer::{
    decode_primary_key, decode_row, encode_delete_row, encode_primary_key, encode_row,
    encode_update_row, CellOp, CellUpdate, RowReader,
};
use tablestore_wire::{PrimaryKeyValue as Pk, PrimaryKeyValueRef, Row, Value, ValueRef};

const PUT_ROW: &str = "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00
    01 00 00 00 00 00 00 00 0a 0a 02 03 04 04 00 00 00 6e 61 6d 65 05 06 00 00 00 03
    01 00 00 00 61 0a 37 09 15";

const RETURNED_ROW: &str = "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00
    00 00 00 00 00 0a 0a 02 03 04 04 00 00 00 6e 61 6d 65 05 06 00 00 00 03 01 00 00 00 61
    07 00 68 e5 cf 8b 01 00 00 0a bd 09 21";

fn id_one() -> Vec<(String, Pk)> {
    vec![key("id", Pk::Integer(1))]
}

#[test]
fn put_row_with_one_string_encodes_to_the_55_spec_bytes() {
    let row = Row {
        primary_key: id_one(),
        cells: vec![cell("name", Value::String("a".into()), None)],
    };
    let bytes = encode_row(&row).expect("encodes");
    assert_eq!(bytes.len(), 55);
    assert_eq!(bytes, hex(PUT_ROW));
}

#[test]
fn put_row_spec_bytes_decode_to_the_row() {
    let bytes = hex(PUT_ROW);
    let row = decode_row(&bytes).expect("valid").expect("one row");
    assert_eq!(
        row.primary_key,
        vec![("id", PrimaryKeyValueRef::Integer(1))]
    );
    assert_eq!(row.cells.len(), 1);
    assert_eq!(row.cells[0].name, "name");
    assert_eq!(row.cells[0].value, Some(ValueRef::String("a")));
    assert_eq!(row.cells[0].timestamp, None);
    assert!(!row.delete_marker);
}

#[test]
fn returned_row_with_version_timestamp_round_trips_the_64_spec_bytes() {
    let row = Row {
        primary_key: id_one(),
        cells: vec![cell(
            "name",
            Value::String("a".into()),
            Some(1_700_000_000_000),
        )],
    };
    let bytes = encode_row(&row).expect("encodes");
    assert_eq!(bytes.len(), 64);
    assert_eq!(bytes, hex(RETURNED_ROW));
    let decoded = decode_row(&bytes).expect("valid").expect("one row");
    assert_eq!(decoded.to_row(), row);
}

#[test]
fn primary_key_only_rows_match_the_spec() {
    let cases = [
        (Pk::Integer(1), "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00 0a 0a 09 82"),
        (Pk::InfMin, "75 00 00 00 01 03 04 02 00 00 00 69 64 05 01 00 00 00 09 0a 61 09 e0"),
        (Pk::InfMax, "75 00 00 00 01 03 04 02 00 00 00 69 64 05 01 00 00 00 0a 0a 68 09 5d"),
        (Pk::AutoIncrement, "75 00 00 00 01 03 04 02 00 00 00 69 64 05 01 00 00 00 0b 0a 6f 09 36"),
    ];
    for (value, expected) in cases {
        let pk = vec![key("id", value.clone())];
        let bytes = encode_primary_key(&pk).expect("encodes");
        assert_eq!(bytes, hex(expected), "{value:?}");
        let decoded = decode_primary_key(&bytes).expect("valid").expect("present");
        assert_eq!(decoded, vec![("id", value.as_key_ref())]);
    }
}

#[test]
fn string_primary_key_matches_the_spec() {
    let pk = vec![key("k", Pk::String("ab".into()))];
    let expected =
        "75 00 00 00 01 03 04 01 00 00 00 6b 05 07 00 00 00 03 02 00 00 00 61 62 0a e2 09 69";
    assert_eq!(encode_primary_key(&pk).expect("encodes"), hex(expected));
}

#[test]
fn delete_row_carries_the_marker_in_bytes_and_checksum() {
    let expected = "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00 0a 0a 08 09 85";
    let bytes = encode_delete_row(&id_one()).expect("encodes");
    assert_eq!(bytes, hex(expected));
    let row = decode_row(&bytes).expect("valid").expect("one row");
    assert!(row.delete_marker);
    assert!(row.cells.is_empty());
}

#[test]
fn put_row_with_bool_double_and_blob_matches_the_spec() {
    let expected =
        "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00 0a 0a 02
        03 04 01 00 00 00 62 05 02 00 00 00 02 01 0a 3e
        03 04 01 00 00 00 64 05 09 00 00 00 01 00 00 00 00 00 00 f8 3f 0a ba
        03 04 01 00 00 00 78 05 07 00 00 00 07 02 00 00 00 01 02 0a 47
        09 ed";
    let row = Row {
        primary_key: id_one(),
        cells: vec![
            cell("b", Value::Boolean(true), None),
            cell("d", Value::Double(1.5), None),
            cell("x", Value::Binary(vec![1, 2]), None),
        ],
    };
    let bytes = hex(expected);
    assert_eq!(encode_row(&row).expect("encodes"), bytes);
    let decoded = decode_row(&bytes).expect("valid").expect("one row");
    assert_eq!(decoded.to_row(), row);
}

#[test]
fn update_row_with_put_delete_all_and_delete_one_matches_the_spec() {
    let expected =
        "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00 0a 0a 02
        03 04 04 00 00 00 6e 61 6d 65 05 06 00 00 00 03 01 00 00 00 61 0a 37
        03 04 03 00 00 00 6f 6c 64 06 01 0a 1e
        03 04 01 00 00 00 76 06 03 07 05 00 00 00 00 00 00 00 0a 13
        09 f0";
    let updates = vec![
        CellUpdate::Put {
            name: "name".into(),
            value: Value::String("a".into()),
            timestamp: None,
        },
        CellUpdate::DeleteAllVersions { name: "old".into() },
        CellUpdate::DeleteOneVersion {
            name: "v".into(),
            timestamp: 5,
        },
    ];
    assert_eq!(
        encode_update_row(&id_one(), &updates).expect("encodes"),
        hex(expected)
    );

    let bytes = hex(expected);
    let decoded = decode_row(&bytes).expect("valid").expect("one row");
    assert_eq!(decoded.cells[1].op, Some(CellOp::DeleteAllVersions));
    assert_eq!(decoded.cells[2].op, Some(CellOp::DeleteOneVersion));
    assert_eq!(decoded.cells[2].timestamp, Some(5));
    assert_eq!(decoded.to_cell_updates().expect("valid updates"), updates);
}

#[test]
fn get_range_page_of_two_rows_has_one_header_and_decodes_to_two_rows() {
    let single = hex(RETURNED_ROW);
    let mut page = single.clone();
    page.extend_from_slice(&single[4..]);
    let rows: Vec<_> = RowReader::new(&page)
        .expect("header")
        .collect::<Result<_, _>>()
        .expect("valid rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], rows[1]);
}

#[test]
fn empty_buffers_mean_no_rows() {
    assert_eq!(decode_row(&[]).expect("empty is fine"), None);
    assert_eq!(RowReader::new(&[]).expect("empty is fine").count(), 0);
    assert_eq!(
        RowReader::new(&hex("75 00 00 00"))
            .expect("header only")
            .count(),
        0
    );
}
