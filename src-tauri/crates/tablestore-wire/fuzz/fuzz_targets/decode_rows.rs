//! Fuzzes the PlainBuffer decoder: any input must decode or fail with a `WireError` (never
//! panic, never allocate by an untrusted length), and every row it accepts must survive a
//! re-encode/decode cycle unchanged; decoding into one reused `RowRef` (`next_into`) must yield
//! what the iterator yields. `tests/smoke_fuzz.rs` runs the same invariants on stable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tablestore_wire::plainbuffer::{decode_row, encode_row_ref, RowReader, RowRef};

fuzz_target!(|data: &[u8]| {
    let _ = decode_row(data);
    let Ok(reader) = RowReader::new(data) else {
        return;
    };
    let mut reused = reader.clone();
    let mut row = RowRef::default();
    let mut items = Vec::new();
    while let Some(read) = reused.next_into(&mut row) {
        items.push(read.map(|()| row.clone()));
    }
    // Compared as text: NaN doubles are not equal to themselves.
    assert_eq!(
        format!("{items:?}"),
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
});
