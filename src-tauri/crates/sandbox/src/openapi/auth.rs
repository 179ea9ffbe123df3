//! Who is calling: the signature (V3 or RPC V2, via `signing::acs`), the nonce not reused,
//! then the key and its STS token through `Accounts::authenticate`.

use axum::http::header;
use axum::http::request::Parts;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use signing::{CanonicalRequest, Scheme, SignError};

use super::error::ApiError;
use super::params::Params;
use super::Store;
use crate::accounts::Caller;
use crate::state::SandboxState;

/// Everything but `A-Z a-z 0-9 - _ . ~` is escaped, as both RPC signers encode.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A verified caller and the call's parameters (query plus form body).
#[derive(Debug)]
pub struct Authenticated {
    pub caller: Caller,
    pub params: Params,
}

pub fn authenticate(
    state: &SandboxState,
    store: &Store,
    parts: &Parts,
    body: &[u8],
) -> Result<Authenticated, ApiError> {
    let request =
        CanonicalRequest::from_http_parts(parts).map_err(|e| ApiError::from_signature(&e, None))?;
    let form = form_params(parts, body)?;
    let form_refs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let verified = signing::acs::verify(
        &request,
        body,
        &form_refs,
        &state.accounts,
        &state.freshness(),
    )
    .map_err(|e| {
        let server_string = matches!(e, SignError::SignatureMismatch(Scheme::AcsRpc))
            .then(|| rpc_string_to_sign(&request, &form_refs));
        ApiError::from_signature(&e, server_string.as_deref())
    })?;

    let access_key_id = verified.access_key_id.as_str();
    let nonce = verified
        .nonce
        .as_deref()
        .ok_or_else(|| ApiError::missing("SignatureNonce"))?;
    if !store.nonces.first_use(access_key_id, nonce, state.now()) {
        return Err(ApiError::nonce_used());
    }
    let token = verified
        .security_token
        .as_ref()
        .map(signing::SecurityToken::expose_secret);
    let caller = state
        .accounts
        .authenticate(access_key_id, token, state.now())
        .map_err(|e| ApiError::from_access(&e))?;
    let params = Params::new(
        request
            .query()
            .chain(form_refs.iter().copied())
            .map(|(n, v)| (n.to_owned(), v.to_owned())),
    );
    Ok(Authenticated { caller, params })
}

/// The decoded `application/x-www-form-urlencoded` body; empty for any other body.
fn form_params(parts: &Parts, body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form || body.is_empty() {
        return Ok(Vec::new());
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| ApiError::from_signature(&SignError::MalformedQuery, None))?;
    let pairs =
        signing::parse_query_string(text).map_err(|e| ApiError::from_signature(&e, None))?;
    Ok(pairs
        .into_iter()
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect())
}

/// The RPC string to sign as the server computed it, for the mismatch message
/// (`aliyun-python-sdk-core` compares it with its own to tell a wrong secret apart).
/// `signing` keeps its builder private, so the documented algorithm is restated here.
fn rpc_string_to_sign(request: &CanonicalRequest<'_>, form: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(&str, &str)> = request
        .query()
        .chain(form.iter().copied())
        .filter(|(n, _)| *n != "Signature")
        .collect();
    pairs.sort_unstable();
    let encode = |s: &str| utf8_percent_encode(s, UNRESERVED).to_string();
    let canonical = pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode(n), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    format!("{}&%2F&{}", request.method(), encode(&canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rpc_string_to_sign_matches_the_spec_vector() {
        // account.md §1.4, V2 test vector.
        let request = CanonicalRequest::new("POST", "/")
            .with_query("Action", "GetCallerIdentity")
            .with_query("Format", "json")
            .with_query("Version", "2015-04-01")
            .with_query("Timestamp", "2025-01-15T08:30:00Z")
            .with_query("SignatureNonce", "3f1c0e0a8b7d4c2e9a6b5d4c3b2a1f00")
            .with_query("SignatureMethod", "HMAC-SHA1")
            .with_query("SignatureVersion", "1.0")
            .with_query("AccessKeyId", "LTAI5tExampleKeyId1234")
            .with_query("Signature", "ignored");
        assert_eq!(
            rpc_string_to_sign(&request, &[]),
            "POST&%2F&AccessKeyId%3DLTAI5tExampleKeyId1234%26Action%3DGetCallerIdentity%26Format%3Djson%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3f1c0e0a8b7d4c2e9a6b5d4c3b2a1f00%26SignatureVersion%3D1.0%26Timestamp%3D2025-01-15T08%253A30%253A00Z%26Version%3D2015-04-01"
        );
    }
}
