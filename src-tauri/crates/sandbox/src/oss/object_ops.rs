//! Object calls: GetObject (with ranges), HeadObject, GetObjectMeta, PutObject, DeleteObject.

use std::collections::BTreeMap;

use axum::http::{header, HeaderMap, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use bytes::Bytes;
use chrono::{DateTime, Utc};

use super::answer::Answer;
use super::checksum;
use super::error::OssError;
use super::range::{self, RangeOutcome};
use super::store::{Store, StoreError, StoredObject};
use super::xml::http_date;

/// The store's errors as the service reports them.
pub fn store_error(error: &StoreError) -> OssError {
    match error {
        StoreError::NoSuchBucket(bucket) => OssError::no_such_bucket(bucket),
        StoreError::NoSuchKey { key, .. } => OssError::no_such_key(key),
        StoreError::BucketNotEmpty(bucket) => OssError::bucket_not_empty(bucket),
    }
}

/// The headers GetObject and HeadObject describe an object with.
fn describe(answer: &mut Answer, object: &StoredObject) {
    answer.set(header::CONTENT_TYPE, &object.content_type);
    answer.set(header::ETAG, format!("\"{}\"", object.etag));
    answer.set(header::LAST_MODIFIED, http_date(object.last_modified));
    answer.set(header::ACCEPT_RANGES, "bytes");
    answer.set("x-oss-object-type", "Normal");
    answer.set("x-oss-storage-class", "Standard");
    answer.set("x-oss-hash-crc64ecma", object.crc64.to_string());
    answer.set("content-md5", STANDARD.encode(checksum::md5(&object.data)));
    for (name, value) in &object.metadata {
        if let Ok(name) = header::HeaderName::try_from(format!("x-oss-meta-{name}")) {
            answer.set(name, value);
        }
    }
}

pub fn get_object(
    store: &Store,
    bucket: &str,
    key: &str,
    headers: &HeaderMap,
) -> Result<Answer, OssError> {
    let object = store.get_object(bucket, key).map_err(|e| store_error(&e))?;
    let size = object.size() as u64;
    let standard = headers
        .get("x-oss-range-behavior")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"standard"));
    let requested = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let mut answer = Answer::empty(StatusCode::OK);
    describe(&mut answer, &object);
    match range::resolve(requested, size, standard) {
        RangeOutcome::Whole => answer.body = object.data.clone(),
        RangeOutcome::Partial { first, last } => {
            answer.status = StatusCode::PARTIAL_CONTENT;
            answer.set(
                header::CONTENT_RANGE,
                format!("bytes {first}-{last}/{size}"),
            );
            // Both ends are below the object's size, which fits in usize.
            let (first, last) = (to_index(first), to_index(last));
            answer.body = object.data.slice(first..=last);
        }
        RangeOutcome::Unsatisfiable => {
            return Err(OssError::new(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "InvalidRange",
                "The requested range cannot be satisfied",
            )
            .with_extra("RangeRequested", requested.unwrap_or_default())
            .with_extra("ActualObjectSize", size.to_string()));
        }
    }
    Ok(answer)
}

fn to_index(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

/// HeadObject: GetObject's headers, no body, the object's full length.
pub fn head_object(store: &Store, bucket: &str, key: &str) -> Result<Answer, OssError> {
    let object = store.get_object(bucket, key).map_err(|e| store_error(&e))?;
    let mut answer = Answer::empty(StatusCode::OK);
    describe(&mut answer, &object);
    answer.set(header::CONTENT_LENGTH, object.size().to_string());
    Ok(answer)
}

/// GetObjectMeta (`HEAD ?objectMeta`): the short form, used by oss2's `object_exists`.
pub fn get_object_meta(store: &Store, bucket: &str, key: &str) -> Result<Answer, OssError> {
    let object = store.get_object(bucket, key).map_err(|e| store_error(&e))?;
    let mut answer = Answer::empty(StatusCode::OK);
    answer.set(header::ETAG, format!("\"{}\"", object.etag));
    answer.set(header::LAST_MODIFIED, http_date(object.last_modified));
    answer.set(header::CONTENT_LENGTH, object.size().to_string());
    answer.set("x-oss-hash-crc64ecma", object.crc64.to_string());
    Ok(answer)
}

pub fn put_object(
    store: &Store,
    bucket: &str,
    key: &str,
    headers: &HeaderMap,
    body: Bytes,
    now: DateTime<Utc>,
) -> Result<Answer, OssError> {
    if headers.contains_key("x-oss-copy-source") {
        return Err(OssError::not_implemented("CopyObject"));
    }
    let header_text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let md5 = checksum::md5(&body);
    if let Some(claimed) = header_text("content-md5") {
        let decoded = STANDARD
            .decode(claimed)
            .ok()
            .filter(|digest| digest.len() == 16)
            .ok_or_else(|| {
                OssError::new(
                    StatusCode::BAD_REQUEST,
                    "InvalidDigest",
                    "The Content-MD5 you specified was invalid.",
                )
                .with_extra("Content-MD5", claimed)
            })?;
        if decoded != md5 {
            return Err(OssError::new(
                StatusCode::BAD_REQUEST,
                "InvalidDigest",
                "The Content-MD5 you specified did not match what was received.",
            )
            .with_extra("ExpectedMD5", claimed)
            .with_extra("CalculatedMD5", STANDARD.encode(md5)));
        }
    }
    if header_text("x-oss-forbid-overwrite") == Some("true")
        && store.get_object(bucket, key).is_ok()
    {
        return Err(OssError::new(
            StatusCode::CONFLICT,
            "FileAlreadyExists",
            "The object you specified already exists and can not be overwritten.",
        ));
    }
    let content_type = header_text("content-type")
        .filter(|t| !t.is_empty())
        .unwrap_or("application/octet-stream");
    let mut object = StoredObject::new(key, body, content_type, now);
    object.metadata = headers
        .iter()
        .filter_map(|(name, value)| {
            let short = name.as_str().strip_prefix("x-oss-meta-")?;
            Some((short.to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect::<BTreeMap<_, _>>();
    let stored = store.put(bucket, object).map_err(|e| store_error(&e))?;
    let mut answer = Answer::empty(StatusCode::OK);
    answer.set(header::ETAG, format!("\"{}\"", stored.etag));
    answer.set("x-oss-hash-crc64ecma", stored.crc64.to_string());
    answer.set("content-md5", STANDARD.encode(md5));
    Ok(answer)
}

/// DeleteObject answers 204 whether or not the object existed.
pub fn delete_object(store: &Store, bucket: &str, key: &str) -> Result<Answer, OssError> {
    store
        .delete_object(bucket, key)
        .map_err(|e| store_error(&e))?;
    Ok(Answer::empty(StatusCode::NO_CONTENT))
}
