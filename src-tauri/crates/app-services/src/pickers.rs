//! What the source and destination pickers list.

use serde::Serialize;
use ts_rs::TS;

/// A bucket the user may pick, flagged when delivery cannot use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BucketChoice {
    pub name: String,
    pub region: String,
    /// Delivery writes only to buckets in the instance's region.
    pub same_region: bool,
}

/// A Tablestore instance of the profile's region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InstanceChoice {
    pub name: String,
    pub region: String,
    pub status: String,
    pub description: Option<String>,
}
