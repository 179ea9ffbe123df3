//! The task as JSON: a stable, documented shape that imports back as a draft.
//!
//! Shape (version 1), field names as in the protocol, enum values as proto names:
//!
//! ```json
//! {
//!   "kind": "tablestore-delivery-task",
//!   "version": 1,
//!   "tableName": "orders",
//!   "taskName": "orders-daily",
//!   "taskConfig": {
//!     "ossPrefix": "exports/orders/$yyyy/$MM/$dd",
//!     "ossBucket": "analytics-hz",
//!     "ossEndpoint": "oss-cn-hangzhou.aliyuncs.com",
//!     "ossStsRole": "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
//!     "eventTimeColumn": { "columnName": "created_at", "timeFormat": "RFC3339" },
//!     "format": "Parquet",
//!     "schema": [
//!       { "columnName": "order_id", "ossColumnName": "order_id", "type": "UTF8", "encode": "PLAIN" }
//!     ]
//!   },
//!   "taskType": "BASE_INC"
//! }
//! ```
//!
//! `eventTimeColumn` is `null` when rows are partitioned by write time. Adding optional fields
//! keeps the version; renaming or removing one bumps it.

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::error::DeliveryError;
use crate::event_time_format::EventTimeFormat;
use crate::parquet_type::ParquetType;
use crate::request::CreateDeliveryTaskRequest;
use crate::task_draft::{EventTimeDraft, SchemaEntryDraft, TaskDraft};
use crate::task_type::TaskType;

/// The `kind` of an exported task file.
pub const TASK_KIND: &str = "tablestore-delivery-task";
/// The export format version this build writes and reads.
pub const TASK_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct TaskExport<'a> {
    kind: &'static str,
    version: u32,
    #[serde(flatten)]
    request: &'a CreateDeliveryTaskRequest,
}

/// The request as pretty-printed JSON (two-space indent, trailing newline).
pub fn export_task_json(request: &CreateDeliveryTaskRequest) -> String {
    let export = TaskExport {
        kind: TASK_KIND,
        version: TASK_FORMAT_VERSION,
        request,
    };
    // Serialising plain strings and enums cannot fail.
    let mut text = serde_json::to_string_pretty(&export).unwrap_or_default();
    text.push('\n');
    text
}

/// The export shape with every value raw, so an invalid file still opens as a draft.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ImportedTask {
    table_name: String,
    task_name: String,
    task_type: Option<TaskType>,
    task_config: ImportedConfig,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ImportedConfig {
    oss_prefix: String,
    oss_bucket: String,
    oss_endpoint: String,
    oss_sts_role: String,
    event_time_column: Option<ImportedEventColumn>,
    schema: Vec<ImportedField>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ImportedEventColumn {
    column_name: String,
    time_format: Option<EventTimeFormat>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ImportedField {
    column_name: String,
    oss_column_name: String,
    #[serde(rename = "type")]
    data_type: Option<ParquetType>,
}

/// Reads an exported task back as a draft. Values are not checked here (a draft may be
/// wrong); the kind and version are.
pub fn import_task_json(text: &str) -> Result<TaskDraft, DeliveryError> {
    let json: Json = serde_json::from_str(text)
        .map_err(|e| DeliveryError::MalformedDraft(format!("it is not valid JSON ({e})")))?;
    check_kind_and_version(&json, TASK_KIND, TASK_FORMAT_VERSION)?;
    let imported: ImportedTask = serde_json::from_value(json)
        .map_err(|e| DeliveryError::MalformedDraft(format!("a field has the wrong shape ({e})")))?;
    let config = imported.task_config;
    Ok(TaskDraft {
        table_name: imported.table_name,
        task_name: imported.task_name,
        task_type: imported.task_type.unwrap_or_default(),
        oss_bucket: config.oss_bucket,
        oss_endpoint: config.oss_endpoint,
        oss_prefix: config.oss_prefix,
        role_arn: config.oss_sts_role,
        event_time: config.event_time_column.map(|event| EventTimeDraft {
            column_name: event.column_name,
            time_format: event.time_format,
        }),
        schema: config
            .schema
            .into_iter()
            .map(|field| SchemaEntryDraft {
                source_column: field.column_name,
                output_name: field.oss_column_name,
                parquet_type: field.data_type,
            })
            .collect(),
    })
}

/// Checks `kind` and `version` before anything else, so a newer file fails with a clear
/// "unsupported version" rather than a confusing field error.
pub(crate) fn check_kind_and_version(
    json: &Json,
    kind: &str,
    supported: u32,
) -> Result<(), DeliveryError> {
    let Some(object) = json.as_object() else {
        return Err(DeliveryError::MalformedDraft(
            "it is not a JSON object".into(),
        ));
    };
    match object.get("kind").and_then(Json::as_str) {
        Some(found) if found == kind => {}
        Some(found) => {
            return Err(DeliveryError::MalformedDraft(format!(
                "its kind is '{found}', expected '{kind}'"
            )))
        }
        None => {
            return Err(DeliveryError::MalformedDraft(
                "it has no 'kind' field".into(),
            ))
        }
    }
    match object.get("version") {
        None => Err(DeliveryError::MalformedDraft(
            "it has no 'version' field".into(),
        )),
        Some(version) if version.as_u64() == Some(u64::from(supported)) => Ok(()),
        Some(version) => Err(DeliveryError::UnsupportedDraftVersion {
            found: match version {
                Json::String(text) => text.clone(),
                other => other.to_string(),
            },
            supported,
        }),
    }
}
