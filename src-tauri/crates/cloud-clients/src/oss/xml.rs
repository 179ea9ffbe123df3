//! The XML documents OSS answers with (spec `oss.md` section 3), as serde shapes.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct ListAllMyBucketsResult {
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub next_marker: Option<String>,
    #[serde(default)]
    pub buckets: BucketList,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct BucketList {
    #[serde(default)]
    pub bucket: Vec<BucketEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct BucketEntry {
    pub name: String,
    pub location: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub creation_date: Option<String>,
    #[serde(default)]
    pub extranet_endpoint: Option<String>,
    #[serde(default)]
    pub storage_class: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct BucketInfoDocument {
    pub bucket: BucketEntry,
}

#[derive(Debug, Deserialize)]
pub(crate) struct LocationConstraint {
    #[serde(rename = "$text")]
    pub location: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct ListBucketResult {
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub next_continuation_token: Option<String>,
    #[serde(default)]
    pub encoding_type: Option<String>,
    #[serde(default)]
    pub contents: Vec<ObjectEntry>,
    #[serde(default)]
    pub common_prefixes: Vec<CommonPrefix>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct ObjectEntry {
    pub key: String,
    pub size: u64,
    #[serde(default)]
    pub last_modified: Option<String>,
    #[serde(rename = "ETag", default)]
    pub etag: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct CommonPrefix {
    pub prefix: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct ErrorDocument {
    pub code: String,
    #[serde(default)]
    pub message: String,
}
