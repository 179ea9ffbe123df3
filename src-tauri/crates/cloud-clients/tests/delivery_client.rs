//! Delivery-task operations against the sandbox, including a create whose answer is lost.

mod support;

use cloud_clients::tablestore::CreateOutcome;
use cloud_clients::ErrorKind;
use delivery::{
    BucketName, ColumnEncoding, CreateDeliveryTaskRequest, OssEndpoint, OssPrefix, OssTaskConfig,
    OutputColumnName, OutputFormat, ParquetSchemaField, ParquetType, RoleArn, TableName, TaskName,
    TaskType,
};
use sandbox::faults::FaultSettings;
use support::*;

fn request(task: &str) -> CreateDeliveryTaskRequest {
    CreateDeliveryTaskRequest {
        table_name: TableName::parse("orders").expect("table"),
        task_name: TaskName::parse(task).expect("task"),
        task_type: TaskType::Base,
        task_config: OssTaskConfig {
            oss_prefix: OssPrefix::parse("exports/$yyyy$MM$dd").expect("prefix"),
            oss_bucket: BucketName::parse("sandbox-delivery").expect("bucket"),
            oss_endpoint: OssEndpoint::parse("oss-cn-hangzhou.aliyuncs.com").expect("endpoint"),
            oss_sts_role: RoleArn::parse(&cloud_clients::account::delivery_role_arn(
                sandbox::accounts::DEMO_ACCOUNT_ID,
            ))
            .expect("role"),
            event_time_column: None,
            format: OutputFormat::Parquet,
            schema: vec![ParquetSchemaField {
                column_name: "status".into(),
                oss_column_name: OutputColumnName::parse("status").expect("name"),
                data_type: ParquetType::Utf8,
                encode: ColumnEncoding::Plain,
            }],
        },
    }
}

#[tokio::test]
async fn creates_lists_describes_and_deletes_a_task() {
    let sandbox = sandbox(200).await;
    let client = tablestore(&sandbox, demo(), true);
    assert_eq!(
        client
            .create_delivery_task(&request("orders-full"))
            .await
            .expect("creates"),
        CreateOutcome::Created
    );
    let tasks = client.list_delivery_tasks("orders").await.expect("lists");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].task_name, "orders-full");
    assert_eq!(tasks[0].task_type, Some(0));
    let described = client
        .describe_delivery_task("orders", "orders-full")
        .await
        .expect("describes");
    let config = described.task_config.expect("config");
    assert_eq!(config.oss_bucket.as_deref(), Some("sandbox-delivery"));
    let again = client
        .create_delivery_task(&request("orders-full"))
        .await
        .expect_err("the name is taken");
    assert_eq!(again.kind(), ErrorKind::AlreadyExists);
}

#[tokio::test]
async fn a_create_whose_connection_drops_leaves_exactly_one_task() {
    let sandbox = sandbox(200).await;
    let client = tablestore(&sandbox, demo(), false);
    faults(
        &sandbox,
        FaultSettings {
            drop_rate: 1.0,
            operations: vec!["CreateDeliveryTask".into()],
            ..FaultSettings::default()
        },
    );
    // The sandbox drops the connection before acting, so nothing is created and the client,
    // having looked, reports the network failure instead of guessing.
    let first = client.create_delivery_task(&request("orders-once")).await;
    assert_eq!(first.expect_err("dropped").kind(), ErrorKind::Network);
    assert!(client
        .list_delivery_tasks("orders")
        .await
        .expect("lists")
        .is_empty());
    faults(&sandbox, FaultSettings::default());
    client
        .create_delivery_task(&request("orders-once"))
        .await
        .expect("the user's retry creates it");
    let tasks = client.list_delivery_tasks("orders").await.expect("lists");
    assert_eq!(
        tasks
            .iter()
            .filter(|t| t.task_name == "orders-once")
            .count(),
        1,
        "{tasks:?}"
    );
}

#[tokio::test]
async fn a_limited_key_may_not_create_a_task() {
    let sandbox = sandbox(200).await;
    let limited = credentials(
        sandbox::accounts::LIMITED_ACCESS_KEY_ID,
        sandbox::accounts::LIMITED_ACCESS_KEY_SECRET,
    );
    let error = tablestore(&sandbox, limited, false)
        .create_delivery_task(&request("orders-denied"))
        .await
        .expect_err("denied");
    assert_eq!(error.kind(), ErrorKind::PermissionDenied);
}

#[tokio::test]
async fn a_create_applied_but_answered_with_a_cut_off_body_is_confirmed_not_repeated() {
    let sandbox = sandbox(200).await;
    let client = tablestore(&sandbox, demo(), true);
    faults(
        &sandbox,
        FaultSettings {
            truncate_rate: 1.0,
            operations: vec!["CreateDeliveryTask".into()],
            ..FaultSettings::default()
        },
    );
    let outcome = client
        .create_delivery_task(&request("orders-lost"))
        .await
        .expect("confirmed through the task list");
    assert_eq!(outcome, CreateOutcome::ConfirmedAfterLostAnswer);
    let tasks = client.list_delivery_tasks("orders").await.expect("lists");
    assert_eq!(tasks.len(), 1, "{tasks:?}");
}
