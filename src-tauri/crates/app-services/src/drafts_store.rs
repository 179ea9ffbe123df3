//! Saved mapping drafts: one JSON file per draft in the app's data folder.

use serde::Serialize;
use ts_rs::TS;

/// A saved draft as the drafts list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSummary {
    /// The name the user saved it under (also its file name).
    pub name: String,
    pub table_name: String,
    pub task_name: String,
    pub column_count: u32,
    /// When it was last saved, RFC 3339 UTC.
    pub saved_at: String,
}
