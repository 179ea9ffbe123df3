//! Fuzzes the protobuf responses the client reads: the first byte picks the message (ListTable,
//! DescribeTable, GetRange, the four delivery-task answers, `Error`), the rest is its body.
//!
//! Invariants: decoding never panics; what `decode_checked` accepts plain prost accepts too, to
//! the same value; every decoded message survives encode → decode unchanged, and a body that
//! passed the required-field check still passes it after re-encoding. A GetRange answer's
//! `rows` and `next_start_primary_key` then go through the PlainBuffer readers, as the client's
//! sampler does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prost::Message;
use tablestore_wire::plainbuffer::{decode_primary_key, RowReader};
use tablestore_wire::{decode_checked, proto, RequiredFields};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 8 {
        0 => drop(check::<proto::ListTableResponse>(body)),
        1 => drop(check::<proto::DescribeTableResponse>(body)),
        2 => {
            if let Some(page) = check::<proto::GetRangeResponse>(body) {
                read_page(&page);
            }
        }
        3 => drop(check::<proto::CreateDeliveryTaskResponse>(body)),
        4 => drop(check::<proto::ListDeliveryTaskResponse>(body)),
        5 => drop(check::<proto::DescribeDeliveryTaskResponse>(body)),
        6 => drop(check::<proto::DeleteDeliveryTaskResponse>(body)),
        _ => drop(check::<proto::Error>(body)),
    }
});

/// Decodes `body` both ways and checks they agree and round-trip; returns the prost decoding.
fn check<M>(body: &[u8]) -> Option<M>
where
    M: Message + Default + RequiredFields + PartialEq + std::fmt::Debug,
{
    let plain = M::decode(body);
    let checked = decode_checked::<M>(body);
    if let Ok(checked) = &checked {
        let plain = plain
            .as_ref()
            .expect("what decode_checked accepts, prost accepts");
        assert_eq!(plain, checked);
    }
    let message = plain.ok()?;
    let encoded = message.encode_to_vec();
    let again = M::decode(encoded.as_slice()).expect("a re-encoded message decodes");
    assert_eq!(again, message);
    if checked.is_ok() {
        decode_checked::<M>(&encoded).expect("a complete message stays complete when re-encoded");
    }
    Some(message)
}

/// What the sampler does with a page: stream its rows, read the next start key.
fn read_page(page: &proto::GetRangeResponse) {
    if let Ok(rows) = RowReader::new(&page.rows) {
        for row in rows {
            let Ok(row) = row else { break };
            let _ = row.to_row();
        }
    }
    if let Some(next) = &page.next_start_primary_key {
        let _ = decode_primary_key(next);
    }
}
