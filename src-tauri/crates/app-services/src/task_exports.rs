//! Exporting a valid draft as JSON or SDK code (Go, Java).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to export a task as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    Json,
    Go,
    Java,
}

/// An export: the text and a file name to suggest in the save dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedTask {
    pub format: ExportFormat,
    pub file_name: String,
    pub text: String,
}
