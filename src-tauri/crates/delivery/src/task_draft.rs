//! A task as the user is still editing it: raw text, possibly incomplete or wrong. It becomes a
//! request only through [`crate::draft_validation::validate_draft`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::event_time_format::EventTimeFormat;
use crate::parquet_type::ParquetType;
use crate::request::CreateDeliveryTaskRequest;
use crate::task_type::TaskType;

/// The event-time choice of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventTimeDraft {
    pub column_name: String,
    pub time_format: Option<EventTimeFormat>,
}

/// One schema row of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SchemaEntryDraft {
    pub source_column: String,
    pub output_name: String,
    /// `None` until the user picks one; never defaulted silently.
    pub parquet_type: Option<ParquetType>,
}

/// Everything the wizard collects, unvalidated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TaskDraft {
    pub table_name: String,
    pub task_name: String,
    /// Starts at the documented default (full then incremental) and is always sent.
    pub task_type: TaskType,
    pub oss_bucket: String,
    pub oss_endpoint: String,
    pub oss_prefix: String,
    pub role_arn: String,
    pub event_time: Option<EventTimeDraft>,
    pub schema: Vec<SchemaEntryDraft>,
}

impl From<&CreateDeliveryTaskRequest> for TaskDraft {
    /// A draft of an existing request, e.g. to clone a task or edit an imported one.
    fn from(request: &CreateDeliveryTaskRequest) -> Self {
        let config = &request.task_config;
        Self {
            table_name: request.table_name.to_string(),
            task_name: request.task_name.to_string(),
            task_type: request.task_type,
            oss_bucket: config.oss_bucket.to_string(),
            oss_endpoint: config.oss_endpoint.to_string(),
            oss_prefix: config.oss_prefix.to_string(),
            role_arn: config.oss_sts_role.to_string(),
            event_time: config
                .event_time_column
                .as_ref()
                .map(|column| EventTimeDraft {
                    column_name: column.column_name.clone(),
                    time_format: Some(column.time_format),
                }),
            schema: config
                .schema
                .iter()
                .map(|field| SchemaEntryDraft {
                    source_column: field.column_name.clone(),
                    output_name: field.oss_column_name.to_string(),
                    parquet_type: Some(field.data_type),
                })
                .collect(),
        }
    }
}
