//! A plain model of `CreateDeliveryTaskRequest` (tablestore.md section 4.2), built only from
//! parsed parts. The client crate converts it to the protobuf message.
//!
//! Three proto fields are deliberately absent, because the spec says never to send them:
//! `OSSTaskConfig.formatter` (Java clears it, Go never sets it), `OSSTaskConfig.ossDirtyPrefix`
//! (no SDK sets it, meaning unconfirmed) and `ParquetSchema.typeExtend` ("not supported yet").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bucket_name::BucketName;
use crate::oss_prefix::OssPrefix;
use crate::output_column_name::OutputColumnName;
use crate::parquet_schema::ParquetSchema;
use crate::parquet_type::ParquetType;
use crate::region::OssEndpoint;
use crate::role_arn::RoleArn;
use crate::table_name::TableName;
use crate::task_name::TaskName;
use crate::task_settings::{EventTimeColumn, TaskSettings};
use crate::task_type::{ColumnEncoding, OutputFormat, TaskType};

/// `CreateDeliveryTaskRequest`: fields 1–4. `task_type` is not optional here on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CreateDeliveryTaskRequest {
    pub table_name: TableName,
    pub task_name: TaskName,
    pub task_config: OssTaskConfig,
    pub task_type: TaskType,
}

/// `OSSTaskConfig`: fields 1, 4–8 and 11 (see the module doc for 2, 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OssTaskConfig {
    pub oss_prefix: OssPrefix,
    pub oss_bucket: BucketName,
    pub oss_endpoint: OssEndpoint,
    /// The role ARN (`ossStsRole`; Go calls it `OssRoleName`).
    pub oss_sts_role: RoleArn,
    pub event_time_column: Option<EventTimeColumn>,
    pub format: OutputFormat,
    pub schema: Vec<ParquetSchemaField>,
}

/// `ParquetSchema` message: fields 1–4 (see the module doc for 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParquetSchemaField {
    pub column_name: String,
    pub oss_column_name: OutputColumnName,
    /// Always set: the Go SDK's zero value would mean BOOL.
    #[serde(rename = "type")]
    pub data_type: ParquetType,
    pub encode: ColumnEncoding,
}

impl CreateDeliveryTaskRequest {
    /// The full request from its parsed parts. Encoding is PLAIN and format Parquet, always.
    pub fn new(table_name: TableName, settings: TaskSettings, schema: &ParquetSchema) -> Self {
        let schema = schema
            .entries()
            .iter()
            .map(|entry| ParquetSchemaField {
                column_name: entry.source_column.clone(),
                oss_column_name: entry.output_name.clone(),
                data_type: entry.parquet_type,
                encode: ColumnEncoding::Plain,
            })
            .collect();
        Self {
            table_name,
            task_name: settings.task_name,
            task_type: settings.task_type,
            task_config: OssTaskConfig {
                oss_prefix: settings.oss_prefix,
                oss_bucket: settings.oss_bucket,
                oss_endpoint: settings.oss_endpoint,
                oss_sts_role: settings.role_arn,
                event_time_column: settings.event_time_column,
                format: OutputFormat::Parquet,
                schema,
            },
        }
    }
}
