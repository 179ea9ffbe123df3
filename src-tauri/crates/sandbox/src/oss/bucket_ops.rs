//! Bucket-level calls: GetBucketInfo, GetBucketLocation, ListObjects, ListObjectsV2 and
//! DeleteBucket.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use axum::http::StatusCode;

use super::answer::Answer;
use super::error::OssError;
use super::listing::{encode_name, list_page, Page};
use super::object_ops::store_error;
use super::query::Query;
use super::store::{BucketInfo, Store, StoredObject};
use super::xml::{iso8601_millis, XmlWriter};
use crate::accounts::DEMO_ACCOUNT_ID;

pub fn get_bucket_info(bucket: &BucketInfo) -> Answer {
    let mut xml = XmlWriter::new();
    xml.open("BucketInfo")
        .open("Bucket")
        .element("AccessMonitor", "Disabled")
        .element("CreationDate", iso8601_millis(bucket.creation_date))
        .element("ExtranetEndpoint", bucket.extranet_endpoint())
        .element("IntranetEndpoint", bucket.intranet_endpoint())
        .element("Location", bucket.location())
        .element("StorageClass", &bucket.storage_class)
        .element("TransferAcceleration", "Disabled")
        .element("CrossRegionReplication", "Disabled")
        .element("Name", &bucket.name)
        .element("ResourceGroupId", "rg-sandbox-default")
        .open("Owner")
        .element("DisplayName", DEMO_ACCOUNT_ID)
        .element("ID", DEMO_ACCOUNT_ID)
        .close("Owner")
        .open("AccessControlList")
        .element("Grant", &bucket.acl)
        .close("AccessControlList")
        .element("Comment", "")
        .element("DataRedundancyType", "LRS")
        .open("ServerSideEncryptionRule")
        .element("SSEAlgorithm", "None")
        .close("ServerSideEncryptionRule")
        .open("BucketPolicy")
        .element("LogBucket", "")
        .element("LogPrefix", "")
        .close("BucketPolicy")
        .close("Bucket")
        .close("BucketInfo");
    Answer::xml(xml.finish())
}

pub fn get_bucket_location(bucket: &BucketInfo) -> Answer {
    let mut xml = XmlWriter::new();
    xml.element("LocationConstraint", bucket.location());
    Answer::xml(xml.finish())
}

/// DeleteBucket: 204 and no body once the bucket is gone; a bucket holding objects stays
/// (`BucketNotEmpty`, 409). Delivery tasks writing to it then report `INVALID_OSS_BUCKET`.
pub fn delete_bucket(store: &Store, bucket: &str) -> Result<Answer, OssError> {
    store.delete_bucket(bucket).map_err(|e| store_error(&e))?;
    Ok(Answer::empty(StatusCode::NO_CONTENT))
}

/// The listing parameters both versions share.
struct Listing<'q> {
    prefix: &'q str,
    delimiter: Option<&'q str>,
    max: usize,
    url_encoded: bool,
}

impl<'q> Listing<'q> {
    fn from_query(query: &'q Query) -> Result<Self, OssError> {
        Ok(Self {
            prefix: query.get("prefix").unwrap_or_default(),
            delimiter: query.get("delimiter"),
            max: query.max_keys()?,
            url_encoded: query.url_encoding()?,
        })
    }

    fn page(&self, store: &Store, bucket: &str, after: Option<&str>) -> Result<Page, OssError> {
        list_page(store, bucket, self.prefix, self.delimiter, after, self.max)
            .map_err(|_| OssError::no_such_bucket(bucket))
    }

    fn name(&self, text: &str) -> String {
        encode_name(text, self.url_encoded)
    }
}

pub fn list_objects_v2(store: &Store, bucket: &str, query: &Query) -> Result<Answer, OssError> {
    let listing = Listing::from_query(query)?;
    let token = query.get("continuation-token");
    let start_after = query.get("start-after");
    let token_position = token.map(decode_token).transpose()?;
    // The later of the two positions wins.
    let after = match (token_position.as_deref(), start_after) {
        (Some(t), Some(s)) => Some(if t >= s { t } else { s }),
        (t, s) => t.or(s),
    };
    let fetch_owner = query.get("fetch-owner") == Some("true");
    let page = listing.page(store, bucket, after)?;

    let mut xml = XmlWriter::new();
    xml.open("ListBucketResult")
        .element("Name", bucket)
        .element("Prefix", listing.name(listing.prefix));
    if let Some(start_after) = start_after {
        xml.element("StartAfter", listing.name(start_after));
    }
    if let Some(token) = token {
        xml.element("ContinuationToken", token);
    }
    xml.element("MaxKeys", listing.max);
    if let Some(delimiter) = listing.delimiter {
        xml.element("Delimiter", listing.name(delimiter));
    }
    if listing.url_encoded {
        xml.element("EncodingType", "url");
    }
    xml.element("IsTruncated", page.truncated);
    if page.truncated {
        if let Some(last) = &page.last {
            xml.element("NextContinuationToken", encode_token(last));
        }
    }
    xml.element("KeyCount", page.key_count());
    write_entries(&mut xml, &page, &listing, fetch_owner);
    xml.close("ListBucketResult");
    Ok(Answer::xml(xml.finish()))
}

pub fn list_objects(store: &Store, bucket: &str, query: &Query) -> Result<Answer, OssError> {
    let listing = Listing::from_query(query)?;
    let marker = query.get("marker");
    let page = listing.page(store, bucket, marker)?;

    let mut xml = XmlWriter::new();
    xml.open("ListBucketResult")
        .element("Name", bucket)
        .element("Prefix", listing.name(listing.prefix))
        .element("Marker", listing.name(marker.unwrap_or_default()))
        .element("MaxKeys", listing.max)
        .element(
            "Delimiter",
            listing.name(listing.delimiter.unwrap_or_default()),
        );
    if listing.url_encoded {
        xml.element("EncodingType", "url");
    }
    xml.element("IsTruncated", page.truncated);
    if page.truncated {
        if let Some(last) = &page.last {
            xml.element("NextMarker", listing.name(last));
        }
    }
    write_entries(&mut xml, &page, &listing, true);
    xml.close("ListBucketResult");
    Ok(Answer::xml(xml.finish()))
}

fn write_entries(xml: &mut XmlWriter, page: &Page, listing: &Listing<'_>, owner: bool) {
    for object in &page.contents {
        write_contents(xml, object, listing, owner);
    }
    for common in &page.common_prefixes {
        xml.open("CommonPrefixes")
            .element("Prefix", listing.name(common))
            .close("CommonPrefixes");
    }
}

fn write_contents(xml: &mut XmlWriter, object: &StoredObject, listing: &Listing<'_>, owner: bool) {
    xml.open("Contents")
        .element("Key", listing.name(&object.key))
        .element("LastModified", iso8601_millis(object.last_modified))
        .element("ETag", format!("\"{}\"", object.etag))
        .element("Type", "Normal")
        .element("Size", object.size())
        .element("StorageClass", "Standard");
    if owner {
        xml.open("Owner")
            .element("ID", DEMO_ACCOUNT_ID)
            .element("DisplayName", DEMO_ACCOUNT_ID)
            .close("Owner");
    }
    xml.close("Contents");
}

/// Continuation tokens are opaque to clients; here they carry the position, base64url-encoded
/// so they survive any query encoding.
fn encode_token(position: &str) -> String {
    URL_SAFE_NO_PAD.encode(position.as_bytes())
}

fn decode_token(token: &str) -> Result<String, OssError> {
    URL_SAFE_NO_PAD
        .decode(token)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| {
            OssError::invalid_parameter(
                "continuation-token",
                token,
                "The continuation token provided is incorrect.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_garbage_is_refused() {
        let token = encode_token("dir/数据/");
        assert_eq!(decode_token(&token).as_deref(), Ok("dir/数据/"));
        assert_eq!(
            decode_token("***").map_err(|e| e.code),
            Err("InvalidArgument")
        );
    }
}
