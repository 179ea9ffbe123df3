//! Alibaba Cloud OpenAPI error codes (spec `account.md`), classified.

use crate::ErrorKind;

pub fn classify(code: &str) -> ErrorKind {
    let family = code.split('.').next().unwrap_or(code);
    match (code, family) {
        ("InvalidTimeStamp.Expired", _) => ErrorKind::ClockSkew,
        ("InvalidSecurityToken.Expired", _) => ErrorKind::CredentialsExpired,
        (
            _,
            "InvalidAccessKeyId"
            | "SignatureDoesNotMatch"
            | "IncompleteSignature"
            | "InvalidSecurityToken"
            | "MissingSecurityToken",
        ) => ErrorKind::AuthFailed,
        (_, "Forbidden" | "NoPermission" | "NotAuthorized") => ErrorKind::PermissionDenied,
        (_, "EntityNotExist" | "InstanceNotFound") => ErrorKind::NotFound,
        (_, "EntityAlreadyExists") => ErrorKind::AlreadyExists,
        (_, "Throttling") => ErrorKind::Throttled,
        (_, "ServiceUnavailable" | "InternalError" | "UnknownError") => ErrorKind::ServerError,
        (_, "InvalidParameter" | "MissingParameter" | "InvalidAction") => {
            ErrorKind::InvalidArgument
        }
        _ => ErrorKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_classified_by_their_family() {
        assert_eq!(
            classify("InvalidAccessKeyId.NotFound"),
            ErrorKind::AuthFailed
        );
        assert_eq!(classify("SignatureDoesNotMatch"), ErrorKind::AuthFailed);
        assert_eq!(classify("InvalidTimeStamp.Expired"), ErrorKind::ClockSkew);
        assert_eq!(
            classify("InvalidSecurityToken.Expired"),
            ErrorKind::CredentialsExpired
        );
        assert_eq!(classify("EntityNotExist.Role"), ErrorKind::NotFound);
        assert_eq!(classify("Throttling.User"), ErrorKind::Throttled);
        assert_eq!(classify("Forbidden.RAM"), ErrorKind::PermissionDenied);
    }
}
