//! Drift watch: rows are schemaless, so a column that appears in the data after a task was
//! created is silently not delivered. Sampling the table again shows which columns those are.

use delivery::schema_inference::ColumnProfile;
use delivery::{
    EventTimeDraft, EventTimeFormat, ParquetType, SchemaEntryDraft, TaskDraft, TaskType,
};
use serde::Serialize;
use tablestore_wire::proto;
use ts_rs::TS;

/// What a fresh sample found that the task does not deliver.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DriftReport {
    pub table_name: String,
    pub task_name: String,
    pub sampled_rows: u32,
    /// Source columns the task's schema reads.
    pub delivered_columns: Vec<String>,
    /// Columns seen in the sample that the task's schema does not read, with their types.
    pub undelivered: Vec<ColumnProfile>,
    /// The fresh sample itself, so the wizard can offer every column it found.
    pub sample: crate::SchemaSample,
    /// A draft of a new task: the existing task's settings and schema plus the undelivered
    /// columns (typed by their documented target where one exists), to open in the wizard.
    pub suggested_draft: TaskDraft,
}

/// The draft of a task as described, with `extra` columns appended.
pub fn draft_from_described(
    table: &str,
    task: &str,
    described: &proto::DescribeDeliveryTaskResponse,
    extra: &[ColumnProfile],
) -> TaskDraft {
    let config = described.task_config.clone().unwrap_or_default();
    let mut schema: Vec<SchemaEntryDraft> = config
        .schema
        .iter()
        .map(|field| SchemaEntryDraft {
            source_column: field.column_name.clone().unwrap_or_default(),
            output_name: field
                .oss_column_name
                .clone()
                .or_else(|| field.column_name.clone())
                .unwrap_or_default(),
            parquet_type: field.r#type.and_then(ParquetType::from_proto_value),
        })
        .collect();
    schema.extend(extra.iter().map(|column| {
        SchemaEntryDraft {
            source_column: column.name.clone(),
            output_name: column.name.clone(),
            parquet_type: column
                .dominant_type()
                .and_then(delivery::type_compat::documented_target),
        }
    }));
    TaskDraft {
        table_name: table.to_owned(),
        task_name: successor_name(task),
        task_type: match described.task_type {
            Some(0) => TaskType::Base,
            Some(1) => TaskType::Inc,
            _ => TaskType::BaseInc,
        },
        oss_bucket: config.oss_bucket.unwrap_or_default(),
        oss_endpoint: config.oss_endpoint.unwrap_or_default(),
        oss_prefix: config.oss_prefix.unwrap_or_default(),
        role_arn: config.oss_sts_role.unwrap_or_default(),
        event_time: config.event_time_column.map(|column| EventTimeDraft {
            column_name: column.column_name.unwrap_or_default(),
            time_format: column.time_format.and_then(|value| {
                EventTimeFormat::ALL
                    .into_iter()
                    .find(|f| f.proto_value() == value)
            }),
        }),
        schema,
    }
}

/// `orders-daily` → `orders-daily-v2` (`-v3` after that), kept within the 16-character limit.
fn successor_name(task: &str) -> String {
    // A task name has at most 13 digits after `-v`, so u64 holds every version; the checked
    // add only guards the arithmetic.
    let (stem, next) = match task
        .rsplit_once("-v")
        .and_then(|(stem, n)| Some((stem, n.parse::<u64>().ok()?.checked_add(1)?)))
    {
        Some((stem, next)) => (stem, next),
        None => (task, 2),
    };
    let suffix = format!("-v{next}");
    let keep = 16usize.saturating_sub(suffix.len());
    let stem: String = stem.chars().take(keep).collect();
    format!("{}{suffix}", stem.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_successor_name_counts_up_and_stays_within_sixteen_characters() {
        assert_eq!(successor_name("orders-daily"), "orders-daily-v2");
        assert_eq!(successor_name("orders-daily-v2"), "orders-daily-v3");
        assert_eq!(successor_name("abcdefghijklmnop"), "abcdefghijklm-v2");
        assert_eq!(successor_name("abcdefghijklm-op"), "abcdefghijklm-v2");
        // Past u32 (it used to overflow: a panic in a debug build, `-v0` in a release one).
        assert_eq!(successor_name("a-v4294967295"), "a-v4294967296");
    }
}
