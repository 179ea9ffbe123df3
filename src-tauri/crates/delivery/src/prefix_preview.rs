//! Expands the prefix for given instants into the exact object keys the service writes.
//!
//! Key shape (quick-start doc): `<expanded prefix>/<task>_<ConcurrentID>_<expanded prefix with
//! "/" replaced by "_">__<SequenceID>`. The preview shows the first file of the first writer:
//! ConcurrentID 0 and SequenceID 1 (one doc example shows `__0`, so the start is partly
//! unconfirmed). No `.parquet` extension is appended; the service adds none.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bucket_name::BucketName;
use crate::civil_time::CivilTime;
use crate::issue::Issue;
use crate::oss_prefix::{OssPrefix, PrefixPart, TimeVariable};
use crate::task_name::TaskName;

/// ConcurrentID of the first writer.
pub const FIRST_CONCURRENT_ID: u32 = 0;
/// SequenceID of a writer's first file.
pub const FIRST_SEQUENCE_ID: u64 = 1;
/// OSS object keys are at most this many bytes.
pub const MAX_KEY_BYTES: usize = 1023;

/// A `name=value` folder of a Hive-style partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PartitionValue {
    pub name: String,
    pub value: String,
}

/// One distinct object key, with the first instant that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewKey {
    /// Unix milliseconds of the first instant mapped to this key (a string over IPC).
    #[serde(with = "crate::i64_string")]
    #[ts(type = "string")]
    pub first_instant: i64,
    /// How many of the given instants land in this folder.
    pub instant_count: u32,
    pub expanded_prefix: String,
    /// The object key inside the bucket.
    pub object_key: String,
    /// `oss://<bucket>/<key>`.
    pub oss_url: String,
    /// Hive-style `name=value` folders in the key, in order.
    pub partitions: Vec<PartitionValue>,
}

/// The preview: distinct keys in order of first appearance, plus findings about the prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrefixPreview {
    pub keys: Vec<PreviewKey>,
    /// Names of Hive-style partition columns (`year` in `year=$yyyy`), in folder order.
    pub partition_columns: Vec<String>,
    pub issues: Vec<Issue>,
}

/// The object key of the first file for an expanded prefix.
pub fn object_key(expanded_prefix: &str, task: &TaskName) -> String {
    object_key_with_ids(
        expanded_prefix,
        task,
        FIRST_CONCURRENT_ID,
        FIRST_SEQUENCE_ID,
    )
}

/// The object key of any file: writer `concurrent_id`, file `sequence_id` (what a delivery
/// engine, such as the sandbox's, names its objects).
pub fn object_key_with_ids(
    expanded_prefix: &str,
    task: &TaskName,
    concurrent_id: u32,
    sequence_id: u64,
) -> String {
    format!(
        "{expanded_prefix}/{task}_{concurrent_id}_{}__{sequence_id}",
        expanded_prefix.replace('/', "_")
    )
}

/// Expands `prefix` for each instant (Unix ms) at `zone_offset_minutes` east of UTC. The zone
/// the service uses is unconfirmed, so the offset is the user's choice for display.
pub fn preview_object_keys(
    bucket: &BucketName,
    prefix: &OssPrefix,
    task: &TaskName,
    instants: &[i64],
    zone_offset_minutes: i32,
) -> PrefixPreview {
    let mut keys: Vec<PreviewKey> = Vec::new();
    for &instant in instants {
        let expanded = prefix.expand(&CivilTime::from_unix_millis(instant, zone_offset_minutes));
        if let Some(existing) = keys.iter_mut().find(|k| k.expanded_prefix == expanded) {
            existing.instant_count = existing.instant_count.saturating_add(1);
            continue;
        }
        let key = object_key(&expanded, task);
        keys.push(PreviewKey {
            first_instant: instant,
            instant_count: 1,
            oss_url: format!("oss://{bucket}/{key}"),
            partitions: partition_values(&expanded),
            object_key: key,
            expanded_prefix: expanded,
        });
    }
    PrefixPreview {
        partition_columns: partition_columns(prefix),
        issues: preview_issues(prefix, task, &keys),
        keys,
    }
}

/// `name=value` folders of an expanded prefix.
fn partition_values(expanded: &str) -> Vec<PartitionValue> {
    expanded
        .split('/')
        .filter_map(|folder| folder.split_once('='))
        .filter(|(name, _)| !name.is_empty())
        .map(|(name, value)| PartitionValue {
            name: name.to_owned(),
            value: value.to_owned(),
        })
        .collect()
}

/// Partition names whose value holds a time variable.
fn partition_columns(prefix: &OssPrefix) -> Vec<String> {
    prefix
        .as_str()
        .split('/')
        .filter_map(|folder| folder.split_once('='))
        .filter(|(name, value)| !name.is_empty() && value.contains('$'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

fn preview_issues(prefix: &OssPrefix, task: &TaskName, keys: &[PreviewKey]) -> Vec<Issue> {
    let mut issues = Vec::new();
    let variables = prefix.variables();
    if variables.contains(&TimeVariable::Minute) {
        issues.push(Issue::warning(
            "ossPrefix",
            "minute_partitions",
            "The prefix uses $mm: a new folder every minute means many small objects.",
            Some("Partition by day or hour; the docs advise objects of 4 MB or more."),
        ));
    }
    if !variables.is_empty() {
        issues.push(Issue::warning(
            "ossPrefix",
            "prefix_time_zone_unconfirmed",
            "The time zone the service uses for $yyyy … $mm is unconfirmed; folders are shown in the zone you picked.",
            None,
        ));
    }
    let has_literal_folder = prefix
        .parts()
        .iter()
        .any(|part| matches!(part, PrefixPart::Literal(_)));
    if !has_literal_folder {
        issues.push(Issue::warning(
            "ossPrefix",
            "prefix_without_fixed_folder",
            "The prefix is only time variables, so the files mix with anything else at the bucket root.",
            Some("Start the prefix with a fixed folder such as the table name."),
        ));
    }
    issues.push(Issue::warning(
        "ossPrefix",
        "no_parquet_extension",
        "The object keys end without '.parquet'; readers that filter by extension will miss them.",
        Some("Point readers at the folder, not at '*.parquet'."),
    ));
    let longest = keys
        .iter()
        .map(|k| k.object_key.len())
        .max()
        .unwrap_or_else(|| {
            // Without instants, estimate with the widest expansion (variables shrink by one byte).
            object_key(prefix.as_str(), task).len()
        });
    if longest > MAX_KEY_BYTES {
        issues.push(Issue::warning(
            "ossPrefix",
            "object_key_too_long",
            format!("Object keys would be {longest} bytes; OSS allows at most 1023, and the prefix appears twice in each key."),
            Some("Shorten the prefix."),
        ));
    }
    issues
}
