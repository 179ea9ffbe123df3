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

/// The newest objects a task wrote (by last-modified time, newest first), from the part of the
/// listing that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveredFiles {
    pub bucket: String,
    /// The prefix listed: the task's prefix up to its first time variable.
    pub listed_prefix: String,
    pub objects: Vec<DeliveredObject>,
    /// More objects exist than are shown (older ones, or ones past the listing budget).
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

/// Keeps the last `limit` objects of a listing read in key order. A task's keys put the
/// expanded time variables before the file name, so for prefixes that go from years down to
/// minutes the last keys are the newest files (and for others, the newest of what was read
/// are picked by time at the end anyway).
#[derive(Debug)]
pub struct NewestObjects {
    limit: usize,
    kept: std::collections::VecDeque<DeliveredObject>,
    dropped: bool,
}

impl NewestObjects {
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            kept: std::collections::VecDeque::with_capacity(limit.min(4096)),
            dropped: false,
        }
    }

    pub fn push(&mut self, object: DeliveredObject) {
        if self.limit == 0 {
            self.dropped = true;
            return;
        }
        if self.kept.len() == self.limit {
            self.kept.pop_front();
            self.dropped = true;
        }
        self.kept.push_back(object);
    }

    /// The kept objects, newest first (ISO 8601 UTC times sort as text; ties by key, last
    /// first), and whether any were left out.
    pub fn finish(self) -> (Vec<DeliveredObject>, bool) {
        let mut objects: Vec<_> = self.kept.into();
        objects.sort_by(|a, b| {
            b.last_modified
                .cmp(&a.last_modified)
                .then_with(|| b.key.cmp(&a.key))
        });
        (objects, self.dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(key: &str, last_modified: &str) -> DeliveredObject {
        DeliveredObject {
            key: key.into(),
            size: 1,
            last_modified: last_modified.into(),
        }
    }

    #[test]
    fn the_newest_objects_are_kept_and_shown_newest_first() {
        let mut newest = NewestObjects::new(2);
        newest.push(object("p/2026/11/01/t_0", "2026-11-01T00:10:00.000Z"));
        newest.push(object("p/2026/11/02/t_0", "2026-11-02T00:10:00.000Z"));
        newest.push(object("p/2026/11/03/t_0", "2026-11-03T00:10:00.000Z"));
        let (objects, dropped) = newest.finish();
        let keys: Vec<&str> = objects.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["p/2026/11/03/t_0", "p/2026/11/02/t_0"]);
        assert!(dropped);
    }

    #[test]
    fn nothing_is_dropped_below_the_limit() {
        let mut newest = NewestObjects::new(5);
        newest.push(object("a", "2026-11-01T00:00:00.000Z"));
        newest.push(object("b", "2026-11-01T00:00:00.000Z"));
        let (objects, dropped) = newest.finish();
        assert_eq!(objects.len(), 2);
        assert_eq!(objects[0].key, "b", "ties: the later key first");
        assert!(!dropped);
    }

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
