//! ListBuckets (GetService): every bucket of the account, paged by name.

use super::answer::Answer;
use super::error::OssError;
use super::query::Query;
use super::store::{BucketInfo, Store};
use super::xml::{iso8601_millis, XmlWriter};
use crate::accounts::DEMO_ACCOUNT_ID;

pub fn list_buckets(store: &Store, query: &Query) -> Result<Answer, OssError> {
    let prefix = query.get("prefix").unwrap_or_default();
    let marker = query.get("marker").unwrap_or_default();
    let max = query.max_keys()?;
    let mut matching = store
        .buckets()
        .into_iter()
        .filter(|b| b.name.starts_with(prefix) && b.name.as_str() > marker);
    let page: Vec<BucketInfo> = matching.by_ref().take(max).collect();
    let truncated = matching.next().is_some();

    let mut xml = XmlWriter::new();
    xml.open("ListAllMyBucketsResult")
        .element("Prefix", prefix)
        .element("Marker", marker)
        .element("MaxKeys", max)
        .element("IsTruncated", truncated);
    if truncated {
        if let Some(last) = page.last() {
            xml.element("NextMarker", &last.name);
        }
    }
    xml.open("Owner")
        .element("ID", DEMO_ACCOUNT_ID)
        .element("DisplayName", DEMO_ACCOUNT_ID)
        .close("Owner")
        .open("Buckets");
    for bucket in &page {
        xml.open("Bucket")
            .element("Comment", "")
            .element("CreationDate", iso8601_millis(bucket.creation_date))
            .element("ExtranetEndpoint", bucket.extranet_endpoint())
            .element("IntranetEndpoint", bucket.intranet_endpoint())
            .element("Location", bucket.location())
            .element("Name", &bucket.name)
            .element("Region", &bucket.region)
            .element("StorageClass", &bucket.storage_class)
            .close("Bucket");
    }
    xml.close("Buckets").close("ListAllMyBucketsResult");
    Ok(Answer::xml(xml.finish()))
}
