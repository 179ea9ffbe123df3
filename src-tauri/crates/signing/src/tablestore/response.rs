//! The signature a Tablestore server puts on its response and the SDK checks.

use super::canonical::response_string_to_sign;
use super::key::TablestoreSigningKey;
use crate::crypto::{base64, constant_time_eq, hmac_sha1};
use crate::freshness::parse_iso8601_extended;
use crate::request::HeaderList;
use crate::{AccessKeyId, Freshness, Scheme, SignError};

/// The `authorization` value for a response: `OTS <ak>:<base64 HMAC-SHA1>` over the
/// response's `x-ots-*` headers and `operation_path` (`/{Operation}`), always HMAC-SHA1, keyed
/// with the request's signing key (so V4 requests get V4-keyed responses).
pub fn sign_response(
    operation_path: &str,
    headers: &HeaderList<'_>,
    access_key_id: &AccessKeyId,
    key: &TablestoreSigningKey,
) -> String {
    format!(
        "OTS {access_key_id}:{}",
        response_signature(operation_path, headers, key)
    )
}

fn response_signature(
    operation_path: &str,
    headers: &HeaderList<'_>,
    key: &TablestoreSigningKey,
) -> String {
    let string_to_sign = response_string_to_sign(operation_path, headers);
    base64(&hmac_sha1(key.as_bytes(), string_to_sign.as_bytes()))
}

/// Checks a response the way the Python SDK does: `x-ots-date`, when present, within
/// `freshness`; `authorization` present, `OTS ak:sig` with the client's own id; signature
/// equal. Which statuses must carry a signature is the caller's rule (the SDK skips absent
/// ones on errors and skips `403 OTSAuthFailed`).
pub fn verify_response(
    operation_path: &str,
    headers: &HeaderList<'_>,
    access_key_id: &AccessKeyId,
    key: &TablestoreSigningKey,
    freshness: &Freshness,
) -> Result<(), SignError> {
    if let Some(date) = headers.get("x-ots-date") {
        freshness.check(parse_iso8601_extended("x-ots-date", date)?)?;
    }
    let authorization = headers
        .get("authorization")
        .ok_or(SignError::MissingHeader("authorization"))?;
    let malformed = |reason| SignError::MalformedAuthorization {
        scheme: Scheme::TablestoreResponse,
        reason,
    };
    let credentials = authorization
        .strip_prefix("OTS ")
        .ok_or_else(|| malformed("it does not start with `OTS `"))?;
    let (claimed_id, signature) = credentials
        .split_once(':')
        .ok_or_else(|| malformed("it has no `:` between access key id and signature"))?;
    if signature.contains(':') {
        return Err(malformed("it has more than one `:`"));
    }
    if claimed_id != access_key_id.as_str() {
        return Err(SignError::AccessKeyMismatch {
            claimed: claimed_id.to_owned(),
            other: access_key_id.as_str().to_owned(),
        });
    }
    let expected = response_signature(operation_path, headers, key);
    if !constant_time_eq(signature, &expected) {
        return Err(SignError::SignatureMismatch(Scheme::TablestoreResponse));
    }
    Ok(())
}
