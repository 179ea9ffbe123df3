//! Looking across the instance through the app's services against the sandbox: every
//! table's tasks at once, and drift between a task's schema and the table's rows.
#![cfg(feature = "test-support")]

mod common;

use delivery::{ParquetType, SchemaEntryDraft, TaskDraft, TaskType};

fn users_task(name: &str) -> TaskDraft {
    TaskDraft {
        table_name: "users".into(),
        task_name: name.into(),
        task_type: TaskType::Inc,
        oss_bucket: "sandbox-delivery".into(),
        oss_endpoint: "oss-cn-hangzhou.aliyuncs.com".into(),
        oss_prefix: "users/$yyyy".into(),
        role_arn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery".into(),
        event_time: None,
        schema: vec![SchemaEntryDraft {
            source_column: "name".into(),
            output_name: "full_name".into(),
            parquet_type: Some(ParquetType::Utf8),
        }],
    }
}

/// The sandbox with the role created and task `users-names` (INC, `name` only) on `users`.
async fn sandbox_with_users_names_task(
    namespace: &str,
) -> (app_services::AppServices, tempfile::TempDir) {
    let (services, dir) = common::sandbox_services(namespace, 500).await;
    common::with_delivery_role(&services).await;
    services
        .create_delivery_task("sandbox", &users_task("users-names"))
        .await
        .expect("creates");
    (services, dir)
}

#[tokio::test]
async fn the_instance_view_lists_every_tables_tasks_sorted_by_table_then_name() {
    let (services, _dir) = sandbox_with_users_names_task("tests.watching.list").await;
    let all = services
        .list_instance_tasks("sandbox")
        .await
        .expect("lists");
    let names: Vec<(&str, &str)> = all
        .tasks
        .iter()
        .map(|t| (t.table_name.as_str(), t.task_name.as_str()))
        .collect();
    // The demo task on `orders`, and ours on `users`.
    assert_eq!(
        names,
        [("orders", "orders-daily"), ("users", "users-names")]
    );
    assert_eq!(
        all.tables_asked as usize,
        services.list_tables("sandbox").await.expect("tables").len()
    );
    assert!(all.failed_tables.is_empty(), "{:?}", all.failed_tables);
}

#[tokio::test]
async fn drift_watch_names_the_columns_the_task_does_not_deliver_and_drafts_a_successor() {
    let (services, _dir) = sandbox_with_users_names_task("tests.watching.drift").await;
    let drift = services
        .drift_watch("sandbox", "users", "users-names", 1_000)
        .await
        .expect("watches");
    assert_eq!(drift.delivered_columns, ["name"]);
    let undelivered: Vec<&str> = drift.undelivered.iter().map(|c| c.name.as_str()).collect();
    for expected in ["age", "email", "score"] {
        assert!(
            undelivered.contains(&expected),
            "{expected} in {undelivered:?}"
        );
    }
    // Not drift: the delivered column, and the key column the task chose to leave out.
    assert!(!undelivered.contains(&"name"));
    assert!(!undelivered.contains(&"user_id"));
    assert!(drift.undelivered.iter().all(|c| c.present_rows > 0));

    let successor = &drift.suggested_draft;
    assert_eq!(successor.task_name, "users-names-v2");
    assert_eq!(successor.task_type, TaskType::Inc);
    assert_eq!(successor.oss_prefix, "users/$yyyy");
    assert_eq!(
        successor.schema[0].output_name, "full_name",
        "the old schema comes first"
    );
    assert_eq!(successor.schema.len(), 1 + undelivered.len());
    let age = successor
        .schema
        .iter()
        .find(|e| e.source_column == "age")
        .expect("age");
    assert_eq!(age.parquet_type, Some(ParquetType::Int64));
}
