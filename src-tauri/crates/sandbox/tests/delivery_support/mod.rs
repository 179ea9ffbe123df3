//! Helpers for the delivery tests: a sandbox with delivery timing in milliseconds, the
//! service-linked role created through the account API, task requests, waiting on Describe,
//! and reading delivered Parquet objects back with the `parquet` crate.

#![allow(dead_code)] // each test file uses a different part of this helper

use std::time::{Duration, Instant};

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use sandbox::delivery::DeliveryTiming;
use sandbox::{Sandbox, SandboxConfig};
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    self, CreateDeliveryTaskRequest, DeliveryTaskType, DescribeDeliveryTaskRequest,
    DescribeDeliveryTaskResponse, EventColumn, OssTaskConfig, TaskSyncStat,
};

use crate::openapi_support::{demo, Call};
use crate::tablestore_support::Client;

pub const BUCKET: &str = "sandbox-delivery";
pub const ROLE_ARN: &str = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";

pub async fn start(large_table_rows: u32) -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows,
        delivery: DeliveryTiming::fast(),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

/// Creates the delivery service-linked role the way the app does: `CreateServiceLinkedRole`.
pub async fn create_delivery_role(sandbox: &Sandbox) {
    let reply = Call::rpc("CreateServiceLinkedRole", "2020-03-31")
        .param("ServiceName", "datadelivery.ots.aliyuncs.com")
        .send_v3(&sandbox.endpoints().openapi, &demo())
        .await;
    assert_eq!(reply.status, 200, "{:?}", reply.json());
}

/// `(source column, output name, type)`.
pub type Column<'a> = (&'a str, &'a str, proto::parquet_schema::DataType);

pub fn config(prefix: &str, columns: &[Column<'_>]) -> OssTaskConfig {
    OssTaskConfig {
        oss_prefix: Some(prefix.to_owned()),
        oss_bucket: Some(BUCKET.to_owned()),
        oss_endpoint: Some("oss-cn-hangzhou.aliyuncs.com".to_owned()),
        oss_sts_role: Some(ROLE_ARN.to_owned()),
        format: Some(proto::Format::Parquet as i32),
        schema: columns
            .iter()
            .map(|(source, output, data_type)| proto::ParquetSchema {
                column_name: Some((*source).to_owned()),
                oss_column_name: Some((*output).to_owned()),
                r#type: Some(*data_type as i32),
                encode: Some(proto::Encoding::Plain as i32),
                type_extend: None,
            })
            .collect(),
        ..OssTaskConfig::default()
    }
}

pub fn with_event_time(
    mut config: OssTaskConfig,
    column: &str,
    format: proto::event_column::EventTimeFormat,
) -> OssTaskConfig {
    config.event_time_column = Some(EventColumn {
        column_name: Some(column.to_owned()),
        time_format: Some(format as i32),
    });
    config
}

pub fn create_request(
    table: &str,
    task: &str,
    task_type: DeliveryTaskType,
    config: OssTaskConfig,
) -> CreateDeliveryTaskRequest {
    CreateDeliveryTaskRequest {
        table_name: Some(table.to_owned()),
        task_name: Some(task.to_owned()),
        task_config: Some(config),
        task_type: Some(task_type as i32),
    }
}

pub async fn describe(client: &Client, table: &str, task: &str) -> DescribeDeliveryTaskResponse {
    client
        .call(
            "DescribeDeliveryTask",
            &DescribeDeliveryTaskRequest {
                table_name: Some(table.to_owned()),
                task_name: Some(task.to_owned()),
            },
        )
        .await
        .message()
}

/// Polls Describe until `done` holds for the sync state (at most `limit`).
pub async fn wait_for(
    client: &Client,
    table: &str,
    task: &str,
    limit: Duration,
    done: impl Fn(&TaskSyncStat) -> bool,
) -> TaskSyncStat {
    let started = Instant::now();
    loop {
        let stat = describe(client, table, task)
            .await
            .task_sync_stat
            .expect("a sync state");
        if done(&stat) {
            return stat;
        }
        assert!(
            started.elapsed() < limit,
            "gave up waiting on {task}; last state {stat:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn phase_is(stat: &TaskSyncStat, phase: TaskSyncPhase) -> bool {
    stat.task_sync_phase == Some(phase as i32)
}

/// A delivered object, read back.
#[derive(Debug)]
pub struct Delivered {
    pub key: String,
    /// `(name, physical type, logical/converted annotation)` per column, in file order.
    pub columns: Vec<(String, String, String)>,
    pub rows: Vec<Vec<(String, Field)>>,
}

pub fn read_objects(sandbox: &Sandbox, prefix: &str) -> Vec<Delivered> {
    sandbox
        .state()
        .oss
        .list_objects(BUCKET, prefix)
        .expect("the bucket exists")
        .iter()
        .map(|object| {
            let reader = SerializedFileReader::new(object.data.clone()).expect("a Parquet file");
            let schema = reader.metadata().file_metadata().schema_descr_ptr();
            let columns = schema
                .columns()
                .iter()
                .map(|column| {
                    (
                        column.name().to_owned(),
                        format!("{:?}", column.physical_type()),
                        format!("{:?}", column.converted_type()),
                    )
                })
                .collect();
            let rows = reader
                .get_row_iter(None)
                .expect("rows")
                .map(|row| {
                    row.expect("a row")
                        .get_column_iter()
                        .map(|(name, field)| (name.clone(), field.clone()))
                        .collect()
                })
                .collect();
            Delivered {
                key: object.key.clone(),
                columns,
                rows,
            }
        })
        .collect()
}

pub fn total_rows(objects: &[Delivered]) -> usize {
    objects.iter().map(|o| o.rows.len()).sum()
}
