//! The older RPC (POP) signature: HMAC-SHA1 over the sorted parameters, sent as the
//! `Signature` parameter. Matches `aliyun-python-sdk-core` 2.16 and Tea's `get_rpcsignature`.

use std::fmt;

use chrono::{DateTime, Utc};

use super::VerifiedAcsRequest;
use crate::crypto::{base64, constant_time_eq, hmac_sha1};
use crate::encoding::encode_unreserved;
use crate::freshness::{format_iso8601_seconds, parse_iso8601_extended};
use crate::{
    AccessKeyId, CanonicalRequest, Credentials, Freshness, Scheme, Secret, SecretLookup,
    SecurityToken, SignError,
};

/// `METHOD&%2F&enc(sorted enc(name)=enc(value) joined by &)`, `Signature` itself excluded.
pub(crate) fn string_to_sign<'p>(
    method: &str,
    params: impl IntoIterator<Item = (&'p str, &'p str)>,
) -> String {
    let mut pairs: Vec<(&str, &str)> = params
        .into_iter()
        .filter(|(name, _)| *name != "Signature")
        .collect();
    // Sorted by the raw names, as the SDKs sort their dict keys before encoding.
    pairs.sort_unstable();
    let canonical = pairs
        .iter()
        .map(|(n, v)| format!("{}={}", encode_unreserved(n), encode_unreserved(v)))
        .collect::<Vec<_>>()
        .join("&");
    format!("{method}&%2F&{}", encode_unreserved(&canonical))
}

fn signature(secret: &Secret, string_to_sign: &str) -> String {
    // The key is the secret followed by `&` (an empty "token secret" slot from OAuth 1 days).
    let key = Secret::new(format!("{}&", secret.expose_secret()));
    base64(&hmac_sha1(
        key.expose_secret().as_bytes(),
        string_to_sign.as_bytes(),
    ))
}

/// The full parameter list of a signed RPC request, `Signature` last.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRpcParams {
    params: Vec<(String, String)>,
}

impl SignedRpcParams {
    /// `(name, value)` pairs, decoded.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The value of `name`, e.g. `Signature`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// `a=1&b=x%20y` with the signature's own encoding, ready to follow `/?`.
    pub fn to_query_string(&self) -> String {
        self.params
            .iter()
            .map(|(n, v)| format!("{}={}", encode_unreserved(n), encode_unreserved(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

impl fmt::Debug for SignedRpcParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.params.iter().map(|(n, v)| {
                let hidden = matches!(n.as_str(), "Signature" | "SecurityToken");
                (n, if hidden { "***" } else { v.as_str() })
            }))
            .finish()
    }
}

/// Signs like Tea's `do_rpcrequest` with `signature_algorithm='v2'`: appends `Timestamp`
/// (from `now`), `SignatureNonce`, `SecurityToken` (STS only), `SignatureMethod`,
/// `SignatureVersion`, `AccessKeyId`, then `Signature`.
///
/// `params` are the caller's parameters (`Action`, `Version`, `Format`, …), query and form
/// body together; `method` is the HTTP method.
pub fn sign_rpc(
    method: &str,
    params: &[(&str, &str)],
    credentials: &Credentials,
    now: DateTime<Utc>,
    nonce: &str,
) -> SignedRpcParams {
    let mut all: Vec<(String, String)> = params
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    let mut set = |name: &str, value: &str| {
        all.retain(|(n, _)| n != name);
        all.push((name.to_owned(), value.to_owned()));
    };
    set("Timestamp", &format_iso8601_seconds(now));
    set("SignatureNonce", nonce);
    if let Some(token) = &credentials.security_token {
        set("SecurityToken", token.expose_secret());
    }
    set("SignatureMethod", "HMAC-SHA1");
    set("SignatureVersion", "1.0");
    set("AccessKeyId", credentials.access_key_id.as_str());
    let string_to_sign = string_to_sign(method, all.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let signature = signature(&credentials.access_key_secret, &string_to_sign);
    all.push(("Signature".to_owned(), signature));
    SignedRpcParams { params: all }
}

/// Verifies the `Signature` parameter over the query plus `form_params` (the decoded
/// `application/x-www-form-urlencoded` body, empty otherwise).
pub fn verify_rpc<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    form_params: &[(&str, &str)],
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedAcsRequest, SignError> {
    let params: Vec<(&str, &str)> = request.query().chain(form_params.iter().copied()).collect();
    let get = |name: &str| params.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);

    let received = get("Signature").ok_or(SignError::MissingParameter("Signature"))?;
    let method = get("SignatureMethod").ok_or(SignError::MissingParameter("SignatureMethod"))?;
    if method != "HMAC-SHA1" {
        return Err(SignError::UnsupportedAlgorithm(method.to_owned()));
    }
    let timestamp = get("Timestamp").ok_or(SignError::MissingParameter("Timestamp"))?;
    freshness.check(parse_iso8601_extended("Timestamp", timestamp)?)?;

    let claimed_id = get("AccessKeyId").ok_or(SignError::MissingParameter("AccessKeyId"))?;
    let access_key_id = AccessKeyId::parse(claimed_id)
        .map_err(|_| SignError::UnknownAccessKey(claimed_id.to_owned()))?;
    let secret = keys
        .secret_for(&access_key_id)
        .ok_or_else(|| SignError::UnknownAccessKey(claimed_id.to_owned()))?;
    let expected = signature(
        &secret,
        &string_to_sign(request.method(), params.iter().copied()),
    );
    if !constant_time_eq(received, &expected) {
        return Err(SignError::SignatureMismatch(Scheme::AcsRpc));
    }
    Ok(VerifiedAcsRequest {
        access_key_id,
        security_token: get("SecurityToken").map(SecurityToken::from),
        scheme: Scheme::AcsRpc,
        nonce: get("SignatureNonce").map(str::to_owned),
        action: get("Action").map(str::to_owned),
        version: get("Version").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_to_sign_double_encodes_the_canonical_query() {
        assert_eq!(
            string_to_sign(
                "GET",
                [("b", "x y"), ("a", "1:2"), ("Signature", "ignored")]
            ),
            "GET&%2F&a%3D1%253A2%26b%3Dx%2520y"
        );
    }
}
