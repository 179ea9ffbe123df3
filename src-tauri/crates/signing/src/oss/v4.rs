//! OSS signature V4: `OSS4-HMAC-SHA256` with a date/region-scoped key.

use std::collections::BTreeMap;

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::resource::OssResource;
use super::VerifiedOssRequest;
use crate::crypto::{constant_time_eq, hmac_sha256, hmac_sha256_key, sha256_hex};
use crate::encoding::{encode_unreserved, encode_unreserved_keep_slash};
use crate::freshness::{format_iso8601_basic, parse_iso8601_basic};
use crate::{
    AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, Scheme, Secret,
    SecretLookup, SecurityToken, SignError,
};

const ALGORITHM: &str = "OSS4-HMAC-SHA256";
const PRODUCT: &str = "oss";
const TERMINATOR: &str = "aliyun_v4_request";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Headers V4 always signs besides `x-oss-*`; listing them as additional is redundant.
const DEFAULT_SIGNED: &[&str] = &["content-type", "content-md5"];

/// Lower-cases, drops names signed anyway, sorts and de-duplicates the additional headers.
fn normalise_additional(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names
        .iter()
        .map(|n| n.to_ascii_lowercase())
        .filter(|n| !n.starts_with("x-oss-") && !DEFAULT_SIGNED.contains(&n.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn canonical_query(request: &CanonicalRequest<'_>) -> String {
    // oss2 keys a dict by the *encoded* name, so a repeated name keeps its last value.
    let encoded: BTreeMap<String, String> = request
        .query()
        .map(|(n, v)| {
            (
                encode_unreserved(n).into_owned(),
                encode_unreserved(v).into_owned(),
            )
        })
        .collect();
    encoded
        .iter()
        .map(|(n, v)| {
            if v.is_empty() {
                n.clone()
            } else {
                format!("{n}={v}")
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The V4 canonical request; `additional` must already be normalised.
pub(crate) fn canonical_request(
    request: &CanonicalRequest<'_>,
    resource: &OssResource<'_>,
    additional: &[String],
) -> String {
    let headers = request.headers();
    let mut signed: Vec<(&str, &str)> = headers
        .iter()
        .filter(|(name, _)| {
            name.starts_with("x-oss-")
                || DEFAULT_SIGNED.contains(name)
                || additional.iter().any(|a| a == name)
        })
        .collect();
    signed.sort_by(|a, b| a.0.cmp(b.0));
    let canonical_headers = signed.iter().fold(String::new(), |mut out, (name, value)| {
        let _ = writeln!(out, "{name}:{value}");
        out
    });
    let payload = headers
        .get("x-oss-content-sha256")
        .unwrap_or(UNSIGNED_PAYLOAD);
    format!(
        "{}\n{}\n{}\n{canonical_headers}\n{}\n{payload}",
        request.method(),
        encode_unreserved_keep_slash(&resource.path()),
        canonical_query(request),
        additional.join(";"),
    )
}

fn scope(day: &str, region: &str) -> String {
    format!("{day}/{region}/{PRODUCT}/{TERMINATOR}")
}

fn signature(secret: &Secret, day: &str, region: &str, timestamp: &str, canonical: &str) -> String {
    let seed = Zeroizing::new(format!("aliyun_v4{}", secret.expose_secret()));
    let dated = hmac_sha256_key(seed.as_bytes(), day.as_bytes());
    let regional = hmac_sha256_key(dated.as_slice(), region.as_bytes());
    let product = hmac_sha256_key(regional.as_slice(), PRODUCT.as_bytes());
    let signing = hmac_sha256_key(product.as_slice(), TERMINATOR.as_bytes());
    let string_to_sign = format!(
        "{ALGORITHM}\n{timestamp}\n{}\n{}",
        scope(day, region),
        sha256_hex(canonical.as_bytes())
    );
    hex::encode(hmac_sha256(signing.as_slice(), string_to_sign.as_bytes()))
}

/// Signs like oss2's `AuthV4` / `ProviderAuthV4`: adds `x-oss-security-token` (STS only),
/// `x-oss-date` (from `now`), `x-oss-content-sha256: UNSIGNED-PAYLOAD` (unless the request
/// already declares a payload hash) and `authorization`.
///
/// `additional_headers` are extra header names to sign (e.g. `host`); oss2 itself never adds
/// any for ordinary requests. `region` is the plain id, e.g. `cn-hangzhou`.
pub fn sign_v4(
    request: &CanonicalRequest<'_>,
    resource: &OssResource<'_>,
    credentials: &Credentials,
    region: &str,
    now: DateTime<Utc>,
    additional_headers: &[&str],
) -> AddedHeaders {
    let mut added = AddedHeaders::default();
    let mut signed = request.clone();
    if let Some(token) = &credentials.security_token {
        signed
            .headers_mut()
            .set("x-oss-security-token", token.expose_secret());
        added.push("x-oss-security-token", token.expose_secret().to_owned());
    }
    let timestamp = format_iso8601_basic(now);
    signed.headers_mut().set("x-oss-date", timestamp.as_str());
    added.push("x-oss-date", timestamp.clone());
    if signed.headers().get("x-oss-content-sha256").is_none() {
        signed
            .headers_mut()
            .set("x-oss-content-sha256", UNSIGNED_PAYLOAD);
        added.push("x-oss-content-sha256", UNSIGNED_PAYLOAD.to_owned());
    }

    let additional = normalise_additional(additional_headers);
    let day = &timestamp[..8];
    let canonical = canonical_request(&signed, resource, &additional);
    let signature = signature(
        &credentials.access_key_secret,
        day,
        region,
        &timestamp,
        &canonical,
    );
    // oss2's layout: AdditionalHeaders, when present, comes after the signature.
    let mut authorization = format!(
        "{ALGORITHM} Credential={}/{}, Signature={signature}",
        credentials.access_key_id,
        scope(day, region)
    );
    if !additional.is_empty() {
        authorization.push_str(", AdditionalHeaders=");
        authorization.push_str(&additional.join(";"));
    }
    added.push("authorization", authorization);
    added
}

/// The parts of `Credential=…, Signature=…, AdditionalHeaders=…` (any order, any spacing).
struct ParsedAuthorization<'a> {
    access_key_id: &'a str,
    day: &'a str,
    region: &'a str,
    signature: &'a str,
    additional: Vec<&'a str>,
}

fn parse_authorization(fields: &str) -> Result<ParsedAuthorization<'_>, SignError> {
    let malformed = |reason| SignError::MalformedAuthorization {
        scheme: Scheme::OssV4,
        reason,
    };
    let (mut credential, mut signature, mut additional) = (None, None, Vec::new());
    for field in fields.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        let (name, value) = field
            .split_once('=')
            .ok_or_else(|| malformed("a field has no `=`"))?;
        match name.trim() {
            "Credential" => credential = Some(value.trim()),
            "Signature" => signature = Some(value.trim()),
            "AdditionalHeaders" => {
                additional = value
                    .split(';')
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .collect();
            }
            _ => return Err(malformed("it has an unknown field")),
        }
    }
    let credential = credential.ok_or_else(|| malformed("it has no Credential"))?;
    let signature = signature.ok_or_else(|| malformed("it has no Signature"))?;
    // The id cannot contain `/` (see `AccessKeyId::parse`), so split from the left.
    let mut parts = credential.split('/');
    let (Some(access_key_id), Some(day), Some(region), Some(product), Some(terminator), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(malformed(
            "Credential is not ak/date/region/oss/aliyun_v4_request",
        ));
    };
    if product != PRODUCT || terminator != TERMINATOR {
        return Err(malformed(
            "Credential is not ak/date/region/oss/aliyun_v4_request",
        ));
    }
    Ok(ParsedAuthorization {
        access_key_id,
        day,
        region,
        signature,
        additional,
    })
}

/// Verifies an `OSS4-HMAC-SHA256` authorization (the part after the algorithm name).
pub(crate) fn verify_v4<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    fields: &str,
    resource: &OssResource<'_>,
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedOssRequest, SignError> {
    let parsed = parse_authorization(fields)?;
    let headers = request.headers();
    let timestamp = headers
        .get("x-oss-date")
        .ok_or(SignError::MissingHeader("x-oss-date"))?;
    freshness.check(parse_iso8601_basic("x-oss-date", timestamp)?)?;
    if !timestamp.starts_with(parsed.day) || parsed.day.len() != 8 {
        return Err(SignError::ScopeDateMismatch {
            scope: parsed.day.to_owned(),
            request: timestamp.chars().take(8).collect(),
        });
    }

    let access_key_id = AccessKeyId::parse(parsed.access_key_id)
        .map_err(|_| SignError::UnknownAccessKey(parsed.access_key_id.to_owned()))?;
    let secret = keys
        .secret_for(&access_key_id)
        .ok_or_else(|| SignError::UnknownAccessKey(parsed.access_key_id.to_owned()))?;
    let additional = normalise_additional(&parsed.additional);
    let canonical = canonical_request(request, resource, &additional);
    let expected = signature(&secret, parsed.day, parsed.region, timestamp, &canonical);
    if !constant_time_eq(parsed.signature, &expected) {
        return Err(SignError::SignatureMismatch(Scheme::OssV4));
    }
    Ok(VerifiedOssRequest {
        access_key_id,
        security_token: headers.get("x-oss-security-token").map(SecurityToken::from),
        scheme: Scheme::OssV4,
        region: Some(parsed.region.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_fields_parse_in_any_order_and_spacing() {
        let parsed = parse_authorization(
            "Credential=AK/20250115/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=host;range,Signature=abc",
        )
        .expect("parses");
        assert_eq!(
            (
                parsed.access_key_id,
                parsed.day,
                parsed.region,
                parsed.signature
            ),
            ("AK", "20250115", "cn-hangzhou", "abc")
        );
        assert_eq!(parsed.additional, vec!["host", "range"]);
    }

    #[test]
    fn a_credential_for_another_product_is_malformed() {
        assert!(matches!(
            parse_authorization(
                "Credential=AK/20250115/cn-hangzhou/s3/aliyun_v4_request, Signature=abc"
            ),
            Err(SignError::MalformedAuthorization {
                scheme: Scheme::OssV4,
                ..
            })
        ));
    }

    #[test]
    fn additional_headers_are_lower_cased_sorted_and_skip_always_signed_ones() {
        assert_eq!(
            normalise_additional(&["Range", "host", "x-oss-meta-a", "Content-Type", "host"]),
            vec!["host".to_owned(), "range".to_owned()]
        );
    }
}
