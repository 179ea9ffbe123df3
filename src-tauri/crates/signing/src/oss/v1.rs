//! OSS signature V1: `Authorization: OSS <ak>:<base64 HMAC-SHA1>` (oss2's default).

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use super::resource::OssResource;
use super::subresources::is_subresource;
use super::VerifiedOssRequest;
use crate::crypto::{base64, constant_time_eq, hmac_sha1};
use crate::freshness::{format_http_date, parse_http_date, parse_iso8601_basic};
use crate::{
    AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, Scheme, Secret,
    SecretLookup, SecurityToken, SignError,
};

/// `VERB \n Content-MD5 \n Content-Type \n Date \n x-oss-headers resource`.
///
/// As oss2 does: header values are not trimmed, the date line prefers `x-oss-date` over
/// `Date`, and only sub-resource parameters are signed, raw, sorted by name, a bare name when
/// the value is empty.
pub(crate) fn string_to_sign(request: &CanonicalRequest<'_>, resource: &OssResource<'_>) -> String {
    let headers = request.headers();
    let date = headers
        .get("x-oss-date")
        .filter(|d| !d.is_empty())
        .or_else(|| headers.get("date"))
        .unwrap_or("");

    let mut oss_headers: Vec<(&str, &str)> = headers
        .iter()
        .filter(|(name, _)| name.starts_with("x-oss-"))
        .collect();
    oss_headers.sort_by(|a, b| a.0.cmp(b.0));
    let canonical_headers = oss_headers
        .iter()
        .fold(String::new(), |mut out, (name, value)| {
            let _ = writeln!(out, "{name}:{value}");
            out
        });

    let mut subresources: Vec<(&str, &str)> = request
        .query()
        .filter(|(name, _)| is_subresource(name))
        .collect();
    subresources.sort_by(|a, b| a.0.cmp(b.0));
    let mut canonical_resource = resource.path();
    for (i, (name, value)) in subresources.iter().enumerate() {
        canonical_resource.push(if i == 0 { '?' } else { '&' });
        canonical_resource.push_str(name);
        if !value.is_empty() {
            canonical_resource.push('=');
            canonical_resource.push_str(value);
        }
    }

    format!(
        "{}\n{}\n{}\n{date}\n{canonical_headers}{canonical_resource}",
        request.method(),
        headers.get("content-md5").unwrap_or(""),
        headers.get("content-type").unwrap_or(""),
    )
}

fn signature(secret: &Secret, string_to_sign: &str) -> String {
    base64(&hmac_sha1(
        secret.expose_secret().as_bytes(),
        string_to_sign.as_bytes(),
    ))
}

/// Signs like oss2's `Auth` / `StsAuth`: adds `x-oss-security-token` (STS only), `date`
/// (from `now`) and `authorization`, replacing any earlier values of those headers.
pub fn sign_v1(
    request: &CanonicalRequest<'_>,
    resource: &OssResource<'_>,
    credentials: &Credentials,
    now: DateTime<Utc>,
) -> AddedHeaders {
    let mut added = AddedHeaders::default();
    let mut signed = request.clone();
    if let Some(token) = &credentials.security_token {
        signed
            .headers_mut()
            .set("x-oss-security-token", token.expose_secret());
        added.push("x-oss-security-token", token.expose_secret().to_owned());
    }
    let date = format_http_date(now);
    signed.headers_mut().set("date", date.clone());
    added.push("date", date);

    let signature = signature(
        &credentials.access_key_secret,
        &string_to_sign(&signed, resource),
    );
    added.push(
        "authorization",
        format!("OSS {}:{signature}", credentials.access_key_id),
    );
    added
}

/// Verifies `authorization: OSS ak:sig`. The date checked against `freshness` is the one that
/// was signed: `x-oss-date` when present, else `Date`.
pub(crate) fn verify_v1<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    credentials_part: &str,
    resource: &OssResource<'_>,
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedOssRequest, SignError> {
    let (claimed_id, received) =
        credentials_part
            .split_once(':')
            .ok_or(SignError::MalformedAuthorization {
                scheme: Scheme::OssV1,
                reason: "it has no `:` between access key id and signature",
            })?;

    let headers = request.headers();
    let signed_date = if let Some(date) = headers.get("x-oss-date").filter(|d| !d.is_empty()) {
        parse_http_date("x-oss-date", date).or_else(|_| parse_iso8601_basic("x-oss-date", date))?
    } else {
        let date = headers
            .get("date")
            .ok_or(SignError::MissingHeader("date"))?;
        parse_http_date("date", date)?
    };
    freshness.check(signed_date)?;

    let access_key_id = AccessKeyId::parse(claimed_id)
        .map_err(|_| SignError::UnknownAccessKey(claimed_id.to_owned()))?;
    let secret = keys
        .secret_for(&access_key_id)
        .ok_or_else(|| SignError::UnknownAccessKey(claimed_id.to_owned()))?;
    let expected = signature(&secret, &string_to_sign(request, resource));
    if !constant_time_eq(received, &expected) {
        return Err(SignError::SignatureMismatch(Scheme::OssV1));
    }
    Ok(VerifiedOssRequest {
        access_key_id,
        security_token: headers.get("x-oss-security-token").map(SecurityToken::from),
        scheme: Scheme::OssV1,
        region: None,
    })
}
