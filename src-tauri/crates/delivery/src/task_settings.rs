//! Parsed task settings: everything about a task except the table and the schema.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bucket_name::BucketName;
use crate::event_time_format::EventTimeFormat;
use crate::oss_prefix::OssPrefix;
use crate::region::OssEndpoint;
use crate::role_arn::RoleArn;
use crate::task_name::TaskName;
use crate::task_type::TaskType;

/// `EventColumn`: the column whose value (instead of the write time) drives the prefix's
/// time variables, and how to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventTimeColumn {
    pub column_name: String,
    pub time_format: EventTimeFormat,
}

/// The settings of a task, each already checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TaskSettings {
    pub task_name: TaskName,
    pub task_type: TaskType,
    pub oss_bucket: BucketName,
    pub oss_endpoint: OssEndpoint,
    pub oss_prefix: OssPrefix,
    pub role_arn: RoleArn,
    pub event_time_column: Option<EventTimeColumn>,
}
