//! `OpenAPI` signature V3, `ACS3-HMAC-SHA256`, for RPC- and ROA-style APIs alike.
//!
//! Matches `alibabacloud-tea-openapi==0.4.6` `Utils.get_authorization`: every header the
//! request carries is signed; the verifier uses the `SignedHeaders` list it receives.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::VerifiedAcsRequest;
use crate::crypto::{constant_time_eq, hmac_sha256, sha256_hex};
use crate::encoding::{encode_unreserved, python_strip};
use crate::freshness::{format_iso8601_seconds, parse_iso8601_extended};
use crate::request::HeaderList;
use crate::{
    AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, Scheme, Secret,
    SecretLookup, SecurityToken, SignError,
};

const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Query as the SDK canonicalises it: sorted by name, names as they are, values encoded
/// with only unreserved characters kept; an empty value still gets its `=`.
fn canonical_query(request: &CanonicalRequest<'_>) -> String {
    let mut pairs: Vec<(&str, &str)> = request.query().collect();
    pairs.sort_unstable();
    pairs
        .iter()
        .map(|(n, v)| format!("{n}={}", encode_unreserved(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `name:v1,v2\n` for each header in `names` (values trimmed, repeated values sorted), and
/// the `;`-joined name list.
fn canonical_headers(headers: &HeaderList<'_>, names: &[&str]) -> (String, String) {
    let mut grouped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, value) in headers.iter() {
        if names.contains(&name) {
            grouped.entry(name).or_default().push(python_strip(value));
        }
    }
    let mut canonical = String::new();
    for (name, values) in &mut grouped {
        values.sort_unstable();
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(&values.join(","));
        canonical.push('\n');
    }
    let signed: Vec<&str> = grouped.keys().copied().collect();
    (canonical, signed.join(";"))
}

fn signature(
    secret: &Secret,
    request: &CanonicalRequest<'_>,
    signed_names: &[&str],
    payload_hash: &str,
) -> (String, String) {
    let (headers, signed_headers) = canonical_headers(request.headers(), signed_names);
    let path = if request.path().is_empty() {
        "/"
    } else {
        request.path()
    };
    let canonical = format!(
        "{}\n{path}\n{}\n{headers}\n{signed_headers}\n{payload_hash}",
        request.method(),
        canonical_query(request),
    );
    let string_to_sign = format!("{ALGORITHM}\n{}", sha256_hex(canonical.as_bytes()));
    let signature = hex::encode(hmac_sha256(
        secret.expose_secret().as_bytes(),
        string_to_sign.as_bytes(),
    ));
    (signature, signed_headers)
}

/// Signs like the Tea `OpenAPI` client's `do_request`: adds `x-acs-date` (from `now`),
/// `x-acs-signature-nonce`, `x-acs-content-sha256` (of `body`), for STS credentials
/// `x-acs-accesskey-id` and `x-acs-security-token`, then `authorization` over *all* headers.
///
/// The caller sets `host`, `x-acs-action`, `x-acs-version`, `accept`, `content-type` and any
/// other header before signing; `path` is the encoded path (`/` for RPC style).
pub fn sign(
    request: &CanonicalRequest<'_>,
    body: &[u8],
    credentials: &Credentials,
    now: DateTime<Utc>,
    nonce: &str,
) -> AddedHeaders {
    let mut added = AddedHeaders::default();
    added.push("x-acs-date", format_iso8601_seconds(now));
    added.push("x-acs-signature-nonce", nonce.to_owned());
    let payload_hash = sha256_hex(body);
    added.push("x-acs-content-sha256", payload_hash.clone());
    if let Some(token) = &credentials.security_token {
        added.push(
            "x-acs-accesskey-id",
            credentials.access_key_id.as_str().to_owned(),
        );
        added.push("x-acs-security-token", token.expose_secret().to_owned());
    }

    let mut signed = request.clone();
    for (name, value) in added.iter() {
        signed.headers_mut().set(name, value);
    }
    signed.headers_mut().remove("authorization");
    let names: Vec<&str> = signed.headers().iter().map(|(n, _)| n).collect();
    let (signature, signed_headers) = signature(
        &credentials.access_key_secret,
        &signed,
        &names,
        &payload_hash,
    );
    added.push(
        "authorization",
        format!(
            "{ALGORITHM} Credential={},SignedHeaders={signed_headers},Signature={signature}",
            credentials.access_key_id
        ),
    );
    added
}

struct ParsedAuthorization<'a> {
    access_key_id: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

fn parse_authorization(fields: &str) -> Result<ParsedAuthorization<'_>, SignError> {
    let malformed = |reason| SignError::MalformedAuthorization {
        scheme: Scheme::Acs3,
        reason,
    };
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for field in fields.split(',').map(str::trim) {
        let (name, value) = field
            .split_once('=')
            .ok_or_else(|| malformed("a field has no `=`"))?;
        match name {
            "Credential" => credential = Some(value),
            "SignedHeaders" => signed_headers = Some(value),
            "Signature" => signature = Some(value),
            _ => return Err(malformed("it has an unknown field")),
        }
    }
    Ok(ParsedAuthorization {
        access_key_id: credential.ok_or_else(|| malformed("it has no Credential"))?,
        signed_headers: signed_headers
            .ok_or_else(|| malformed("it has no SignedHeaders"))?
            .split(';')
            .filter(|h| !h.is_empty())
            .collect(),
        signature: signature.ok_or_else(|| malformed("it has no Signature"))?,
    })
}

/// Verifies an `ACS3-HMAC-SHA256` request against `body`.
///
/// Refuses requests where `host` or any `x-acs-*` header is sent but not signed, checks
/// `x-acs-date` against `freshness`, and that `x-acs-content-sha256` (when sent) is the hash
/// of `body`. Nonce replay is the caller's check: the nonce is returned.
pub(crate) fn verify<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    fields: &str,
    body: &[u8],
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedAcsRequest, SignError> {
    let parsed = parse_authorization(fields)?;
    let headers = request.headers();
    for (name, _) in headers.iter() {
        let must_sign = name == "host" || name.starts_with("x-acs-");
        if must_sign && !parsed.signed_headers.contains(&name) {
            return Err(SignError::UnsignedHeader(name.to_owned()));
        }
    }
    for name in &parsed.signed_headers {
        if headers.get(name).is_none() {
            return Err(SignError::UnsignedHeader((*name).to_owned()));
        }
    }
    let date = headers
        .get("x-acs-date")
        .ok_or(SignError::MissingHeader("x-acs-date"))?;
    freshness.check(parse_iso8601_extended("x-acs-date", date)?)?;

    let payload_hash = sha256_hex(body);
    if let Some(declared) = headers.get("x-acs-content-sha256") {
        if declared != payload_hash {
            return Err(SignError::ContentHashMismatch);
        }
    }

    let access_key_id = AccessKeyId::parse(parsed.access_key_id)
        .map_err(|_| SignError::UnknownAccessKey(parsed.access_key_id.to_owned()))?;
    if let Some(other) = headers.get("x-acs-accesskey-id") {
        if other != access_key_id.as_str() {
            return Err(SignError::AccessKeyMismatch {
                claimed: access_key_id.as_str().to_owned(),
                other: other.to_owned(),
            });
        }
    }
    let secret = keys
        .secret_for(&access_key_id)
        .ok_or_else(|| SignError::UnknownAccessKey(parsed.access_key_id.to_owned()))?;
    let (expected, _) = signature(&secret, request, &parsed.signed_headers, &payload_hash);
    if !constant_time_eq(parsed.signature, &expected) {
        return Err(SignError::SignatureMismatch(Scheme::Acs3));
    }
    Ok(VerifiedAcsRequest {
        access_key_id,
        security_token: headers.get("x-acs-security-token").map(SecurityToken::from),
        scheme: Scheme::Acs3,
        nonce: headers.get("x-acs-signature-nonce").map(str::to_owned),
        action: headers.get("x-acs-action").map(str::to_owned),
        version: headers.get("x-acs-version").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded_names_are_not_and_empty_values_keep_their_equals() {
        let request = CanonicalRequest::new("GET", "/v2/openapi/listinstances")
            .with_query("Tag", "[{\"Key\":\"a b\"}]")
            .with_query("NextToken", "");
        assert_eq!(
            canonical_query(&request),
            "NextToken=&Tag=%5B%7B%22Key%22%3A%22a%20b%22%7D%5D"
        );
    }

    #[test]
    fn repeated_headers_are_trimmed_sorted_and_joined() {
        let mut headers = HeaderList::new();
        headers.push("x-acs-b", " 2 ");
        headers.push("x-acs-a", "z");
        headers.push("x-acs-b", "1");
        assert_eq!(
            canonical_headers(&headers, &["x-acs-a", "x-acs-b"]),
            (
                "x-acs-a:z\nx-acs-b:1,2\n".to_owned(),
                "x-acs-a;x-acs-b".to_owned()
            )
        );
    }
}
