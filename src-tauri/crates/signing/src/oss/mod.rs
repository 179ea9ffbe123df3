//! OSS request signatures V1 (`OSS ak:sig`) and V4 (`OSS4-HMAC-SHA256`), matching
//! `oss2==2.19.1`, with STS security tokens, and their verification.

mod resource;
mod subresources;
mod v1;
mod v4;

pub use resource::OssResource;
pub use v1::sign_v1;
pub use v4::sign_v4;

use crate::{
    AccessKeyId, CanonicalRequest, Freshness, Scheme, SecretLookup, SecurityToken, SignError,
};

/// What a verified OSS request proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedOssRequest {
    /// The access key id the signature was checked against.
    pub access_key_id: AccessKeyId,
    /// `x-oss-security-token`, for the caller to check against the id.
    pub security_token: Option<SecurityToken>,
    /// [`Scheme::OssV1`] or [`Scheme::OssV4`].
    pub scheme: Scheme,
    /// The region of a V4 credential scope, for the caller to compare with its own.
    pub region: Option<String>,
}

/// Verifies the `authorization` header of a received request, V1 or V4 by its prefix.
///
/// `resource` is the bucket and decoded key the server routed the request to. Dates are
/// checked against `freshness` (OSS allows 15 minutes).
pub fn verify<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    resource: &OssResource<'_>,
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedOssRequest, SignError> {
    let authorization = request
        .headers()
        .get("authorization")
        .ok_or(SignError::MissingHeader("authorization"))?;
    if let Some(credentials) = authorization.strip_prefix("OSS ") {
        v1::verify_v1(request, credentials, resource, keys, freshness)
    } else if let Some(fields) = authorization.strip_prefix("OSS4-HMAC-SHA256 ") {
        v4::verify_v4(request, fields, resource, keys, freshness)
    } else {
        let algorithm = authorization.split(' ').next().unwrap_or_default();
        Err(SignError::UnsupportedAlgorithm(algorithm.to_owned()))
    }
}
