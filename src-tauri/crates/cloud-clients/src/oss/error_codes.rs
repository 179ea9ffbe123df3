//! OSS error codes (spec `oss.md` section 4), classified.

use crate::ErrorKind;

pub fn classify(code: &str) -> ErrorKind {
    match code {
        "SignatureDoesNotMatch" | "InvalidAccessKeyId" | "InvalidSecurityToken" => {
            ErrorKind::AuthFailed
        }
        "SecurityTokenExpired" => ErrorKind::CredentialsExpired,
        "RequestTimeTooSkewed" => ErrorKind::ClockSkew,
        "AccessDenied" => ErrorKind::PermissionDenied,
        "NoSuchBucket" | "NoSuchKey" => ErrorKind::NotFound,
        "BucketAlreadyExists" => ErrorKind::AlreadyExists,
        "InvalidArgument" | "InvalidBucketName" | "InvalidObjectName" | "InvalidRange" => {
            ErrorKind::InvalidArgument
        }
        "ServerBusy" | "Throttling" | "SlowDown" | "TooManyRequests" => ErrorKind::Throttled,
        "InternalError" | "ServiceUnavailable" => ErrorKind::ServerError,
        _ => ErrorKind::Other,
    }
}
