//! Region ids, OSS endpoints, and the same-region rule between instance and bucket.

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// A plain region id such as `cn-hangzhou`. OSS's `Location` form (`oss-cn-hangzhou`) is
/// accepted and stored without the `oss-` prefix, so the two compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct RegionId(String);

string_newtype!(RegionId);

impl RegionId {
    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let plain = raw.strip_prefix("oss-").unwrap_or(raw);
        let well_formed = !plain.is_empty()
            && plain.contains('-')
            && !plain.starts_with('-')
            && !plain.ends_with('-')
            && plain
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
        if well_formed {
            Ok(Self(plain.to_owned()))
        } else {
            Err(DeliveryError::InvalidRegion(raw.to_owned()))
        }
    }
}

/// The OSS endpoint host sent as `ossEndpoint`, e.g. `oss-cn-hangzhou.aliyuncs.com`.
///
/// A pasted `https://…/` is reduced to the host, the form the docs show. Other hosts (a local
/// sandbox, `host:port`) are kept; they just have no known region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct OssEndpoint(String);

string_newtype!(OssEndpoint);

impl OssEndpoint {
    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = DeliveryError::InvalidEndpoint;
        let trimmed = raw.trim();
        let without_scheme = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .unwrap_or(trimmed);
        let host = without_scheme.strip_suffix('/').unwrap_or(without_scheme);
        if host.is_empty() {
            return Err(invalid("The OSS endpoint is empty.".into()));
        }
        if let Some(ch) = host
            .chars()
            .find(|ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | ':')))
        {
            return Err(invalid(format!(
                "The OSS endpoint is a host name and cannot contain '{ch}'."
            )));
        }
        Ok(Self(host.to_ascii_lowercase()))
    }

    /// The region of an `oss-<region>[-internal].aliyuncs.com` endpoint.
    pub fn region(&self) -> Option<RegionId> {
        let label = self.0.strip_suffix(".aliyuncs.com")?;
        let region = label.strip_prefix("oss-")?;
        let region = region.strip_suffix("-internal").unwrap_or(region);
        RegionId::parse(region).ok()
    }

    /// Whether this is the region's internal (VPC) endpoint.
    pub fn is_internal(&self) -> bool {
        self.0.ends_with("-internal.aliyuncs.com")
    }
}

/// The bucket must live in the instance's region; the service does not refuse a foreign bucket
/// at creation but fails later with `InvalidOssBucket`.
pub fn ensure_bucket_in_instance_region(
    instance_region: &RegionId,
    bucket_region: &RegionId,
) -> Result<(), DeliveryError> {
    if instance_region == bucket_region {
        Ok(())
    } else {
        Err(DeliveryError::BucketInAnotherRegion {
            bucket_region: bucket_region.to_string(),
            instance_region: instance_region.to_string(),
        })
    }
}

/// The endpoint, when its region is recognisable, must be the instance's region too.
pub fn ensure_endpoint_in_instance_region(
    instance_region: &RegionId,
    endpoint: &OssEndpoint,
) -> Result<(), DeliveryError> {
    match endpoint.region() {
        Some(endpoint_region) if &endpoint_region != instance_region => {
            Err(DeliveryError::EndpointInAnotherRegion {
                endpoint_region: endpoint_region.to_string(),
                instance_region: instance_region.to_string(),
            })
        }
        _ => Ok(()),
    }
}
