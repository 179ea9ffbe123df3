//! Signing a Tablestore request (client) and verifying one (sandbox).

use chrono::{DateTime, NaiveDate, Utc};

use super::canonical::{request_string_to_sign, SIGNATURE_V2, SIGNATURE_V4};
use super::key::TablestoreSigningKey;
use crate::crypto::{base64, constant_time_eq, hmac_sha1, hmac_sha256};
use crate::freshness::{format_compact_date, format_iso8601_millis, parse_iso8601_extended};
use crate::{
    AccessKeyId, AddedHeaders, CanonicalRequest, Credentials, Freshness, Scheme, SecretLookup,
    SecurityToken, SignError,
};

/// The API version every data-plane request names.
const API_VERSION: &str = "2015-12-31";

/// Which request signature to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TablestoreVersion<'a> {
    /// HMAC-SHA1 with the secret; the Python SDK's default.
    V2,
    /// HMAC-SHA256 with a key derived from date and region; the SDK uses it when given a region.
    V4 {
        /// Region id, e.g. `cn-hangzhou`, sent as `x-ots-signregion`.
        region: &'a str,
        /// UTC day of signing, sent as `x-ots-signdate`.
        sign_date: NaiveDate,
    },
}

/// The `x-ots-*` headers every request carries before it is signed, as the Python SDK builds
/// them. `content_md5_base64` is base64(MD5(body)); this crate does not hash bodies with MD5.
pub fn request_headers(
    credentials: &Credentials,
    instance_name: &str,
    now: DateTime<Utc>,
    content_md5_base64: &str,
) -> AddedHeaders {
    let mut headers = AddedHeaders::default();
    headers.push("x-ots-date", format_iso8601_millis(now));
    headers.push("x-ots-apiversion", API_VERSION.to_owned());
    headers.push(
        "x-ots-accesskeyid",
        credentials.access_key_id.as_str().to_owned(),
    );
    headers.push("x-ots-instancename", instance_name.to_owned());
    headers.push("x-ots-contentmd5", content_md5_base64.to_owned());
    if let Some(token) = &credentials.security_token {
        headers.push("x-ots-ststoken", token.expose_secret().to_owned());
    }
    headers
}

/// Signs `request` (its `x-ots-*` headers already set, e.g. from [`request_headers`]) and
/// returns the headers to add: `x-ots-signature`, or for V4 `x-ots-signdate`,
/// `x-ots-signregion` and `x-ots-signaturev4`.
pub fn sign_request(
    request: &CanonicalRequest<'_>,
    credentials: &Credentials,
    version: TablestoreVersion<'_>,
) -> AddedHeaders {
    let mut added = AddedHeaders::default();
    match version {
        TablestoreVersion::V2 => {
            let key = TablestoreSigningKey::v2(&credentials.access_key_secret);
            added.push(SIGNATURE_V2, signature_v2(request, &key));
        }
        TablestoreVersion::V4 { region, sign_date } => {
            let sign_date = format_compact_date(sign_date);
            let key = TablestoreSigningKey::v4(&credentials.access_key_secret, &sign_date, region);
            // The date and region headers are themselves signed, so add them before hashing.
            let mut with_scope = request.clone();
            with_scope
                .headers_mut()
                .set("x-ots-signdate", sign_date.as_str());
            with_scope.headers_mut().set("x-ots-signregion", region);
            let signature = signature_v4(&with_scope, &key);
            added.push("x-ots-signdate", sign_date);
            added.push("x-ots-signregion", region.to_owned());
            added.push(SIGNATURE_V4, signature);
        }
    }
    added
}

fn signature_v2(request: &CanonicalRequest<'_>, key: &TablestoreSigningKey) -> String {
    base64(&hmac_sha1(
        key.as_bytes(),
        request_string_to_sign(request).as_bytes(),
    ))
}

fn signature_v4(request: &CanonicalRequest<'_>, key: &TablestoreSigningKey) -> String {
    let string_to_sign = request_string_to_sign(request) + "ots";
    base64(&hmac_sha256(key.as_bytes(), string_to_sign.as_bytes()))
}

/// What a verified request proved, and the key its response must be signed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedTablestoreRequest {
    /// The `x-ots-accesskeyid` the signature was checked against.
    pub access_key_id: AccessKeyId,
    /// `x-ots-ststoken`, for the caller to check against the id.
    pub security_token: Option<SecurityToken>,
    /// [`Scheme::TablestoreV2`] or [`Scheme::TablestoreV4`].
    pub scheme: Scheme,
    /// Pass to [`super::sign_response`] so the client's response check passes.
    pub signing_key: TablestoreSigningKey,
}

/// Recomputes the request signature and compares it in constant time.
///
/// Checks that `x-ots-date` is within `freshness`. The caller still checks
/// `x-ots-contentmd5` against the body (MD5 is not this crate's business) and that
/// `request.path()` is `/{Operation}` without any endpoint prefix.
pub fn verify_request<L: SecretLookup + ?Sized>(
    request: &CanonicalRequest<'_>,
    keys: &L,
    freshness: &Freshness,
) -> Result<VerifiedTablestoreRequest, SignError> {
    let headers = request.headers();
    let access_key_id = headers
        .get("x-ots-accesskeyid")
        .ok_or(SignError::MissingHeader("x-ots-accesskeyid"))?;
    let date = headers
        .get("x-ots-date")
        .ok_or(SignError::MissingHeader("x-ots-date"))?;
    freshness.check(parse_iso8601_extended("x-ots-date", date)?)?;

    let access_key_id = AccessKeyId::parse(access_key_id)
        .map_err(|_| SignError::UnknownAccessKey(access_key_id.to_owned()))?;
    let secret = keys
        .secret_for(&access_key_id)
        .ok_or_else(|| SignError::UnknownAccessKey(access_key_id.as_str().to_owned()))?;

    let (scheme, signing_key, received, expected) =
        if let Some(received) = headers.get(SIGNATURE_V4) {
            let sign_date = headers
                .get("x-ots-signdate")
                .ok_or(SignError::MissingHeader("x-ots-signdate"))?;
            let region = headers
                .get("x-ots-signregion")
                .ok_or(SignError::MissingHeader("x-ots-signregion"))?;
            let key = TablestoreSigningKey::v4(&secret, sign_date, region);
            let expected = signature_v4(request, &key);
            (Scheme::TablestoreV4, key, received, expected)
        } else if let Some(received) = headers.get(SIGNATURE_V2) {
            let key = TablestoreSigningKey::v2(&secret);
            let expected = signature_v2(request, &key);
            (Scheme::TablestoreV2, key, received, expected)
        } else {
            return Err(SignError::MissingHeader(SIGNATURE_V2));
        };

    if !constant_time_eq(received, &expected) {
        return Err(SignError::SignatureMismatch(scheme));
    }
    Ok(VerifiedTablestoreRequest {
        access_key_id,
        security_token: headers.get("x-ots-ststoken").map(SecurityToken::from),
        scheme,
        signing_key,
    })
}
