//! The four delivery-task operations. Create is not idempotent: when its answer is lost, the
//! task list is read before anything is retried, so a task is never created twice and a task
//! that was created is never reported as a failure.

use delivery::CreateDeliveryTaskRequest;
use tablestore_wire::proto;

use super::TablestoreClient;
use crate::retry::Idempotency;
use crate::{ClientError, ErrorKind};

/// A task as ListDeliveryTask names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryTaskSummary {
    pub table_name: String,
    pub task_name: String,
    /// The proto value of the task type (0 full, 1 incremental, 2 full then incremental).
    pub task_type: Option<i32>,
}

/// How a create ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateOutcome {
    Created,
    /// The answer was lost, and the task list shows the task exists: it was created.
    ConfirmedAfterLostAnswer,
}

impl TablestoreClient {
    pub async fn create_delivery_task(
        &self,
        request: &CreateDeliveryTaskRequest,
    ) -> Result<CreateOutcome, ClientError> {
        let message = to_proto(request);
        let table = request.table_name.as_str();
        let task = request.task_name.as_str();
        match self
            .call::<_, proto::CreateDeliveryTaskResponse>(
                "CreateDeliveryTask",
                Idempotency::NotIdempotent,
                &message,
            )
            .await
        {
            Ok(_) => Ok(CreateOutcome::Created),
            Err(error) if answer_may_be_lost(&error) => {
                // The request may have been applied. Look before doing anything else.
                let tasks = self.list_delivery_tasks(table).await?;
                if tasks.iter().any(|t| t.task_name == task) {
                    return Ok(CreateOutcome::ConfirmedAfterLostAnswer);
                }
                // Not created: now a retry is safe.
                self.call::<_, proto::CreateDeliveryTaskResponse>(
                    "CreateDeliveryTask",
                    Idempotency::NotIdempotent,
                    &message,
                )
                .await
                .map(|_| CreateOutcome::Created)
            }
            Err(error) => Err(error),
        }
    }

    pub async fn list_delivery_tasks(
        &self,
        table: &str,
    ) -> Result<Vec<DeliveryTaskSummary>, ClientError> {
        let request = proto::ListDeliveryTaskRequest {
            table_name: Some(table.to_owned()),
        };
        let (response, _): (proto::ListDeliveryTaskResponse, _) = self
            .call("ListDeliveryTask", Idempotency::Idempotent, &request)
            .await?;
        Ok(response
            .tasks
            .into_iter()
            .map(|t| DeliveryTaskSummary {
                table_name: t.table_name.unwrap_or_else(|| table.to_owned()),
                task_name: t.task_name.unwrap_or_default(),
                task_type: t.task_type,
            })
            .collect())
    }

    /// The task's configuration and progress, as the service reports them.
    pub async fn describe_delivery_task(
        &self,
        table: &str,
        task: &str,
    ) -> Result<proto::DescribeDeliveryTaskResponse, ClientError> {
        let request = proto::DescribeDeliveryTaskRequest {
            table_name: Some(table.to_owned()),
            task_name: Some(task.to_owned()),
        };
        let (response, _) = self
            .call("DescribeDeliveryTask", Idempotency::Idempotent, &request)
            .await?;
        Ok(response)
    }

    pub async fn delete_delivery_task(&self, table: &str, task: &str) -> Result<(), ClientError> {
        let request = proto::DeleteDeliveryTaskRequest {
            table_name: Some(table.to_owned()),
            task_name: Some(task.to_owned()),
        };
        match self
            .call::<_, proto::DeleteDeliveryTaskResponse>(
                "DeleteDeliveryTask",
                Idempotency::NotIdempotent,
                &request,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(error) if answer_may_be_lost(&error) => {
                // Deleting twice would fail with "not found"; check whether it is gone instead.
                let tasks = self.list_delivery_tasks(table).await?;
                if tasks.iter().any(|t| t.task_name == task) {
                    Err(error)
                } else {
                    Ok(())
                }
            }
            Err(error) => Err(error),
        }
    }
}

/// Failures after which the service may have applied the request without our seeing the answer.
fn answer_may_be_lost(error: &ClientError) -> bool {
    match error.kind() {
        ErrorKind::Timeout | ErrorKind::ResponseCorrupt => true,
        ErrorKind::Network => {
            !matches!(error, ClientError::Network { detail, .. } if detail.to_ascii_lowercase().contains("refused"))
        }
        _ => false,
    }
}

/// The wire form of the domain's request; the task type is always sent explicitly (the Go
/// SDK's zero value would mean a full export only).
pub fn to_proto(request: &CreateDeliveryTaskRequest) -> proto::CreateDeliveryTaskRequest {
    let config = &request.task_config;
    proto::CreateDeliveryTaskRequest {
        table_name: Some(request.table_name.as_str().to_owned()),
        task_name: Some(request.task_name.as_str().to_owned()),
        task_type: Some(request.task_type.proto_value()),
        task_config: Some(proto::OssTaskConfig {
            oss_prefix: Some(config.oss_prefix.as_str().to_owned()),
            formatter: None,
            oss_dirty_prefix: None,
            oss_bucket: Some(config.oss_bucket.as_str().to_owned()),
            oss_endpoint: Some(config.oss_endpoint.as_str().to_owned()),
            oss_sts_role: Some(config.oss_sts_role.as_str().to_owned()),
            event_time_column: config
                .event_time_column
                .as_ref()
                .map(|c| proto::EventColumn {
                    column_name: Some(c.column_name.clone()),
                    time_format: Some(c.time_format.proto_value()),
                }),
            format: Some(config.format.proto_value()),
            schema: config
                .schema
                .iter()
                .map(|f| proto::ParquetSchema {
                    column_name: Some(f.column_name.clone()),
                    oss_column_name: Some(f.oss_column_name.as_str().to_owned()),
                    r#type: Some(f.data_type.proto_value()),
                    encode: Some(f.encode.proto_value()),
                    type_extend: None,
                })
                .collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use delivery::{
        BucketName, EventTimeColumn, EventTimeFormat, OssEndpoint, OssPrefix, OssTaskConfig,
        OutputColumnName, OutputFormat, ParquetSchemaField, ParquetType, RoleArn, TableName,
        TaskName, TaskType,
    };

    use super::*;

    fn request(task_type: TaskType) -> CreateDeliveryTaskRequest {
        CreateDeliveryTaskRequest {
            table_name: TableName::parse("orders").expect("table"),
            task_name: TaskName::parse("orders-daily").expect("task"),
            task_type,
            task_config: OssTaskConfig {
                oss_prefix: OssPrefix::parse("exports/$yyyy/$MM/$dd").expect("prefix"),
                oss_bucket: BucketName::parse("sandbox-delivery").expect("bucket"),
                oss_endpoint: OssEndpoint::parse("oss-cn-hangzhou.aliyuncs.com").expect("endpoint"),
                oss_sts_role: RoleArn::parse(
                    "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
                )
                .expect("role"),
                event_time_column: Some(EventTimeColumn {
                    column_name: "created_at".into(),
                    time_format: EventTimeFormat::Rfc3339,
                }),
                format: OutputFormat::Parquet,
                schema: vec![ParquetSchemaField {
                    column_name: "amount".into(),
                    oss_column_name: OutputColumnName::parse("amount_cny").expect("name"),
                    data_type: ParquetType::Double,
                    encode: delivery::ColumnEncoding::Plain,
                }],
            },
        }
    }

    #[test]
    fn the_task_type_is_always_sent_even_when_it_is_the_zero_value() {
        assert_eq!(to_proto(&request(TaskType::Base)).task_type, Some(0));
        assert_eq!(to_proto(&request(TaskType::Inc)).task_type, Some(1));
        assert_eq!(to_proto(&request(TaskType::BaseInc)).task_type, Some(2));
    }

    #[test]
    fn every_documented_field_lands_in_its_proto_field_and_undocumented_ones_stay_unset() {
        let wire = to_proto(&request(TaskType::BaseInc));
        let config = wire.task_config.expect("config");
        assert_eq!(config.oss_prefix.as_deref(), Some("exports/$yyyy/$MM/$dd"));
        assert_eq!(config.oss_bucket.as_deref(), Some("sandbox-delivery"));
        assert_eq!(config.formatter, None);
        assert_eq!(config.oss_dirty_prefix, None);
        let event = config.event_time_column.expect("event column");
        assert_eq!(event.column_name.as_deref(), Some("created_at"));
        assert_eq!(event.time_format, Some(4));
        assert_eq!(config.schema.len(), 1);
        assert_eq!(
            config.schema[0].oss_column_name.as_deref(),
            Some("amount_cny")
        );
        assert_eq!(config.schema[0].r#type, Some(3));
        assert_eq!(config.schema[0].type_extend, None);
    }
}
