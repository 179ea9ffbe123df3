//! Findings about a draft, shown next to the field they concern.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::DeliveryError;

/// Whether a finding blocks creating the task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Severity {
    /// The task cannot be created until this is fixed.
    Error,
    /// The task can be created, but the user should know (e.g. data will be dropped).
    Warning,
}

/// One finding: which field, how bad, a stable code, a sentence and a remedy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Issue {
    /// The draft field, in camelCase path form: `taskName`, `schema[2].outputName`.
    pub field: String,
    pub severity: Severity,
    /// Stable snake_case code; for errors the same as [`DeliveryError::code`].
    pub code: String,
    pub message: String,
    pub remedy: Option<String>,
}

impl Issue {
    /// A blocking finding from an error.
    pub fn error(field: impl Into<String>, error: &DeliveryError) -> Self {
        Self {
            field: field.into(),
            severity: Severity::Error,
            code: error.code().to_owned(),
            message: error.message(),
            remedy: Some(error.remedy().to_owned()),
        }
    }

    /// A non-blocking finding.
    pub fn warning(
        field: impl Into<String>,
        code: &str,
        message: impl Into<String>,
        remedy: Option<&str>,
    ) -> Self {
        Self {
            field: field.into(),
            severity: Severity::Warning,
            code: code.to_owned(),
            message: message.into(),
            remedy: remedy.map(str::to_owned),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
