//! What an OSS request addresses, independent of virtual-hosted or path-style URLs.

/// The bucket and object a request is about. Both signature versions sign `/<bucket>/<key>`
/// built from these decoded names, whatever the URL looked like, so a server must pass the
/// names it routed on (object keys percent-decoded, `%2F` included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OssResource<'a> {
    bucket: Option<&'a str>,
    key: &'a str,
}

impl<'a> OssResource<'a> {
    /// A service-level call such as `ListBuckets`.
    pub fn service() -> Self {
        Self {
            bucket: None,
            key: "",
        }
    }

    /// A bucket-level call such as `ListObjectsV2` or `GetBucketInfo`.
    pub fn bucket(bucket: &'a str) -> Self {
        Self::object(bucket, "")
    }

    /// An object-level call; `key` is the decoded object name.
    pub fn object(bucket: &'a str, key: &'a str) -> Self {
        Self {
            bucket: Some(bucket).filter(|b| !b.is_empty()),
            key,
        }
    }

    /// `/` for the service, else `/<bucket>/<key>` (`/<bucket>/` for bucket calls).
    pub(crate) fn path(&self) -> String {
        match self.bucket {
            None => "/".to_owned(),
            Some(bucket) => format!("/{bucket}/{}", self.key),
        }
    }
}
