//! Alibaba Cloud `OpenAPI` signatures (STS, RAM, `ResourceManager`, Tablestore control plane):
//! V3 `ACS3-HMAC-SHA256` in a header, and the older RPC HMAC-SHA1 in the query.

mod rpc;
mod v3;

pub use rpc::{sign_rpc, verify_rpc, SignedRpcParams};
pub use v3::sign as sign_v3;

use crate::{
    AccessKeyId, CanonicalRequest, Freshness, Scheme, SecretLookup, SecurityToken, SignError,
};

/// What a verified `OpenAPI` request proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedAcsRequest {
    /// The access key id the signature was checked against.
    pub access_key_id: AccessKeyId,
    /// `x-acs-security-token` / `SecurityToken`, for the caller to check against the id.
    pub security_token: Option<SecurityToken>,
    /// [`Scheme::Acs3`] or [`Scheme::AcsRpc`].
    pub scheme: Scheme,
    /// `x-acs-signature-nonce` / `SignatureNonce`, for the caller's replay check.
    pub nonce: Option<String>,
    /// `x-acs-action` / `Action`.
    pub action: Option<String>,
    /// `x-acs-version` / `Version`.
    pub version: Option<String>,
}

/// Verifies a received `OpenAPI` request: V3 when an `ACS3-HMAC-SHA256` authorization header
/// is present, otherwise the RPC `Signature` parameter (query plus `form_params`).
pub fn verify<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    body: &[u8],
    form_params: &[(&str, &str)],
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedAcsRequest, SignError> {
    match request.headers().get("authorization") {
        Some(authorization) => {
            let fields = authorization
                .strip_prefix("ACS3-HMAC-SHA256 ")
                .ok_or_else(|| {
                    let algorithm = authorization.split(' ').next().unwrap_or_default();
                    SignError::UnsupportedAlgorithm(algorithm.to_owned())
                })?;
            v3::verify(request, fields, body, keys, freshness)
        }
        None => verify_rpc(request, form_params, keys, freshness),
    }
}
