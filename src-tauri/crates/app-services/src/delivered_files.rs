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

/// The part of a task prefix before its first time variable: every object the task writes
/// starts with it.
pub fn listed_prefix(prefix: &str) -> String {
    prefix.split('$').next().unwrap_or_default().to_owned()
}

/// Whether `key` is a file `task` wrote (`…/<task>_<id>_…`), not another task's under the same
/// prefix.
pub fn written_by(key: &str, task: &str) -> bool {
    let file = key.rsplit('/').next().unwrap_or(key);
    file.strip_prefix(task)
        .is_some_and(|rest| rest.starts_with('_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_prefix_stops_at_the_first_time_variable() {
        assert_eq!(
            listed_prefix("exports/orders/year=$yyyy/month=$MM"),
            "exports/orders/year="
        );
        assert_eq!(listed_prefix("plain/prefix"), "plain/prefix");
        assert_eq!(listed_prefix("$yyyy"), "");
    }

    #[test]
    fn only_the_tasks_own_files_count_as_delivered_by_it() {
        assert!(written_by("p/2026/daily_0_p_2026__1", "daily"));
        assert!(!written_by("p/2026/daily-2_0_p_2026__1", "daily"));
        assert!(!written_by("p/2026/dailyx_0", "daily"));
        assert!(!written_by("p/daily/other_0", "daily"));
    }
}
