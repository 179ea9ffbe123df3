//! `data_dir`: a sandbox stopped and started again on the same folder keeps what was made
//! through the services' own APIs (tables, rows, objects, the role, delivery tasks and how far
//! each got), resumes delivery without writing a row twice, and refuses a damaged or foreign
//! state file with an error naming it.

mod delivery_support;
mod openapi_support;
mod oss_support;
mod tablestore_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bytes::Bytes;
use delivery_support::{create_delivery_role, create_request, read_objects, total_rows};
use oss_support::OssRequest;
use parquet::record::Field;
use sandbox::delivery::DeliveryTiming;
use sandbox::{Sandbox, SandboxConfig};
use tablestore_support::{
    encoded_key, int, integer_keyed_table, put_whatever_exists, range, rows_of, text, Client,
};
use tablestore_wire::plainbuffer::encode_delete_row;
use tablestore_wire::proto::parquet_schema::DataType;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    self, Condition, DeleteRowRequest, DeleteTableRequest, DeliveryTaskType, GetRangeResponse,
    GetRowRequest, GetRowResponse, ListDeliveryTaskRequest, ListDeliveryTaskResponse,
    ListTableResponse, RowExistenceExpectation,
};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

const WAIT: Duration = Duration::from_secs(20);
const PREFIX: &str = "kept";
/// An empty seed bucket the restart test deletes.
const DELETED_BUCKET: &str = "sandbox-logs-07";

/// A fresh folder under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "sandbox-persistence-{}-{name}-{}",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        Self(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn config(dir: &Path) -> SandboxConfig {
    SandboxConfig {
        large_table_rows: 50,
        delivery: DeliveryTiming::fast(),
        data_dir: Some(dir.to_owned()),
        ..SandboxConfig::default()
    }
}

async fn start(dir: &Path) -> Sandbox {
    Sandbox::start(config(dir)).await.expect("sandbox starts")
}

fn ignore() -> Condition {
    Condition {
        row_existence: RowExistenceExpectation::Ignore as i32,
        column_condition: None,
    }
}

async fn create_kept_table(client: &Client) {
    let request = integer_keyed_table("kept");
    assert_eq!(client.call("CreateTable", &request).await.status, 200);
}

async fn put(
    client: &Client,
    table: &str,
    key: (&str, PrimaryKeyValue),
    cells: Vec<(&str, Value)>,
) {
    let row = Row {
        primary_key: vec![(key.0.to_owned(), key.1)],
        cells: cells
            .into_iter()
            .map(|(name, value)| Cell {
                name: name.to_owned(),
                value: Some(value),
                timestamp: None,
            })
            .collect(),
    };
    let request = put_whatever_exists(table, &row);
    assert_eq!(client.call("PutRow", &request).await.status, 200);
}

async fn put_kept(client: &Client, id: i64) {
    put(
        client,
        "kept",
        ("id", int(id)),
        vec![
            ("label", Value::String(format!("row {id}"))),
            (
                "weight",
                Value::Double(f64::from(u8::try_from(id).unwrap_or(0)) / 3.0),
            ),
            (
                "raw",
                Value::Binary(vec![0, 0xFF, u8::try_from(id).unwrap_or(0)]),
            ),
        ],
    )
    .await;
}

async fn get_user(client: &Client, id: &str) -> Option<Row> {
    let reply: GetRowResponse = client
        .call(
            "GetRow",
            &GetRowRequest {
                table_name: "users".to_owned(),
                primary_key: encoded_key(&[("user_id", text(id))]),
                max_versions: Some(1),
                ..Default::default()
            },
        )
        .await
        .message();
    rows_of(&reply.row).into_iter().next()
}

/// The `id` of every delivered row, in object order.
fn delivered_ids(sandbox: &Sandbox) -> Vec<i64> {
    read_objects(sandbox, PREFIX)
        .iter()
        .flat_map(|object| &object.rows)
        .filter_map(|row| match row.iter().find(|(name, _)| name == "id") {
            Some((_, Field::Long(id))) => Some(*id),
            _ => None,
        })
        .collect()
}

async fn wait_for_delivered(sandbox: &Sandbox, expected: usize) -> Vec<i64> {
    let started = std::time::Instant::now();
    loop {
        let ids = delivered_ids(sandbox);
        if ids.len() >= expected {
            return ids;
        }
        assert!(started.elapsed() < WAIT, "delivered only {ids:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn kept_columns() -> proto::OssTaskConfig {
    delivery_support::config(
        PREFIX,
        &[
            ("id", "id", DataType::Int64),
            ("label", "label", DataType::Utf8),
            ("weight", "weight", DataType::Double),
        ],
    )
}

async fn get_object(sandbox: &Sandbox, key: &str) -> (u16, Vec<u8>, Option<String>) {
    let response = OssRequest::new("GET", Some("sandbox-archive"), key)
        .send(&sandbox.endpoints().oss)
        .await
        .expect("the sandbox answers");
    let meta = response
        .headers()
        .get("x-oss-meta-owner")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let status = response.status().as_u16();
    (
        status,
        response.bytes().await.expect("a body").to_vec(),
        meta,
    )
}

/// Tablestore: a created table with rows, a deleted seed table, a seed table changed.
async fn change_tables(client: &Client) {
    create_kept_table(client).await;
    for id in 1..=3 {
        put_kept(client, id).await;
    }
    let dropped = DeleteTableRequest {
        table_name: "empty_table".to_owned(),
    };
    assert_eq!(client.call("DeleteTable", &dropped).await.status, 200);
    put(
        client,
        "users",
        ("user_id", text("u9999")),
        vec![("name", Value::String("Kept".to_owned()))],
    )
    .await;
    let delete_seed_row = DeleteRowRequest {
        table_name: "users".to_owned(),
        primary_key: Bytes::from(
            encode_delete_row(&[("user_id".to_owned(), text("u0001"))]).expect("encodes"),
        ),
        condition: ignore(),
        ..Default::default()
    };
    assert_eq!(client.call("DeleteRow", &delete_seed_row).await.status, 200);
}

/// OSS: an object with user metadata; a seed object deleted; an empty seed bucket deleted.
async fn change_objects(first: &Sandbox) {
    let put_object = OssRequest::new("PUT", Some("sandbox-archive"), "notes/kept.txt")
        .header("x-oss-meta-owner", "analyst")
        .body(b"kept across restarts")
        .send(&first.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(put_object.status().as_u16(), 200);
    let delete_object = OssRequest::new("DELETE", Some("sandbox-archive"), "readme.txt")
        .send(&first.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(delete_object.status().as_u16(), 204);
    let delete_bucket = OssRequest::new("DELETE", Some(DELETED_BUCKET), "")
        .send(&first.endpoints().oss)
        .await
        .expect("answers");
    assert_eq!(delete_bucket.status().as_u16(), 204);
}

async fn assert_tables_kept(client: &Client) {
    let tables: ListTableResponse = client
        .call("ListTable", &proto::ListTableRequest {})
        .await
        .message();
    assert!(tables.table_names.contains(&"kept".to_owned()));
    assert!(!tables.table_names.contains(&"empty_table".to_owned()));
    let kept: GetRangeResponse = client
        .call(
            "GetRange",
            &range(
                "kept",
                &[("id", PrimaryKeyValue::InfMin)],
                &[("id", PrimaryKeyValue::InfMax)],
            ),
        )
        .await
        .message();
    let kept = rows_of(&kept.rows);
    assert_eq!(kept.len(), 4);
    assert_eq!(kept[2].primary_key, vec![("id".to_owned(), int(3))]);
    let cells: BTreeMap<&str, &Option<Value>> = kept[2]
        .cells
        .iter()
        .map(|c| (c.name.as_str(), &c.value))
        .collect();
    assert_eq!(cells["label"], &Some(Value::String("row 3".to_owned())));
    assert_eq!(cells["weight"], &Some(Value::Double(1.0)));
    assert_eq!(cells["raw"], &Some(Value::Binary(vec![0, 0xFF, 3])));
    assert!(
        get_user(client, "u9999").await.is_some(),
        "a row written on a seed table"
    );
    assert!(
        get_user(client, "u0001").await.is_none(),
        "a seed row deleted"
    );
    assert!(
        get_user(client, "u0002").await.is_some(),
        "untouched seed rows"
    );
}

#[tokio::test]
async fn a_restarted_sandbox_keeps_what_users_made_and_delivers_only_new_rows() {
    let dir = TempDir::new("restart");
    let first = start(dir.path()).await;
    let client = Client::demo(&first);
    change_tables(&client).await;
    change_objects(&first).await;

    // The role, then a task that delivers the three rows and follows new writes.
    create_delivery_role(&first).await;
    let created = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "kept",
                "kept-task",
                DeliveryTaskType::BaseInc,
                kept_columns(),
            ),
        )
        .await;
    assert_eq!(created.status, 200);
    assert_eq!(wait_for_delivered(&first, 3).await, vec![1, 2, 3]);
    put_kept(&client, 4).await;
    assert_eq!(wait_for_delivered(&first, 4).await, vec![1, 2, 3, 4]);
    let objects_before = read_objects(&first, PREFIX).len();
    first.stop().await;

    let second = start(dir.path()).await;
    let client = Client::demo(&second);
    assert_tables_kept(&client).await;
    assert_eq!(
        get_object(&second, "notes/kept.txt").await,
        (
            200,
            b"kept across restarts".to_vec(),
            Some("analyst".to_owned())
        )
    );
    assert_eq!(get_object(&second, "readme.txt").await.0, 404);
    assert_eq!(
        second.state().oss.bucket(DELETED_BUCKET),
        None,
        "a deleted bucket stays deleted"
    );
    assert!(second.state().oss.bucket("sandbox-logs-06").is_some());
    assert!(second.state().openapi.delivery_role_arn().is_some());

    let listed: ListDeliveryTaskResponse = client
        .call(
            "ListDeliveryTask",
            &ListDeliveryTaskRequest {
                table_name: Some("kept".to_owned()),
            },
        )
        .await
        .message();
    assert_eq!(listed.tasks.len(), 1);
    let described = delivery_support::describe(&client, "kept", "kept-task").await;
    assert_eq!(described.task_config, Some(kept_columns()));
    assert_eq!(
        described.task_sync_stat.and_then(|s| s.task_sync_phase),
        Some(TaskSyncPhase::Incr as i32)
    );
    let status = second
        .state()
        .delivery
        .task("kept", "kept-task")
        .expect("kept")
        .status();
    assert_eq!(status.rows_delivered, 4);
    assert_eq!(
        delivered_ids(&second),
        vec![1, 2, 3, 4],
        "the delivered files are back"
    );

    // Resumed, not restarted: only the new row is delivered, once, in a new object.
    put_kept(&client, 5).await;
    assert_eq!(wait_for_delivered(&second, 5).await, vec![1, 2, 3, 4, 5]);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        delivered_ids(&second),
        vec![1, 2, 3, 4, 5],
        "nothing delivered twice"
    );
    assert_eq!(read_objects(&second, PREFIX).len(), objects_before + 1);
    assert_eq!(total_rows(&read_objects(&second, PREFIX)), 5);
    second.stop().await;
}

#[tokio::test]
async fn a_fresh_folder_is_seeded_and_a_deleted_demo_task_stays_deleted() {
    let dir = TempDir::new("demo");
    let with_demo = SandboxConfig {
        demo_task: true,
        ..config(dir.path())
    };
    let first = Sandbox::start(with_demo.clone()).await.expect("starts");
    assert!(
        dir.path().join("state.json").exists() || {
            tokio::time::sleep(Duration::from_millis(300)).await;
            dir.path().join("state.json").exists()
        }
    );
    let client = Client::demo(&first);
    // Deleting is refused while the task initialises; wait for it to leave INIT.
    delivery_support::wait_for(&client, "orders", "orders-daily", WAIT, |s| {
        s.task_sync_phase != Some(TaskSyncPhase::Init as i32)
    })
    .await;
    let delete = proto::DeleteDeliveryTaskRequest {
        table_name: Some("orders".to_owned()),
        task_name: Some("orders-daily".to_owned()),
    };
    assert_eq!(client.call("DeleteDeliveryTask", &delete).await.status, 200);
    first.stop().await;

    let second = Sandbox::start(with_demo).await.expect("starts");
    assert!(second
        .state()
        .delivery
        .task("orders", "orders-daily")
        .is_none());
    second.stop().await;
}

async fn start_error(dir: &Path) -> String {
    Sandbox::start(config(dir))
        .await
        .expect_err("refused")
        .to_string()
}

#[tokio::test]
async fn an_unknown_version_or_a_damaged_file_stops_the_start_with_an_error_naming_the_file() {
    let dir = TempDir::new("damaged");
    start(dir.path()).await.stop().await;
    let state = dir.path().join("state.json");
    let saved = std::fs::read_to_string(&state).expect("saved");

    std::fs::write(&state, saved.replace("\"version\":1", "\"version\":99")).expect("written");
    let error = start_error(dir.path()).await;
    assert!(error.contains(&state.display().to_string()), "{error}");
    assert!(error.contains("version 99"), "{error}");

    std::fs::write(&state, &saved[..saved.len() / 2]).expect("written");
    let error = start_error(dir.path()).await;
    assert!(error.contains(&state.display().to_string()), "{error}");
    assert!(error.contains("damaged"), "{error}");

    std::fs::write(&state, &saved).expect("written");
    let other_rows = SandboxConfig {
        large_table_rows: 51,
        ..config(dir.path())
    };
    let error = Sandbox::start(other_rows)
        .await
        .expect_err("refused")
        .to_string();
    assert!(
        error.contains("50 large-table rows") && error.contains("51"),
        "{error}"
    );

    // A body file that no longer matches its object's MD5 is named too.
    let body = std::fs::read_dir(dir.path().join("objects"))
        .expect("objects")
        .next()
        .expect("a body")
        .expect("an entry")
        .path();
    std::fs::write(&body, b"tampered").expect("written");
    let error = start_error(dir.path()).await;
    assert!(error.contains(&body.display().to_string()), "{error}");

    // Nothing was reset: the state file is still the one saved.
    assert_eq!(std::fs::read_to_string(&state).expect("kept"), saved);
}

#[tokio::test]
async fn a_folder_in_use_by_a_running_sandbox_is_refused() {
    let dir = TempDir::new("locked");
    let first = start(dir.path()).await;
    let error = start_error(dir.path()).await;
    assert!(error.contains("in use by another sandbox"), "{error}");
    first.stop().await;
    start(dir.path()).await.stop().await;
}

#[tokio::test]
async fn seed_tables_are_saved_as_their_changes_only() {
    let dir = TempDir::new("small");
    let sandbox = Sandbox::start(SandboxConfig {
        large_table_rows: 200_000,
        ..config(dir.path())
    })
    .await
    .expect("starts");
    let client = Client::demo(&sandbox);
    put(
        &client,
        "orders",
        ("order_id", int(7)),
        vec![("status", Value::String("changed".to_owned()))],
    )
    .await;
    sandbox.stop().await;
    let size = std::fs::metadata(dir.path().join("state.json"))
        .expect("saved")
        .len();
    assert!(size < 8 * 1024, "state.json is {size} bytes");

    let again = Sandbox::start(SandboxConfig {
        large_table_rows: 200_000,
        ..config(dir.path())
    })
    .await
    .expect("starts");
    {
        let orders = again.state().tablestore.tables();
        let row = orders["orders"].get(&vec![int(7)]).expect("row 7");
        assert_eq!(
            row.columns["status"][0].value,
            Value::String("changed".to_owned())
        );
        assert!(
            orders["orders"].get(&vec![int(200_000)]).is_some(),
            "generated rows are there"
        );
    }
    again.stop().await;
}

/// The `kept` table with rows 1..=`rows`, and `kept-task` (BaseInc) once it delivered them.
async fn kept_table_delivered_by_kept_task(sandbox: &Sandbox, client: &Client, rows: i64) {
    create_kept_table(client).await;
    for id in 1..=rows {
        put_kept(client, id).await;
    }
    create_delivery_role(sandbox).await;
    let request = create_request(
        "kept",
        "kept-task",
        DeliveryTaskType::BaseInc,
        kept_columns(),
    );
    assert_eq!(
        client.call("CreateDeliveryTask", &request).await.status,
        200
    );
    let expected: Vec<i64> = (1..=rows).collect();
    assert_eq!(wait_for_delivered(sandbox, expected.len()).await, expected);
}

/// A state saved between an engine storing an object and reaching its next checkpoint: the
/// object is listed as uncommitted and the checkpoint is still at the start of the export.
/// (Made by editing a saved file, as the moment is too short to stop at reliably.)
fn rewind_to_before_the_export(dir: &Path, object_key: &str) {
    let path = dir.join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("saved")).expect("JSON");
    let task = &mut state["tasks"][0];
    let snapshot_ms = task["createdAtMs"].clone();
    task["checkpoint"] = serde_json::json!({
        "cursor": {"step": "full", "snapshotMs": snapshot_ms, "snapshotPosition": 3},
        // Past the deleted object's number, so a left-over object would show as a second one.
        "sequences": {PREFIX: 7},
        "phase": "FULL",
        "checkpointNs": 0,
        "rowsDelivered": 0,
        "objectsWritten": 0,
        "dirtyFields": 0,
    });
    task["uncommittedObjects"] = serde_json::json!([object_key]);
    std::fs::write(&path, serde_json::to_vec(&state).expect("JSON")).expect("written");
}

#[tokio::test]
async fn objects_stored_after_the_last_checkpoint_are_replaced_not_duplicated() {
    let dir = TempDir::new("rollback");
    let first = start(dir.path()).await;
    let client = Client::demo(&first);
    kept_table_delivered_by_kept_task(&first, &client, 3).await;
    let delivered = read_objects(&first, PREFIX);
    assert_eq!(delivered.len(), 1);
    first.stop().await;

    rewind_to_before_the_export(dir.path(), &delivered[0].key);
    let second = start(dir.path()).await;
    // The uncommitted object is deleted; the export runs again and writes its rows once.
    assert_eq!(wait_for_delivered(&second, 3).await, vec![1, 2, 3]);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(delivered_ids(&second), vec![1, 2, 3]);
    let redone = read_objects(&second, PREFIX);
    assert_eq!(redone.len(), 1);
    assert_ne!(redone[0].key, delivered[0].key);
    assert!(redone[0].key.ends_with("__7"), "{}", redone[0].key);
    let status = second
        .state()
        .delivery
        .task("kept", "kept-task")
        .expect("kept")
        .status();
    assert_eq!((status.rows_delivered, status.objects_written), (3, 1));
    second.stop().await;
}

/// States saved while DeleteTable still left a table's tasks behind hold a task whose table
/// is gone; made here by removing the table from a saved file.
fn forget_table(dir: &Path, table: &str) {
    let path = dir.join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("saved")).expect("JSON");
    let tables = state["tables"].as_array_mut().expect("a table list");
    let before = tables.len();
    tables.retain(|saved| saved["name"] != table);
    assert_eq!(tables.len(), before - 1, "the table was saved");
    std::fs::write(&path, serde_json::to_vec(&state).expect("JSON")).expect("written");
}

#[tokio::test]
async fn a_saved_task_whose_table_is_gone_is_dropped_on_start() {
    let dir = TempDir::new("orphan");
    let first = start(dir.path()).await;
    let client = Client::demo(&first);
    kept_table_delivered_by_kept_task(&first, &client, 1).await;
    first.stop().await;

    forget_table(dir.path(), "kept");
    let second = start(dir.path()).await;
    assert!(second.state().delivery.task("kept", "kept-task").is_none());
    // A new table of that name starts with no task and none of the old one's progress.
    let client = Client::demo(&second);
    create_kept_table(&client).await;
    let listed: ListDeliveryTaskResponse = client
        .call(
            "ListDeliveryTask",
            &ListDeliveryTaskRequest {
                table_name: Some("kept".to_owned()),
            },
        )
        .await
        .message();
    assert!(listed.tasks.is_empty(), "{:?}", listed.tasks);
    second.stop().await;
}
