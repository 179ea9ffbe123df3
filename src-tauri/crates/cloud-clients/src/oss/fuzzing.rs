//! Entry points for the cargo-fuzz targets in `fuzz/`: each OSS answer parser run on a raw
//! body, through the same functions the client uses. Hidden from the docs; not an API.

use super::request::{bucket_page, bucket_summary, object_page, parse_body};
use super::xml::{
    BucketInfoDocument, ErrorDocument, ListAllMyBucketsResult, ListBucketResult, LocationConstraint,
};
use super::{region_of_location, BucketSummary, ObjectPage};
use crate::ErrorKind;

/// A ListBuckets page: the buckets and the next marker.
pub fn list_buckets(body: &[u8]) -> Option<(Vec<BucketSummary>, Option<String>)> {
    parse_body::<ListAllMyBucketsResult>(body)
        .ok()
        .map(bucket_page)
}

/// A GetBucketInfo answer.
pub fn bucket_info(body: &[u8]) -> Option<BucketSummary> {
    parse_body::<BucketInfoDocument>(body)
        .ok()
        .map(|document| bucket_summary(document.bucket))
}

/// A GetBucketLocation answer, as the plain region id the client returns.
pub fn bucket_region(body: &[u8]) -> Option<String> {
    parse_body::<LocationConstraint>(body)
        .ok()
        .map(|document| region_of_location(document.location.trim()).to_owned())
}

/// A ListObjectsV2 page.
pub fn list_objects(body: &[u8]) -> Option<ObjectPage> {
    parse_body::<ListBucketResult>(body).ok().map(object_page)
}

/// An error document: its code, message and how the client classifies the code.
pub fn error_document(body: &[u8]) -> Option<(String, String, ErrorKind)> {
    parse_body::<ErrorDocument>(body).ok().map(|document| {
        let kind = super::classify(&document.code);
        (document.code, document.message, kind)
    })
}
