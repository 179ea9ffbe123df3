//! The single error value that crosses IPC: a stable code, a sentence, and a remedy.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Stable, machine-readable error codes. The UI switches on these; never rename one.
/// Each library crate's own codes appear here under the same spelling, so mapping is by name
/// (tests check every crate's list parses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    // The app itself.
    /// A bug on our side; the message carries a request-scoped ID to quote.
    Internal,
    /// An argument from the UI failed a rule; the message says which.
    InvalidInput,
    /// The app's own data folder could not be read or written.
    StorageFailed,
    /// The built-in sandbox could not start.
    SandboxFailed,

    // Profiles, keyring and import (crate `profiles`).
    InvalidProfileName,
    ProfileNameReserved,
    InvalidAccessKeyId,
    InvalidAccessKeySecret,
    InvalidSecurityToken,
    SecurityTokenRequired,
    InvalidRegion,
    InvalidInstanceName,
    InvalidEndpoint,
    InsecureEndpoint,
    InvalidKeyringNamespace,
    ProfileExists,
    ProfileNotFound,
    SandboxProfileReadOnly,
    SandboxNotRunning,
    KeychainUnavailable,
    KeychainLocked,
    SecretMissing,
    KeychainFailed,
    ProfilesFileUnreadable,
    ProfilesFileCorrupt,
    ProfilesFileTooNew,
    ProfilesFileWriteFailed,
    ImportFileUnreadable,
    ImportFileInvalid,
    ImportCandidateNotFound,

    // Cloud calls (crate `cloud-clients`).
    AuthFailed,
    ClockSkew,
    CredentialsExpired,
    PermissionDenied,
    NotFound,
    AlreadyExists,
    ConditionFailed,
    Throttled,
    ServerError,
    Network,
    Timeout,
    Tls,
    ResponseCorrupt,
    ServiceError,
    Cancelled,

    // Drafts and task creation (this crate, over the `delivery` domain).
    /// The draft has blocking findings; `check_draft` lists them all by field.
    InvalidDraft,
    InvalidTaskName,
    BucketWrongRegion,
    BucketNotFound,
    /// The delivery service-linked role does not exist in the account.
    RoleMissing,
    /// A task of that name already exists on the table.
    TaskExists,
    /// The task cannot be deleted yet: it is still initialising.
    TaskInitialising,
    InvalidDraftName,
    DraftNotFound,
    DraftFileCorrupt,
}

impl ErrorCode {
    /// The variant spelled `code`, if there is one.
    pub fn from_code(code: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
    }
}

/// What the web view receives when a command fails. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    /// One sentence a person understands.
    pub message: String,
    /// What to do next, when we know.
    pub remedy: Option<String>,
    /// The cloud service's own error code (e.g. `OTSAuthFailed`), for support tickets.
    pub service_code: Option<String>,
    /// The cloud service's request ID, for support tickets.
    pub request_id: Option<String>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            remedy: None,
            service_code: None,
            request_id: None,
        }
    }

    #[must_use]
    pub fn with_remedy(mut self, remedy: impl Into<String>) -> Self {
        self.remedy = Some(remedy.into());
        self
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_with_camel_case_fields_and_snake_case_code() {
        let error = IpcError::new(ErrorCode::InvalidInput, "Bad.").with_remedy("Fix it.");
        let json = serde_json::to_value(&error).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_input",
                "message": "Bad.",
                "remedy": "Fix it.",
                "serviceCode": null,
                "requestId": null
            })
        );
    }
}
