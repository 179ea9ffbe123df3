//! Fuzzes the primary-key decoder (GetRange's `next_start_primary_key`, which the client sends
//! back as the next page's start): any input decodes or fails with a `WireError`, never a panic,
//! and a key it accepts re-encodes with `encode_primary_key` to bytes that decode to the same
//! key (so the bound the client echoes is the bound the service gave).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tablestore_wire::plainbuffer::{decode_primary_key, encode_primary_key};
use tablestore_wire::PrimaryKeyValue;

fuzz_target!(|data: &[u8]| {
    let Ok(Some(key)) = decode_primary_key(data) else {
        return;
    };
    let owned: Vec<(String, PrimaryKeyValue)> = key
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned_key()))
        .collect();
    let encoded = encode_primary_key(&owned).expect("a decoded key re-encodes");
    let again: Vec<(String, PrimaryKeyValue)> = decode_primary_key(&encoded)
        .expect("a re-encoded key decodes")
        .expect("a re-encoded key is not empty")
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned_key()))
        .collect();
    assert_eq!(again, owned);
});
