//! The single error value that crosses IPC: a stable code, a sentence, and a remedy.

use serde::Serialize;
use ts_rs::TS;

/// Stable, machine-readable error codes. The UI switches on these; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A bug on our side; the message carries a request-scoped ID to quote.
    Internal,
    /// An argument from the UI failed a rule; the message says which.
    InvalidInput,
    /// The app's own data folder could not be read or written.
    StorageFailed,
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
