//! The OSS operation a request asks for, chosen from its target, method and sub-resources,
//! with the name fault switches use and the RAM action a policy must allow.

use axum::http::Method;

use super::address::Target;
use super::error::OssError;
use super::query::Query;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    ListBuckets,
    GetBucketInfo,
    GetBucketLocation,
    DeleteBucket,
    ListObjects,
    ListObjectsV2,
    GetObject,
    HeadObject,
    GetObjectMeta,
    PutObject,
    DeleteObject,
}

impl Operation {
    /// The name used by the fault switches' `operations` filter.
    pub fn name(self) -> &'static str {
        match self {
            Self::ListBuckets => "ListBuckets",
            Self::GetBucketInfo => "GetBucketInfo",
            Self::GetBucketLocation => "GetBucketLocation",
            Self::DeleteBucket => "DeleteBucket",
            Self::ListObjects => "ListObjects",
            Self::ListObjectsV2 => "ListObjectsV2",
            Self::GetObject => "GetObject",
            Self::HeadObject => "HeadObject",
            Self::GetObjectMeta => "GetObjectMeta",
            Self::PutObject => "PutObject",
            Self::DeleteObject => "DeleteObject",
        }
    }

    /// The RAM action the caller's policy must allow.
    pub fn action(self) -> &'static str {
        match self {
            Self::ListBuckets => "oss:ListBuckets",
            Self::GetBucketInfo => "oss:GetBucketInfo",
            Self::GetBucketLocation => "oss:GetBucketLocation",
            Self::DeleteBucket => "oss:DeleteBucket",
            // ListObjectsV2 is authorised by the same action as ListObjects.
            Self::ListObjects | Self::ListObjectsV2 => "oss:ListObjects",
            Self::GetObject | Self::HeadObject | Self::GetObjectMeta => "oss:GetObject",
            Self::PutObject => "oss:PutObject",
            Self::DeleteObject => "oss:DeleteObject",
        }
    }

    /// Service-level and bucket-configuration calls, which OSS throttles as meta operations.
    pub fn is_meta(self) -> bool {
        matches!(
            self,
            Self::ListBuckets | Self::GetBucketInfo | Self::GetBucketLocation | Self::DeleteBucket
        )
    }

    /// Picks the operation from the target, the method and the query's sub-resources.
    pub fn select(target: &Target, method: &Method, query: &Query) -> Result<Self, OssError> {
        let has = |name: &str| query.has(name);
        match target {
            Target::Service if *method == Method::GET => Ok(Self::ListBuckets),
            Target::Service => Err(OssError::method_not_allowed()),
            Target::Bucket { .. } if *method == Method::GET => {
                if has("bucketInfo") {
                    Ok(Self::GetBucketInfo)
                } else if has("location") {
                    Ok(Self::GetBucketLocation)
                } else if has("list-type") {
                    Ok(Self::ListObjectsV2)
                } else if let Some(other) =
                    BUCKET_SUBRESOURCES_NOT_SERVED.iter().find(|name| has(name))
                {
                    Err(OssError::not_implemented(&format!(
                        "the `{other}` bucket call"
                    )))
                } else {
                    Ok(Self::ListObjects)
                }
            }
            // DeleteBucket takes no parameters; `DELETE /?cors`, `?lifecycle`, `?policy`, ...
            // delete one configuration of the bucket, which the sandbox does not keep.
            Target::Bucket { .. } if *method == Method::DELETE => match query.first_name() {
                Some(other) => Err(OssError::not_implemented(&format!(
                    "DELETE with the `{other}` parameter on a bucket"
                ))),
                None => Ok(Self::DeleteBucket),
            },
            Target::Bucket { .. } => {
                Err(OssError::not_implemented(&format!("{method} on a bucket")))
            }
            Target::Object { .. } => match *method {
                Method::GET | Method::HEAD if has("objectMeta") => Ok(Self::GetObjectMeta),
                Method::GET => Ok(Self::GetObject),
                Method::HEAD => Ok(Self::HeadObject),
                Method::PUT => Ok(Self::PutObject),
                Method::DELETE => Ok(Self::DeleteObject),
                _ => Err(OssError::not_implemented(&format!("{method} on an object"))),
            },
        }
    }
}

/// Bucket sub-resources whose calls the sandbox does not serve; answering them with a listing
/// would mislead a client.
const BUCKET_SUBRESOURCES_NOT_SERVED: &[&str] = &[
    "acl",
    "cors",
    "encryption",
    "inventory",
    "lifecycle",
    "logging",
    "policy",
    "referer",
    "replication",
    "stat",
    "tagging",
    "uploads",
    "versioning",
    "versions",
    "website",
    "worm",
];
