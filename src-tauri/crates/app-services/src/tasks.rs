//! Delivery tasks as the tasks screen shows them.

use serde::Serialize;
use tablestore_wire::proto;
use ts_rs::TS;

/// A task of a table, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveryTaskView {
    pub table_name: String,
    pub task_name: String,
    /// `BASE`, `INC` or `BASE_INC`.
    pub task_type: String,
}

/// Where a task is and what went wrong, if anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveryTaskStatus {
    pub task_type: String,
    /// `INIT`, `FULL` or `INCR`.
    pub phase: String,
    /// Nanoseconds since the Unix epoch, as a string so no precision is lost in JavaScript.
    #[ts(type = "string | null")]
    pub checkpoint_ns: Option<String>,
    /// `UNAUTHORIZED` or `INVALID_OSS_BUCKET` when the service reports a problem.
    pub error_code: Option<String>,
    pub error_detail: Option<String>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub column_count: u32,
}

pub fn task_type_name(value: Option<i32>) -> String {
    match value.and_then(|v| proto::DeliveryTaskType::try_from(v).ok()) {
        Some(proto::DeliveryTaskType::Base) => "BASE",
        Some(proto::DeliveryTaskType::Inc) => "INC",
        // The documented default when a task type is absent.
        Some(proto::DeliveryTaskType::BaseInc) | None => "BASE_INC",
    }
    .to_owned()
}

impl DeliveryTaskStatus {
    pub fn from_proto(response: proto::DescribeDeliveryTaskResponse) -> Self {
        let stat = response.task_sync_stat.unwrap_or_default();
        let phase = match stat
            .task_sync_phase
            .and_then(|p| proto::task_sync_stat::TaskSyncPhase::try_from(p).ok())
        {
            Some(proto::task_sync_stat::TaskSyncPhase::Full) => "FULL",
            Some(proto::task_sync_stat::TaskSyncPhase::Incr) => "INCR",
            _ => "INIT",
        };
        // An absent error code means "no error"; `OK` (0) exists only in one SDK's copy.
        let error_code = stat
            .error_code
            .and_then(|c| proto::ErrorType::try_from(c).ok())
            .and_then(|c| match c {
                proto::ErrorType::Ok => None,
                proto::ErrorType::Unauthorized => Some("UNAUTHORIZED".to_owned()),
                proto::ErrorType::InvalidOssBucket => Some("INVALID_OSS_BUCKET".to_owned()),
            });
        let config = response.task_config.unwrap_or_default();
        Self {
            task_type: task_type_name(response.task_type),
            phase: phase.to_owned(),
            checkpoint_ns: stat
                .current_sync_timestamp
                .filter(|t| *t > 0)
                .map(|t| t.to_string()),
            error_code,
            error_detail: stat.detail.filter(|d| !d.is_empty()),
            bucket: config.oss_bucket,
            prefix: config.oss_prefix,
            column_count: u32::try_from(config.schema.len()).unwrap_or(u32::MAX),
        }
    }
}
