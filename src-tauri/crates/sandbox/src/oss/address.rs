//! Which bucket and object a request addresses, from its Host header and raw path.
//!
//! Path style (`/{bucket}/{key}`) is what oss2 uses against `127.0.0.1`; virtual-hosted style
//! (`Host: {bucket}.{endpoint}`, path `/{key}`) is accepted when the Host is a name such as
//! `sandbox-delivery.localhost:PORT`. Keys arrive percent-encoded (oss2 sends `/` as `%2F`)
//! and are decoded here; `+` stays a plus.

use std::net::IpAddr;

use percent_encoding::percent_decode_str;

use super::error::OssError;

/// Longest object key OSS accepts, in bytes.
pub const MAX_KEY_BYTES: usize = 1023;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Service,
    Bucket { bucket: String },
    Object { bucket: String, key: String },
}

impl Target {
    pub fn bucket(&self) -> Option<&str> {
        match self {
            Target::Service => None,
            Target::Bucket { bucket } | Target::Object { bucket, .. } => Some(bucket),
        }
    }
}

/// Resolves `host` (the Host header, port allowed) and `raw_path` (still percent-encoded).
pub fn resolve(host: Option<&str>, raw_path: &str) -> Result<Target, OssError> {
    let path = raw_path.strip_prefix('/').unwrap_or(raw_path);
    if let Some(bucket) = host.and_then(virtual_host_bucket) {
        check_bucket_name(bucket)?;
        return object_or_bucket(bucket.to_owned(), path);
    }
    if path.is_empty() {
        return Ok(Target::Service);
    }
    let (bucket, key) = path.split_once('/').unwrap_or((path, ""));
    let bucket = decode(bucket)
        .ok_or_else(|| OssError::invalid_bucket_name(bucket))?
        .into_owned();
    check_bucket_name(&bucket)?;
    object_or_bucket(bucket, key)
}

fn object_or_bucket(bucket: String, raw_key: &str) -> Result<Target, OssError> {
    if raw_key.is_empty() {
        return Ok(Target::Bucket { bucket });
    }
    let key = decode(raw_key)
        .ok_or_else(|| OssError::invalid_object_name("The object name is not valid UTF-8."))?
        .into_owned();
    check_key(&key)?;
    Ok(Target::Object { bucket, key })
}

fn decode(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    percent_decode_str(raw).decode_utf8().ok()
}

/// The bucket of a virtual-hosted Host, or `None` for an IP literal, `localhost`, or a
/// service endpoint such as `oss-cn-hangzhou.aliyuncs.com`.
fn virtual_host_bucket(host: &str) -> Option<&str> {
    let name = if host.starts_with('[') {
        return None;
    } else {
        host.rsplit_once(':').map_or(host, |(name, _port)| name)
    };
    if name.parse::<IpAddr>().is_ok() || name.eq_ignore_ascii_case("localhost") {
        return None;
    }
    let (first, rest) = name.split_once('.')?;
    if first.starts_with("oss-") || rest.is_empty() {
        return None;
    }
    Some(first)
}

/// 3–63 characters of lower-case letters, digits and `-`, not starting or ending with `-`.
fn check_bucket_name(bucket: &str) -> Result<(), OssError> {
    let valid = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !bucket.starts_with('-')
        && !bucket.ends_with('-');
    if valid {
        Ok(())
    } else {
        Err(OssError::invalid_bucket_name(bucket))
    }
}

fn check_key(key: &str) -> Result<(), OssError> {
    if key.len() > MAX_KEY_BYTES {
        return Err(OssError::invalid_object_name(
            "The length of object name must be less than 1024.",
        ));
    }
    if key.starts_with('/') || key.starts_with('\\') {
        return Err(OssError::invalid_object_name(
            "The object name must not start with '/' or '\\'.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(bucket: &str, key: &str) -> Target {
        Target::Object {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
        }
    }

    #[test]
    fn path_style_keys_are_decoded_with_plus_kept() {
        assert_eq!(
            resolve(Some("127.0.0.1:9000"), "/my-bucket/dir%2Fa%20b%2Bc+d.txt"),
            Ok(object("my-bucket", "dir/a b+c+d.txt"))
        );
        assert_eq!(
            resolve(Some("127.0.0.1:9000"), "/my-bucket/"),
            Ok(Target::Bucket {
                bucket: "my-bucket".to_owned()
            })
        );
        assert_eq!(resolve(Some("localhost"), "/"), Ok(Target::Service));
    }

    #[test]
    fn virtual_hosted_requests_take_the_bucket_from_the_host() {
        assert_eq!(
            resolve(Some("my-bucket.localhost:9000"), "/a/b.txt"),
            Ok(object("my-bucket", "a/b.txt"))
        );
        assert_eq!(
            resolve(Some("my-bucket.oss-cn-hangzhou.aliyuncs.com"), "/"),
            Ok(Target::Bucket {
                bucket: "my-bucket".to_owned()
            })
        );
        assert_eq!(
            resolve(Some("oss-cn-hangzhou.aliyuncs.com"), "/"),
            Ok(Target::Service)
        );
    }

    #[test]
    fn bad_bucket_names_and_keys_are_refused_with_the_service_codes() {
        assert_eq!(
            resolve(None, "/Bad_Bucket/x").map_err(|e| e.code),
            Err("InvalidBucketName")
        );
        let long = "k".repeat(1024);
        assert_eq!(
            resolve(None, &format!("/my-bucket/{long}")).map_err(|e| e.code),
            Err("InvalidObjectName")
        );
        assert_eq!(
            resolve(None, "/my-bucket/%2Fleading").map_err(|e| e.code),
            Err("InvalidObjectName")
        );
    }
}
