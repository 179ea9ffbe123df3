//! Turns each library crate's error into the one [`IpcError`] the web view sees.

use cloud_clients::{ClientError, ErrorKind};
use profiles::ProfileError;

use crate::{ErrorCode, IpcError};

impl From<ProfileError> for IpcError {
    fn from(error: ProfileError) -> Self {
        // Every profiles code has a variant of the same name (a test checks the whole list).
        let code = ErrorCode::from_code(error.code()).unwrap_or(ErrorCode::Internal);
        let mut ipc = IpcError::new(code, error.message());
        ipc.remedy = error.remedy().map(str::to_owned);
        ipc
    }
}

impl From<ClientError> for IpcError {
    fn from(error: ClientError) -> Self {
        let code = match error.kind() {
            ErrorKind::AuthFailed => ErrorCode::AuthFailed,
            ErrorKind::ClockSkew => ErrorCode::ClockSkew,
            ErrorKind::CredentialsExpired => ErrorCode::CredentialsExpired,
            ErrorKind::PermissionDenied => ErrorCode::PermissionDenied,
            ErrorKind::NotFound => ErrorCode::NotFound,
            ErrorKind::AlreadyExists => ErrorCode::AlreadyExists,
            ErrorKind::InvalidArgument => ErrorCode::InvalidInput,
            ErrorKind::ConditionFailed => ErrorCode::ConditionFailed,
            ErrorKind::Throttled => ErrorCode::Throttled,
            ErrorKind::ServerError => ErrorCode::ServerError,
            ErrorKind::Network => ErrorCode::Network,
            ErrorKind::Timeout => ErrorCode::Timeout,
            ErrorKind::Tls => ErrorCode::Tls,
            ErrorKind::ResponseCorrupt => ErrorCode::ResponseCorrupt,
            ErrorKind::Other if matches!(error, ClientError::Cancelled) => ErrorCode::Cancelled,
            ErrorKind::Other => ErrorCode::ServiceError,
        };
        IpcError {
            code,
            remedy: Some(error.remedy().to_owned()),
            service_code: error.service_code().map(str::to_owned),
            request_id: error.request_id().map(str::to_owned),
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profiles_error_code_has_an_ipc_code_of_the_same_name() {
        for code in profiles::ERROR_CODES {
            assert!(
                ErrorCode::from_code(code).is_some(),
                "{code} has no ErrorCode"
            );
        }
    }

    #[test]
    fn a_service_error_keeps_its_code_and_request_id() {
        let error = ClientError::Service {
            service: cloud_clients::Service::Tablestore,
            kind: ErrorKind::AuthFailed,
            status: 403,
            code: "OTSAuthFailed".into(),
            message: "Signature mismatch.".into(),
            request_id: Some("0005-abc".into()),
        };
        let ipc = IpcError::from(error);
        assert_eq!(ipc.code, ErrorCode::AuthFailed);
        assert_eq!(ipc.service_code.as_deref(), Some("OTSAuthFailed"));
        assert_eq!(ipc.request_id.as_deref(), Some("0005-abc"));
        assert!(ipc.remedy.expect("remedy").contains("AccessKey"));
    }
}
