//! What the service checks when a task is created: required fields, the task-name rule, the
//! prefix, the schema and the event-time column. Whether the table exists and the name is free
//! are checked by [`super::api`]; the bucket's region and the role only later, by the engine.
//!
//! The service's codes and messages for these refusals are unconfirmed (spec `tablestore.md`
//! 4.2), so the generic `OTSParameterInvalid` is used with a message naming the rule.

use delivery::{
    EventTimeFormat, OssPrefix, OutputColumnName, ParquetSchema, ParquetType, SchemaEntry, TaskName,
};
use tablestore_wire::proto::{CreateDeliveryTaskRequest, DeliveryTaskType, Format};

use super::task::TaskSpec;
use crate::tablestore::error::OtsError;

fn required<'a>(value: Option<&'a String>, what: &str) -> Result<&'a str, OtsError> {
    match value.map(String::as_str) {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(OtsError::parameter_invalid(format!("{what} is required."))),
    }
}

/// Parses a create request; `created_at_ms` and `created_at_write` place it in time.
pub fn task_spec(
    request: &CreateDeliveryTaskRequest,
    created_at_ms: i64,
    created_at_write: usize,
) -> Result<TaskSpec, OtsError> {
    let table = required(request.table_name.as_ref(), "The table name")?;
    let raw_name = required(request.task_name.as_ref(), "The task name")?;
    let name = TaskName::parse(raw_name)
        .map_err(|error| OtsError::parameter_invalid(format!("Invalid task name: {error}")))?;
    // The docs give BaseIncTask as the default when the type is not sent.
    let task_type = match request.task_type {
        None => DeliveryTaskType::BaseInc,
        Some(value) => DeliveryTaskType::try_from(value)
            .map_err(|_| OtsError::parameter_invalid(format!("Invalid task type: {value}.")))?,
    };
    let config = request
        .task_config
        .as_ref()
        .ok_or_else(|| OtsError::parameter_invalid("The task config is required."))?;
    let prefix = OssPrefix::parse(required(config.oss_prefix.as_ref(), "The OSS prefix")?)
        .map_err(|error| OtsError::parameter_invalid(format!("Invalid OSS prefix: {error}")))?;
    let bucket = required(config.oss_bucket.as_ref(), "The OSS bucket")?;
    required(config.oss_endpoint.as_ref(), "The OSS endpoint")?;
    let role = required(config.oss_sts_role.as_ref(), "The OSS STS role")?;
    if let Some(format) = config.format {
        if format != Format::Parquet as i32 {
            return Err(OtsError::parameter_invalid(format!(
                "Invalid format: {format}; only Parquet (0) is supported."
            )));
        }
    }
    let schema = schema(config)?;
    let event_time = match &config.event_time_column {
        None => None,
        Some(column) => {
            let column_name = required(column.column_name.as_ref(), "The event time column name")?;
            let format = column
                .time_format
                .and_then(|value| {
                    EventTimeFormat::ALL
                        .into_iter()
                        .find(|f| f.proto_value() == value)
                })
                .ok_or_else(|| {
                    OtsError::parameter_invalid("The event time column needs a valid time format.")
                })?;
            Some((column_name.to_owned(), format))
        }
    };
    Ok(TaskSpec {
        table: table.to_owned(),
        name,
        task_type,
        config: config.clone(),
        bucket: bucket.to_owned(),
        prefix,
        role: role.to_owned(),
        schema,
        event_time,
        created_at_ms,
        created_at_write,
    })
}

fn schema(config: &tablestore_wire::proto::OssTaskConfig) -> Result<ParquetSchema, OtsError> {
    if config.schema.is_empty() {
        return Err(OtsError::parameter_invalid("The schema is required."));
    }
    let mut entries = Vec::with_capacity(config.schema.len());
    for field in &config.schema {
        let source = required(field.column_name.as_ref(), "A schema column name")?;
        let output = required(field.oss_column_name.as_ref(), "A schema OSS column name")?;
        let output = OutputColumnName::parse(output).map_err(|error| {
            OtsError::parameter_invalid(format!("Invalid OSS column name: {error}"))
        })?;
        // The four documented types only: what the others become in a file is unconfirmed.
        let parquet_type = field
            .r#type
            .and_then(ParquetType::from_proto_value)
            .filter(|t| {
                matches!(
                    t,
                    ParquetType::Bool
                        | ParquetType::Int64
                        | ParquetType::Utf8
                        | ParquetType::Double
                )
            })
            .ok_or_else(|| {
                OtsError::parameter_invalid(format!(
                    "Column '{source}' has an unsupported type; use BOOL, INT64, UTF8 or DOUBLE."
                ))
            })?;
        entries.push(SchemaEntry::new(source, output, parquet_type));
    }
    ParquetSchema::new(entries)
        .map_err(|error| OtsError::parameter_invalid(format!("Invalid schema: {error}")))
}
