//! The `OpenAPI` gateway's error answer: a status and a JSON body with `RequestId`, `HostId`,
//! `Code`, `Message` and `Recommend`, as the Tea SDKs and `aliyun-python-sdk-core` parse it.

use axum::http::StatusCode;
use signing::SignError;

use crate::accounts::AccessError;

/// One refused request. Codes follow `account.md` §1.5 and §2; statuses the spec marks
/// unconfirmed are chosen to match the code's family (4xx client, 5xx server).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// `Missing<Name>`, the gateway's code for an absent required parameter.
    pub fn missing(parameter: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            &format!("Missing{parameter}"),
            format!("{parameter} is mandatory for this action."),
        )
    }

    /// `InvalidParameter.<Name>` for a value outside what the API accepts.
    pub fn invalid(parameter: &str, why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            &format!("InvalidParameter.{parameter}"),
            format!("The specified parameter {parameter} is not valid: {why}"),
        )
    }

    pub fn api_not_found(action: &str, version: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "InvalidApi.NotFound",
            format!(
                "Specified api is not found, please check your url and method: {action} {version}."
            ),
        )
    }

    pub fn nonce_used() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "SignatureNonceUsed",
            "Specified signature nonce was used already.",
        )
    }

    pub fn no_permission(ram_action: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "NoPermission",
            format!("You are not authorized to do this action. You should be authorized by RAM: {ram_action}."),
        )
    }

    /// The busy answer; `x-acs-retry-after` is added with it, which Tea turns into a
    /// `ThrottlingException`. Alibaba Cloud's error tables list `Throttling` with HTTP 400
    /// (the gateway's `Throttling.User`/`Throttling.Api` are 400 too); the code, which
    /// `aliyun-python-sdk-core` retries on, matters more than the status.
    pub fn throttled() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "Throttling",
            "Request was denied due to request throttling.",
        )
    }

    /// Maps a signature verification failure. `server_string_to_sign` is appended to the
    /// mismatch message after `:` as the gateway does; `aliyun-python-sdk-core` compares it
    /// with its own and then reports `InvalidAccessKeySecret` (and needs the `:` in any case).
    pub fn from_signature(error: &SignError, server_string_to_sign: Option<&str>) -> Self {
        let bad = StatusCode::BAD_REQUEST;
        match error {
            SignError::UnknownAccessKey(id) => Self::new(
                StatusCode::NOT_FOUND,
                "InvalidAccessKeyId.NotFound",
                format!("Specified access key is not found: {id}."),
            ),
            SignError::SignatureMismatch(_) => Self::new(
                bad,
                "SignatureDoesNotMatch",
                format!(
                    "Specified signature is not matched with our calculation. server string to sign is:{}",
                    server_string_to_sign.unwrap_or_default()
                ),
            ),
            SignError::StaleDate { .. } => Self::new(
                bad,
                "InvalidTimeStamp.Expired",
                format!("Specified time stamp or date value is expired: {error}."),
            ),
            SignError::MalformedDate { field, .. } => Self::new(
                bad,
                "InvalidTimeStamp.Format",
                format!("Specified time stamp or date value is not well formatted: {field}."),
            ),
            SignError::MissingParameter(name) => Self::missing(name),
            SignError::MissingHeader(name) => Self::new(
                bad,
                "IncompleteSignature",
                format!("The request signature does not conform to Aliyun standards: the {name} header is missing."),
            ),
            SignError::UnsupportedAlgorithm(algorithm) => Self::new(
                bad,
                "InvalidSignatureMethod",
                format!("Specified signature method is not valid: {algorithm}."),
            ),
            SignError::AccessKeyMismatch { .. } => Self::new(
                bad,
                "InvalidAccessKeyId.Mismatch",
                format!("The access key in the request does not match: {error}."),
            ),
            SignError::MalformedQuery | SignError::NonUtf8Header(_) => {
                Self::new(bad, "InvalidParameter", format!("The request cannot be read: {error}."))
            }
            _ => Self::new(
                bad,
                "IncompleteSignature",
                format!("The request signature does not conform to Aliyun standards: {error}."),
            ),
        }
    }

    /// Maps a refused key or token (after its signature was checked).
    pub fn from_access(error: &AccessError) -> Self {
        let bad = StatusCode::BAD_REQUEST;
        match error {
            AccessError::UnknownKey(id) => Self::new(
                StatusCode::NOT_FOUND,
                "InvalidAccessKeyId.NotFound",
                format!("Specified access key is not found: {id}."),
            ),
            AccessError::InactiveKey(id) => Self::new(
                bad,
                "InvalidAccessKeyId.Inactive",
                format!("Specified access key is disabled: {id}."),
            ),
            AccessError::MissingToken => Self::new(
                bad,
                "MissingSecurityToken",
                "SecurityToken is mandatory for this action.",
            ),
            AccessError::InvalidToken => Self::new(
                bad,
                "InvalidSecurityToken.Malformed",
                "Specified SecurityToken is malformed.",
            ),
            AccessError::ExpiredToken(at) => Self::new(
                bad,
                "InvalidSecurityToken.Expired",
                format!(
                    "Specified SecurityToken is expired: it expired at {}.",
                    at.format("%Y-%m-%dT%H:%M:%SZ")
                ),
            ),
        }
    }
}
