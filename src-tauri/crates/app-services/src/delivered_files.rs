//! Browsing what a delivery task wrote: the objects under the fixed part of its prefix.

use serde::Serialize;
use ts_rs::TS;

/// One delivered object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveredObject {
    pub key: String,
    #[ts(type = "number")]
    pub size: u64,
    /// As OSS reports it (ISO 8601 UTC).
    pub last_modified: String,
}

/// The objects a task wrote, newest listing order as OSS gives it (by key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveredFiles {
    pub bucket: String,
    /// The prefix listed: the task's prefix up to its first time variable.
    pub listed_prefix: String,
    pub objects: Vec<DeliveredObject>,
    /// More objects exist than were listed.
    pub truncated: bool,
}
