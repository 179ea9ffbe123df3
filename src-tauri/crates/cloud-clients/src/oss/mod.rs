//! The OSS client: buckets (all pages, info, location) and objects (list, get with ranges) —
//! what the app needs to pick a destination and browse delivered files.

mod error_codes;
#[doc(hidden)]
pub mod fuzzing;
mod request;
mod xml;

use std::sync::Arc;

use signing::Credentials;

use crate::http::{build_client, HttpSettings};
use crate::{ClientError, Clock, RetryPolicy};

pub use error_codes::classify;
pub use request::ObjectRange;

/// Where and as whom to call OSS.
#[derive(Debug, Clone)]
pub struct OssConfig {
    /// Region endpoint, e.g. `https://oss-cn-hangzhou.aliyuncs.com`, or a sandbox URL.
    pub endpoint: String,
    /// Plain region id; with it requests use signature V4, without it V1.
    pub region: Option<String>,
    pub credentials: Credentials,
}

/// A bucket as listed, with its region in both spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketSummary {
    pub name: String,
    /// Plain region id, e.g. `cn-hangzhou`.
    pub region: String,
    /// OSS location id, e.g. `oss-cn-hangzhou`.
    pub location: String,
    pub creation_date: Option<String>,
    pub extranet_endpoint: Option<String>,
    pub storage_class: Option<String>,
}

/// One object in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectSummary {
    pub key: String,
    pub size: u64,
    pub last_modified: Option<String>,
    pub etag: Option<String>,
}

/// One page of a listing under a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectPage {
    pub objects: Vec<ObjectSummary>,
    /// "Folders" when a delimiter was given.
    pub common_prefixes: Vec<String>,
    /// Pass back to get the next page; `None` when this was the last.
    pub next_continuation_token: Option<String>,
}

#[derive(Debug, Clone)]
pub struct OssClient {
    config: OssConfig,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    retry: RetryPolicy,
}

impl OssClient {
    pub fn new(
        config: OssConfig,
        settings: &HttpSettings,
        clock: Arc<dyn Clock>,
        retry: RetryPolicy,
    ) -> Result<Self, ClientError> {
        Ok(Self {
            config,
            http: build_client(settings)?,
            clock,
            retry,
        })
    }
}

/// `oss-cn-hangzhou` → `cn-hangzhou`.
pub fn region_of_location(location: &str) -> &str {
    location.strip_prefix("oss-").unwrap_or(location)
}
