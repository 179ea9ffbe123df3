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

#[cfg(test)]
mod tests {
    use super::*;
    use tablestore_wire::proto::parquet_schema::DataType;
    use tablestore_wire::proto::{EventColumn, OssTaskConfig};

    fn request() -> CreateDeliveryTaskRequest {
        CreateDeliveryTaskRequest {
            table_name: Some("orders".to_owned()),
            task_name: Some("daily-orders".to_owned()),
            task_type: None,
            task_config: Some(OssTaskConfig {
                oss_prefix: Some("exports/$yyyy".to_owned()),
                oss_bucket: Some("sandbox-delivery".to_owned()),
                oss_endpoint: Some("oss-cn-hangzhou.aliyuncs.com".to_owned()),
                oss_sts_role: Some("acs:ram::1:role/r".to_owned()),
                schema: vec![tablestore_wire::proto::ParquetSchema {
                    column_name: Some("order_id".to_owned()),
                    oss_column_name: Some("id".to_owned()),
                    r#type: Some(DataType::Int64 as i32),
                    ..Default::default()
                }],
                ..OssTaskConfig::default()
            }),
        }
    }

    fn refusal(request: &CreateDeliveryTaskRequest) -> String {
        let error = task_spec(request, 0, 0).expect_err("refused");
        assert_eq!(error.code, "OTSParameterInvalid");
        error.message
    }

    #[test]
    fn a_complete_request_parses_and_an_absent_type_means_base_inc() {
        let spec = task_spec(&request(), 5, 7).expect("valid");
        assert_eq!(spec.task_type, DeliveryTaskType::BaseInc);
        assert_eq!(spec.name.to_string(), "daily-orders");
        assert_eq!(spec.schema.entries()[0].output_name.to_string(), "id");
        assert_eq!((spec.created_at_ms, spec.created_at_write), (5, 7));
        assert_eq!(spec.event_time, None);
    }

    #[test]
    fn every_field_the_sdks_require_is_required() {
        let mut no_prefix = request();
        no_prefix.task_config.as_mut().expect("config").oss_prefix = Some(String::new());
        assert_eq!(refusal(&no_prefix), "The OSS prefix is required.");
        let mut no_role = request();
        no_role.task_config.as_mut().expect("config").oss_sts_role = None;
        assert_eq!(refusal(&no_role), "The OSS STS role is required.");
        let mut no_endpoint = request();
        no_endpoint
            .task_config
            .as_mut()
            .expect("config")
            .oss_endpoint = None;
        assert_eq!(refusal(&no_endpoint), "The OSS endpoint is required.");
        let mut no_schema = request();
        no_schema
            .task_config
            .as_mut()
            .expect("config")
            .schema
            .clear();
        assert_eq!(refusal(&no_schema), "The schema is required.");
        let mut no_output = request();
        no_output.task_config.as_mut().expect("config").schema[0].oss_column_name = None;
        assert_eq!(refusal(&no_output), "A schema OSS column name is required.");
        let mut no_config = request();
        no_config.task_config = None;
        assert_eq!(refusal(&no_config), "The task config is required.");
    }

    #[test]
    fn undocumented_types_a_bad_prefix_and_an_event_column_without_format_are_refused() {
        let mut timestamp = request();
        timestamp.task_config.as_mut().expect("config").schema[0].r#type =
            Some(DataType::TimestampMillis as i32);
        assert!(refusal(&timestamp).contains("unsupported type"));
        let mut leading_slash = request();
        leading_slash
            .task_config
            .as_mut()
            .expect("config")
            .oss_prefix = Some("/x".to_owned());
        assert!(refusal(&leading_slash).starts_with("Invalid OSS prefix"));
        let mut no_format = request();
        no_format
            .task_config
            .as_mut()
            .expect("config")
            .event_time_column = Some(EventColumn {
            column_name: Some("created_at".to_owned()),
            time_format: None,
        });
        assert_eq!(
            refusal(&no_format),
            "The event time column needs a valid time format."
        );
        let mut short_name = request();
        short_name.task_name = Some("ab".to_owned());
        assert!(refusal(&short_name).starts_with("Invalid task name"));
    }
}
