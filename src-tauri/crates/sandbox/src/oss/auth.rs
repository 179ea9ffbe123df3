//! Who is calling: the request's signature (V1 or V4, via the `signing` crate), the key's
//! status and STS token (via the accounts), and the RAM policy, each refused with the code
//! OSS uses.

use axum::http::request::Parts;
use axum::http::StatusCode;
use signing::oss::{self, OssResource};
use signing::{CanonicalRequest, SignError};

use super::error::OssError;
use super::xml::http_date;
use crate::accounts::{AccessError, Caller};
use crate::state::SandboxState;

/// Checks the signature and the key behind it. `expected_region` is the region a V4
/// credential scope must name (the bucket's, or the endpoint's for service calls); `None`
/// skips that check (e.g. for a bucket that does not exist).
pub fn authenticate(
    state: &SandboxState,
    parts: &Parts,
    resource: &OssResource<'_>,
    expected_region: Option<&str>,
) -> Result<Caller, OssError> {
    let request =
        CanonicalRequest::from_http_parts(parts).map_err(|e| signature_error(&e, parts, state))?;
    if request.headers().get("authorization").is_none() {
        return Err(anonymous_refusal(&request));
    }
    let verified = oss::verify(&request, resource, &state.accounts, &state.freshness())
        .map_err(|e| signature_error(&e, parts, state))?;
    if let (Some(signed), Some(expected)) = (verified.region.as_deref(), expected_region) {
        if signed != expected {
            return Err(OssError::invalid_argument(format!(
                "Invalid signing region in Authorization header: expected {expected}, got {signed}."
            )));
        }
    }
    let token = verified
        .security_token
        .as_ref()
        .map(signing::SecurityToken::expose_secret);
    state
        .accounts
        .authenticate(verified.access_key_id.as_str(), token, state.now())
        .map_err(|e| access_error(&e, verified.access_key_id.as_str()))
}

/// The policy check after authentication.
pub fn authorize(caller: &Caller, action: &str) -> Result<(), OssError> {
    if caller.policy.allows(action) {
        Ok(())
    } else {
        Err(OssError::access_denied(format!(
            "You have no right to access this resource: the RAM policy of {} does not allow {action}.",
            caller.principal.arn()
        ))
        .with_extra("AuthorizationErrorDetail", action))
    }
}

fn anonymous_refusal(request: &CanonicalRequest<'_>) -> OssError {
    let presigned = request.query_value("OSSAccessKeyId").is_some()
        || request.query_value("x-oss-signature-version").is_some();
    if presigned {
        // The signing crate verifies header signatures only.
        OssError::not_implemented("presigned URLs")
    } else {
        OssError::access_denied(
            "You have no right to access this resource: anonymous access is forbidden.",
        )
    }
}

fn signature_error(error: &SignError, parts: &Parts, state: &SandboxState) -> OssError {
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    match error {
        SignError::SignatureMismatch(_) => {
            let (access_key_id, provided) = claimed_credentials(&header("authorization"));
            OssError::new(
                StatusCode::FORBIDDEN,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            )
            .with_ec("0002-00000040")
            .with_extra("OSSAccessKeyId", access_key_id)
            .with_extra("SignatureProvided", provided)
        }
        SignError::UnknownAccessKey(id) => OssError::new(
            StatusCode::FORBIDDEN,
            "InvalidAccessKeyId",
            "The OSS Access Key Id you provided does not exist in our records.",
        )
        .with_ec("0002-00000002")
        .with_extra("OSSAccessKeyId", id.clone()),
        SignError::StaleDate { .. } => {
            let request_time = Some(header("x-oss-date"))
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| header("date"));
            OssError::new(
                StatusCode::FORBIDDEN,
                "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.",
            )
            .with_ec("0002-00000504")
            .with_extra("RequestTime", request_time)
            .with_extra("ServerTime", http_date(state.now()))
            .with_extra("MaxAllowedSkewMilliseconds", "900000")
        }
        SignError::MissingHeader("date" | "x-oss-date") | SignError::MalformedDate { .. } => {
            OssError::access_denied("OSS authentication requires a valid Date.")
        }
        SignError::ScopeDateMismatch { .. } => {
            OssError::invalid_argument("Invalid signing date in Authorization header.")
        }
        SignError::MalformedAuthorization { .. } | SignError::UnsupportedAlgorithm(_) => {
            OssError::invalid_argument("Authorization header is invalid.")
        }
        other => OssError::invalid_argument(other.to_string()),
    }
}

/// The access key id and signature a request claimed, for the diagnostic elements.
fn claimed_credentials(authorization: &str) -> (String, String) {
    if let Some(v1) = authorization.strip_prefix("OSS ") {
        let (id, signature) = v1.split_once(':').unwrap_or((v1, ""));
        return (id.to_owned(), signature.to_owned());
    }
    let mut id = String::new();
    let mut signature = String::new();
    let fields = authorization.split_once(' ').map_or("", |(_, f)| f);
    for field in fields.split(',').map(str::trim) {
        if let Some(credential) = field.strip_prefix("Credential=") {
            credential
                .split('/')
                .next()
                .unwrap_or_default()
                .clone_into(&mut id);
        } else if let Some(value) = field.strip_prefix("Signature=") {
            value.clone_into(&mut signature);
        }
    }
    (id, signature)
}

fn access_error(error: &AccessError, access_key_id: &str) -> OssError {
    let invalid_key = |message: &str| {
        OssError::new(StatusCode::FORBIDDEN, "InvalidAccessKeyId", message)
            .with_ec("0002-00000002")
            .with_extra("OSSAccessKeyId", access_key_id)
    };
    match error {
        AccessError::UnknownKey(_) => {
            invalid_key("The OSS Access Key Id you provided does not exist in our records.")
        }
        AccessError::InactiveKey(_) => {
            invalid_key("The OSS Access Key Id you provided is disabled.")
        }
        AccessError::MissingToken => invalid_key(
            "The OSS Access Key Id you provided is a temporary key and needs its security token.",
        ),
        AccessError::InvalidToken => OssError::new(
            StatusCode::FORBIDDEN,
            "InvalidSecurityToken",
            "The security token you provided is invalid.",
        )
        .with_ec("0002-00000006"),
        AccessError::ExpiredToken(_) => OssError::new(
            StatusCode::FORBIDDEN,
            "SecurityTokenExpired",
            "The security token you provided has expired.",
        )
        .with_ec("0002-00000007"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claimed_credentials_are_read_from_both_header_forms() {
        assert_eq!(
            claimed_credentials("OSS LTAI5tKey:c2ln"),
            ("LTAI5tKey".to_owned(), "c2ln".to_owned())
        );
        assert_eq!(
            claimed_credentials(
                "OSS4-HMAC-SHA256 Credential=LTAI5tKey/20250115/cn-hangzhou/oss/aliyun_v4_request, Signature=abc"
            ),
            ("LTAI5tKey".to_owned(), "abc".to_owned())
        );
    }
}
