//! Deleting a table deletes its delivery tasks, as the service does: none is listed, described
//! or running afterwards, and a new table of the same name starts with no task, so nothing of
//! the old task's progress can make it skip the new table's rows.

mod delivery_support;
mod openapi_support;
mod tablestore_support;

use std::time::Duration;

use delivery_support::{
    config, create_delivery_role, create_request, phase_is, read_objects, start, total_rows,
    wait_for, Column,
};
use parquet::record::Field;
use tablestore_support::{int, integer_keyed_table, put_whatever_exists, Client};
use tablestore_wire::proto::parquet_schema::DataType;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    DeleteTableRequest, DeliveryTaskType, DescribeDeliveryTaskRequest, ListDeliveryTaskRequest,
    ListDeliveryTaskResponse,
};
use tablestore_wire::{Cell, Row, Value};

const WAIT: Duration = Duration::from_secs(20);
const TABLE: &str = "short_lived";
const TASK: &str = "short-task";
const COLUMNS: [Column<'static>; 2] = [
    ("id", "id", DataType::Int64),
    ("label", "label", DataType::Utf8),
];

async fn create_table(client: &Client) {
    let request = integer_keyed_table(TABLE);
    assert_eq!(client.call("CreateTable", &request).await.status, 200);
}

async fn put_rows(client: &Client, ids: std::ops::RangeInclusive<i64>) {
    for id in ids {
        let row = Row {
            primary_key: vec![("id".to_owned(), int(id))],
            cells: vec![Cell {
                name: "label".to_owned(),
                value: Some(Value::String(format!("row {id}"))),
                timestamp: None,
            }],
        };
        let request = put_whatever_exists(TABLE, &row);
        assert_eq!(client.call("PutRow", &request).await.status, 200);
    }
}

async fn create_task(client: &Client, prefix: &str) -> u16 {
    client
        .call(
            "CreateDeliveryTask",
            &create_request(
                TABLE,
                TASK,
                DeliveryTaskType::BaseInc,
                config(prefix, &COLUMNS),
            ),
        )
        .await
        .status
}

/// The `id` of every row delivered under `prefix`, sorted.
fn delivered_ids(sandbox: &sandbox::Sandbox, prefix: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = read_objects(sandbox, prefix)
        .iter()
        .flat_map(|object| &object.rows)
        .filter_map(|row| match row.first() {
            Some((_, Field::Long(id))) => Some(*id),
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    ids
}

async fn wait_for_ids(sandbox: &sandbox::Sandbox, prefix: &str, expected: &[i64]) {
    let started = std::time::Instant::now();
    loop {
        let ids = delivered_ids(sandbox, prefix);
        if ids == expected {
            return;
        }
        assert!(
            started.elapsed() < WAIT,
            "delivered {ids:?}, wanted {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn deleting_a_table_deletes_its_tasks_and_a_new_table_of_that_name_starts_with_none() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    create_table(&client).await;
    put_rows(&client, 1..=3).await;
    assert_eq!(create_task(&client, "before").await, 200);
    wait_for(&client, TABLE, TASK, WAIT, |s| {
        phase_is(s, TaskSyncPhase::Incr)
    })
    .await;
    wait_for_ids(&sandbox, "before/", &[1, 2, 3]).await;

    let dropped = DeleteTableRequest {
        table_name: TABLE.to_owned(),
    };
    assert_eq!(client.call("DeleteTable", &dropped).await.status, 200);
    assert!(sandbox.state().delivery.task(TABLE, TASK).is_none());
    let describe = DescribeDeliveryTaskRequest {
        table_name: Some(TABLE.to_owned()),
        task_name: Some(TASK.to_owned()),
    };
    let described = client.call("DescribeDeliveryTask", &describe).await;
    assert_eq!(
        (described.status, described.error().code.as_str()),
        (404, "OTSObjectNotExist")
    );

    // Same name, more rows than the old task had read: were the old task still attached, it
    // would carry on from its old position and deliver only rows 4 and 5 of the new table.
    create_table(&client).await;
    let list = ListDeliveryTaskRequest {
        table_name: Some(TABLE.to_owned()),
    };
    let listed: ListDeliveryTaskResponse = client.call("ListDeliveryTask", &list).await.message();
    assert!(listed.tasks.is_empty(), "{:?}", listed.tasks);
    put_rows(&client, 1..=5).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        delivered_ids(&sandbox, "before/"),
        [1, 2, 3],
        "the old task's files stay; nothing more is written under its prefix"
    );

    // The name is free again, and a new task delivers the whole new table.
    assert_eq!(create_task(&client, "after").await, 200);
    wait_for_ids(&sandbox, "after/", &[1, 2, 3, 4, 5]).await;
    assert_eq!(total_rows(&read_objects(&sandbox, "after/")), 5);
}
