//! The service's errors: an HTTP status, an error code and a message (spec section 2).

use axum::http::StatusCode;

/// One error as the service reports it: in the `Error` protobuf body of a non-2xx response,
/// or inside a BatchWriteRow per-row result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct OtsError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl OtsError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn parameter_invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "OTSParameterInvalid", message)
    }

    pub fn invalid_pk(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "OTSInvalidPK", message)
    }

    pub fn column_count_limit(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "OTSOutOfColumnCountLimit", message)
    }

    pub fn row_size_limit(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "OTSOutOfRowSizeLimit", message)
    }

    pub fn auth_failed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "OTSAuthFailed", message)
    }

    pub fn no_permission(action: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "OTSNoPermissionAccess",
            format!(
                "You have no permission to access the requested resource, please contact the \
                 resource owner. Action: {action}"
            ),
        )
    }

    pub fn condition_check_fail() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "OTSConditionCheckFail",
            "Condition check failed.",
        )
    }

    pub fn quota_exhausted(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "OTSQuotaExhausted", message)
    }

    pub fn table_not_exist() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "OTSObjectNotExist",
            "Requested table does not exist.",
        )
    }

    pub fn table_already_exist() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "OTSObjectAlreadyExist",
            "Requested table already exists.",
        )
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "OTSMethodNotAllowed",
            "Only POST method is supported.",
        )
    }

    pub fn body_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "OTSRequestBodyTooLarge",
            format!("The request body exceeds the {limit}-byte limit."),
        )
    }

    pub fn server_busy() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "OTSServerBusy",
            "Server is busy.",
        )
    }

    pub fn unsupported_operation(operation: &str) -> Self {
        Self::parameter_invalid(format!("Unsupported operation: {operation}"))
    }

    /// The protobuf body of the error.
    pub fn to_proto(&self) -> tablestore_wire::proto::Error {
        tablestore_wire::proto::Error {
            code: self.code.to_owned(),
            message: Some(self.message.clone()),
        }
    }
}

impl From<tablestore_wire::WireError> for OtsError {
    fn from(error: tablestore_wire::WireError) -> Self {
        Self::parameter_invalid(format!("Invalid request body: {error}"))
    }
}
