//! A bounded, stable-Rust stand-in for the `cargo fuzz` target in `fuzz/` (which needs nightly):
//! random and mutated buffers go through the decoder, which must return (never panic), and
//! whatever it accepts must survive a re-encode/decode cycle unchanged, and decoding into one
//! reused `RowRef` (`next_into`) must yield exactly what the iterator yields. Same invariants
//! as `fuzz/fuzz_targets/decode_rows.rs`.

use proptest::prelude::*;
use tablestore_wire::plainbuffer::{decode_row, encode_row, encode_row_ref, RowReader, RowRef};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

fn exercise_decoder(bytes: &[u8]) {
    let _ = decode_row(bytes);
    let Ok(reader) = RowReader::new(bytes) else {
        return;
    };
    assert_eq!(
        decoded_into_one_row(reader.clone()),
        format!("{:?}", reader.clone().collect::<Vec<_>>())
    );
    for row in reader {
        let Ok(row) = row else { break };
        let encoded = encode_row_ref(&row).expect("a decoded row re-encodes");
        let again = decode_row(&encoded)
            .expect("re-encoded row decodes")
            .expect("one row");
        assert_eq!(encode_row_ref(&again).expect("re-encodes"), encoded);
        let _ = row.to_row();
        let _ = row.to_cell_updates();
    }
}

/// What `next_into` yields, formatted like the iterator's items (NaN-safe comparison).
fn decoded_into_one_row(mut reader: RowReader<'_>) -> String {
    let mut row = RowRef::default();
    let mut items = Vec::new();
    while let Some(read) = reader.next_into(&mut row) {
        items.push(read.map(|()| row.clone()));
    }
    format!("{items:?}")
}

/// A valid page to mutate: every value type, a timestamp, two rows.
fn seed_page() -> Vec<u8> {
    let row = Row {
        primary_key: vec![
            ("pk".into(), PrimaryKeyValue::String("user-1".into())),
            ("n".into(), PrimaryKeyValue::Integer(7)),
        ],
        cells: vec![
            Cell {
                name: "i".into(),
                value: Some(Value::Integer(-3)),
                timestamp: Some(1),
            },
            Cell {
                name: "d".into(),
                value: Some(Value::Double(2.5)),
                timestamp: None,
            },
            Cell {
                name: "b".into(),
                value: Some(Value::Boolean(true)),
                timestamp: Some(2),
            },
            Cell {
                name: "s".into(),
                value: Some(Value::String("héllo".into())),
                timestamp: None,
            },
            Cell {
                name: "x".into(),
                value: Some(Value::Binary(vec![0, 1, 2])),
                timestamp: Some(3),
            },
        ],
    };
    let single = encode_row(&row).expect("encodes");
    let mut page = single.clone();
    page.extend_from_slice(&single[4..]);
    page
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
        any::<usize>().prop_map(Mutation::Remove),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(buf: &mut Vec<u8>, mutation: &Mutation) {
    if buf.is_empty() {
        return;
    }
    let len = buf.len();
    match *mutation {
        Mutation::Set(at, byte) => buf[at % len] = byte,
        Mutation::Insert(at, byte) => buf.insert(at % (len + 1), byte),
        Mutation::Remove(at) => {
            buf.remove(at % len);
        }
        Mutation::Truncate(at) => buf.truncate(at % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_bytes_after_a_valid_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut bytes = vec![0x75, 0, 0, 0];
        bytes.extend_from_slice(&tail);
        exercise_decoder(&bytes);
        exercise_decoder(&tail);
    }

    #[test]
    fn mutated_valid_pages_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let mut page = seed_page();
        for m in &mutations {
            apply(&mut page, m);
        }
        exercise_decoder(&page);
    }
}

#[test]
fn the_seed_page_itself_decodes_to_two_rows() {
    let page = seed_page();
    assert_eq!(RowReader::new(&page).expect("header").flatten().count(), 2);
}
