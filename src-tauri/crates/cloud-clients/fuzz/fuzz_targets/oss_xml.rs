//! Fuzzes the OSS answer parsers: the first byte picks the document (ListBuckets, GetBucketInfo,
//! GetBucketLocation, ListObjectsV2, an error document), the rest is the body as OSS would send
//! it (any bytes: invalid UTF-8 is replaced, as the client does).
//!
//! Invariants: parsing never panics, never recurses or allocates without bound, and a listing
//! only offers a next page with a non-empty marker or continuation token (an empty one would
//! make the client list the first page again, forever).
#![no_main]

use cloud_clients::oss::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 5 {
        0 => {
            if let Some((_, next_marker)) = fuzzing::list_buckets(body) {
                assert!(next_marker.is_none_or(|marker| !marker.is_empty()));
            }
        }
        1 => drop(fuzzing::bucket_info(body)),
        2 => drop(fuzzing::bucket_region(body)),
        3 => {
            if let Some(page) = fuzzing::list_objects(body) {
                assert!(page
                    .next_continuation_token
                    .is_none_or(|token| !token.is_empty()));
            }
        }
        _ => drop(fuzzing::error_document(body)),
    }
});
