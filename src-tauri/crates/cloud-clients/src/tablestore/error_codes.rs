//! Tablestore's error codes (spec `tablestore.md` section 2), classified.

use crate::ErrorKind;

/// The kind of a Tablestore error, from its code and, where one code covers several causes,
/// its message.
pub fn classify(code: &str, message: &str) -> ErrorKind {
    match code {
        "OTSAuthFailed" => auth_failure(message),
        "OTSNoPermissionAccess" => ErrorKind::PermissionDenied,
        "OTSObjectNotExist" => ErrorKind::NotFound,
        "OTSObjectAlreadyExist" => ErrorKind::AlreadyExists,
        "OTSParameterInvalid"
        | "OTSInvalidPK"
        | "OTSOutOfColumnCountLimit"
        | "OTSOutOfRowSizeLimit"
        | "OTSMetaNotMatch"
        | "OTSRequestBodyTooLarge"
        | "OTSMethodNotAllowed" => ErrorKind::InvalidArgument,
        "OTSConditionCheckFail" => ErrorKind::ConditionFailed,
        "OTSServerBusy"
        | "OTSNotEnoughCapacityUnit"
        | "OTSOperationThrottled"
        | "OTSRowOperationConflict"
        | "OTSTableNotReady"
        | "OTSPartitionUnavailable"
        | "OTSOperationConflict"
        | "OTSStorageServerBusy" => ErrorKind::Throttled,
        "OTSQuotaExhausted" if message == "Too frequent table operations." => ErrorKind::Throttled,
        "OTSInternalServerError" | "OTSServerUnavailable" | "OTSTimeout" | "OTSRequestTimeout" => {
            ErrorKind::ServerError
        }
        _ => ErrorKind::Other,
    }
}

/// `OTSAuthFailed` covers a wrong key, a skewed clock and an expired token; the message tells.
fn auth_failure(message: &str) -> ErrorKind {
    let lower = message.to_ascii_lowercase();
    if lower.contains("system time") || lower.contains("x-ots-date") || lower.contains("skew") {
        ErrorKind::ClockSkew
    } else if lower.contains("expire") {
        ErrorKind::CredentialsExpired
    } else {
        ErrorKind::AuthFailed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_failed_is_split_by_its_message() {
        assert_eq!(
            classify("OTSAuthFailed", "Signature mismatch."),
            ErrorKind::AuthFailed
        );
        assert_eq!(
            classify(
                "OTSAuthFailed",
                "Mismatch between system time and x-ots-date: 2026-11-24T10:00:00.000Z."
            ),
            ErrorKind::ClockSkew
        );
        assert_eq!(
            classify("OTSAuthFailed", "The security token has expired."),
            ErrorKind::CredentialsExpired
        );
    }

    #[test]
    fn quota_exhausted_is_throttling_only_for_too_frequent_table_operations() {
        assert_eq!(
            classify("OTSQuotaExhausted", "Too frequent table operations."),
            ErrorKind::Throttled
        );
        assert_eq!(
            classify("OTSQuotaExhausted", "Table count exceeded."),
            ErrorKind::Other
        );
    }
}
