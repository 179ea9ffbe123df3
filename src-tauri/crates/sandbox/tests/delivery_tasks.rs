//! Delivery tasks over HTTP: what Create refuses (bad name, duplicate, unknown table, missing
//! fields), what only Describe shows (missing or wrong role, bucket in another region), List,
//! Delete (refused during INIT, keeps files), and the engine's output for each task type read
//! back from the OSS store with the `parquet` crate.

mod delivery_support;
mod openapi_support;
mod tablestore_support;

use std::collections::BTreeSet;
use std::time::Duration;

use bytes::Bytes;
use chrono::DateTime;
use delivery_support::{
    config, create_delivery_role, create_request, describe, phase_is, read_objects, start,
    total_rows, wait_for, with_event_time, Column, BUCKET,
};
use parquet::record::Field;
use tablestore_support::Client;
use tablestore_wire::plainbuffer::encode_row;
use tablestore_wire::proto::event_column::EventTimeFormat;
use tablestore_wire::proto::parquet_schema::DataType;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    Condition, DeleteDeliveryTaskRequest, DeliveryTaskType, ErrorType, ListDeliveryTaskRequest,
    ListDeliveryTaskResponse, PutRowRequest, RowExistenceExpectation,
};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

const WAIT: Duration = Duration::from_secs(20);

const USER_COLUMNS: [Column<'static>; 4] = [
    ("user_id", "id", DataType::Utf8),
    ("name", "name", DataType::Utf8),
    ("age", "age", DataType::Int64),
    ("active", "active", DataType::Bool),
];

async fn put_user(client: &Client, id: &str, name: &str, age: i64) {
    let row = Row {
        primary_key: vec![("user_id".to_owned(), PrimaryKeyValue::String(id.to_owned()))],
        cells: vec![
            Cell {
                name: "name".to_owned(),
                value: Some(Value::String(name.to_owned())),
                timestamp: None,
            },
            Cell {
                name: "age".to_owned(),
                value: Some(Value::Integer(age)),
                timestamp: None,
            },
        ],
    };
    let request = PutRowRequest {
        table_name: "users".to_owned(),
        row: Bytes::from(encode_row(&row).expect("encodes")),
        condition: Condition {
            row_existence: RowExistenceExpectation::Ignore as i32,
            column_condition: None,
        },
        ..Default::default()
    };
    let reply = client.call("PutRow", &request).await;
    assert_eq!(reply.status, 200);
}

fn error_of(reply: &tablestore_support::Reply) -> (u16, String, String) {
    let error = reply.error();
    (reply.status, error.code, error.message.unwrap_or_default())
}

#[tokio::test]
async fn create_refuses_bad_names_duplicates_unknown_tables_and_missing_fields() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    let good = || config("users", &USER_COLUMNS);

    let bad_name = client
        .call(
            "CreateDeliveryTask",
            &create_request("users", "Bad_Name", DeliveryTaskType::Base, good()),
        )
        .await;
    let (status, code, message) = error_of(&bad_name);
    assert_eq!((status, code.as_str()), (400, "OTSParameterInvalid"));
    assert!(message.contains("Invalid task name"), "{message}");

    let unknown_table = client
        .call(
            "CreateDeliveryTask",
            &create_request("no_such_table", "task1", DeliveryTaskType::Base, good()),
        )
        .await;
    assert_eq!(
        error_of(&unknown_table),
        (
            404,
            "OTSObjectNotExist".to_owned(),
            "Requested table does not exist.".to_owned()
        )
    );

    let mut no_bucket = good();
    no_bucket.oss_bucket = None;
    let missing = client
        .call(
            "CreateDeliveryTask",
            &create_request("users", "task1", DeliveryTaskType::Base, no_bucket),
        )
        .await;
    assert_eq!(
        error_of(&missing),
        (
            400,
            "OTSParameterInvalid".to_owned(),
            "The OSS bucket is required.".to_owned()
        )
    );

    let first = client
        .call(
            "CreateDeliveryTask",
            &create_request("users", "task1", DeliveryTaskType::Base, good()),
        )
        .await;
    assert_eq!(first.status, 200);
    assert!(first.body.is_empty());
    let again = client
        .call(
            "CreateDeliveryTask",
            &create_request("users", "task1", DeliveryTaskType::Inc, good()),
        )
        .await;
    assert_eq!(
        error_of(&again),
        (
            409,
            "OTSObjectAlreadyExist".to_owned(),
            "Requested delivery task already exists.".to_owned()
        )
    );
    // Names are unique per table: the same name on another table is a different task.
    let other_table = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "page_views",
                "task1",
                DeliveryTaskType::Base,
                config("pv", &[("url", "url", DataType::Utf8)]),
            ),
        )
        .await;
    assert_eq!(other_table.status, 200);

    let listed: ListDeliveryTaskResponse = client
        .call(
            "ListDeliveryTask",
            &ListDeliveryTaskRequest {
                table_name: Some("users".to_owned()),
            },
        )
        .await
        .message();
    let names: Vec<_> = listed
        .tasks
        .iter()
        .map(|t| (t.table_name.clone(), t.task_name.clone(), t.task_type))
        .collect();
    assert_eq!(
        names,
        vec![(
            Some("users".to_owned()),
            Some("task1".to_owned()),
            Some(DeliveryTaskType::Base as i32)
        )]
    );
}

#[tokio::test]
async fn a_missing_role_a_wrong_role_and_a_bucket_in_another_region_show_in_describe() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    let create = |task: &str, config| {
        let request = create_request("users", task, DeliveryTaskType::BaseInc, config);
        let client = client.clone();
        async move { client.call("CreateDeliveryTask", &request).await.status }
    };
    // All three are accepted: the service finds these problems only later.
    assert_eq!(create("no-role-yet", config("a", &USER_COLUMNS)).await, 200);
    let mut wrong_role = config("b", &USER_COLUMNS);
    wrong_role.oss_sts_role = Some("acs:ram::1234567890123456:role/someotherrole".to_owned());
    assert_eq!(create("wrong-role", wrong_role).await, 200);
    let mut far_bucket = config("c", &USER_COLUMNS);
    far_bucket.oss_bucket = Some("sandbox-beijing".to_owned());
    assert_eq!(create("far-bucket", far_bucket).await, 200);

    let stat = wait_for(&client, "users", "no-role-yet", WAIT, |s| {
        s.error_code.is_some()
    })
    .await;
    assert_eq!(stat.error_code, Some(ErrorType::Unauthorized as i32));
    assert!(
        stat.detail
            .as_deref()
            .is_some_and(|d| d.contains("AliyunServiceRoleForOTSDataDelivery does not exist")),
        "{stat:?}"
    );

    create_delivery_role(&sandbox).await;
    let healed = wait_for(&client, "users", "no-role-yet", WAIT, |s| {
        s.error_code.is_none() && phase_is(s, TaskSyncPhase::Incr)
    })
    .await;
    assert_eq!(healed.detail, None);
    assert!(healed.current_sync_timestamp.unwrap_or(0) > 1_700_000_000_000_000_000);
    assert_eq!(total_rows(&read_objects(&sandbox, "a/")), 40);

    let wrong = wait_for(&client, "users", "wrong-role", WAIT, |s| {
        s.error_code.is_some()
    })
    .await;
    assert_eq!(wrong.error_code, Some(ErrorType::Unauthorized as i32));
    assert!(wrong
        .detail
        .as_deref()
        .is_some_and(|d| d.contains("someotherrole")));

    let far = wait_for(&client, "users", "far-bucket", WAIT, |s| {
        s.error_code == Some(ErrorType::InvalidOssBucket as i32)
    })
    .await;
    assert_eq!(
        far.detail.as_deref(),
        Some("The OSS bucket 'sandbox-beijing' is in cn-beijing, not in the instance's region cn-hangzhou.")
    );
    assert!(sandbox
        .state()
        .oss
        .list_objects("sandbox-beijing", "c/")
        .expect("exists")
        .is_empty());
    // Describe returns the configuration as stored.
    let described = describe(&client, "users", "far-bucket").await;
    assert_eq!(
        described.task_config.and_then(|c| c.oss_bucket).as_deref(),
        Some("sandbox-beijing")
    );
    assert_eq!(described.task_type, Some(DeliveryTaskType::BaseInc as i32));
}

#[tokio::test]
async fn a_base_task_exports_every_row_once_partitioned_by_event_time_with_dirty_fields_dropped() {
    let sandbox = start(3000).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let columns = [
        ("order_id", "order_id", DataType::Int64),
        ("status", "status", DataType::Utf8),
        ("amount", "amount", DataType::Double),
        ("paid", "paid", DataType::Bool),
        ("created_at", "created_at", DataType::Utf8),
        ("coupon_code", "coupon", DataType::Utf8),
        // INTEGER into UTF8: every value is dirty and dropped.
        ("quantity", "quantity_text", DataType::Utf8),
    ];
    let task_config = with_event_time(
        config("orders/$yyyy/$MM/$dd", &columns),
        "created_at",
        EventTimeFormat::Rfc3339,
    );
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request("orders", "orders-base", DeliveryTaskType::Base, task_config),
        )
        .await;
    assert_eq!(reply.status, 200);
    let init = describe(&client, "orders", "orders-base").await;
    assert!(phase_is(
        init.task_sync_stat.as_ref().expect("stat"),
        TaskSyncPhase::Init
    ));

    let done = wait_for(&client, "orders", "orders-base", WAIT, |s| {
        s.current_sync_timestamp.unwrap_or(0) > 0
    })
    .await;
    assert!(phase_is(&done, TaskSyncPhase::Full));
    assert_eq!(done.error_code, None);

    let objects = read_objects(&sandbox, "orders/");
    assert_eq!(total_rows(&objects), 3000);
    let mut ids = BTreeSet::new();
    for object in &objects {
        assert_eq!(
            object.columns,
            vec![
                ("order_id".into(), "INT64".into(), "NONE".into()),
                ("status".into(), "BYTE_ARRAY".into(), "UTF8".into()),
                ("amount".into(), "DOUBLE".into(), "NONE".into()),
                ("paid".into(), "BOOLEAN".into(), "NONE".into()),
                ("created_at".into(), "BYTE_ARRAY".into(), "UTF8".into()),
                ("coupon".into(), "BYTE_ARRAY".into(), "UTF8".into()),
                ("quantity_text".into(), "BYTE_ARRAY".into(), "UTF8".into()),
            ]
        );
        // orders/2026/01/01/orders-base_0_orders_2026_01_01__1
        let folder = &object.key[..object.key.rfind('/').expect("a folder")];
        let expected_name = format!("orders-base_0_{}__1", folder.replace('/', "_"));
        assert_eq!(&object.key[folder.len() + 1..], expected_name);
        for row in &object.rows {
            let Field::Long(id) = row[0].1 else {
                panic!("order_id is INT64: {row:?}")
            };
            assert!(ids.insert(id), "order {id} delivered twice");
            let Field::Str(created) = &row[4].1 else {
                panic!("created_at is text")
            };
            let day = DateTime::parse_from_rfc3339(created)
                .expect("RFC3339")
                .format("orders/%Y/%m/%d")
                .to_string();
            assert_eq!(
                folder, day,
                "row {id} is in the partition of its event time"
            );
            assert_eq!(row[6].1, Field::Null, "a mismatched type is dropped");
            assert!(matches!(row[5].1, Field::Null | Field::Str(_)));
        }
    }
    assert_eq!(ids, (1..=3000).collect());
    // 3000 orders 13 s apart span eleven hours of 2026-01-01.
    assert_eq!(objects.len(), 1);
    assert_eq!(
        objects[0].key,
        "orders/2026/01/01/orders-base_0_orders_2026_01_01__1"
    );
    let status = sandbox
        .state()
        .delivery
        .task("orders", "orders-base")
        .expect("task")
        .status();
    assert_eq!((status.rows_delivered, status.dirty_fields), (3000, 3000));
}

#[tokio::test]
async fn an_inc_task_exports_only_rows_written_after_it_was_created() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    put_user(&client, "before", "Written before", 1).await;
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "users",
                "users-inc",
                DeliveryTaskType::Inc,
                config("users-inc", &USER_COLUMNS),
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    put_user(&client, "new-1", "First new", 30).await;
    wait_for(&client, "users", "users-inc", WAIT, |s| {
        phase_is(s, TaskSyncPhase::Incr)
    })
    .await;
    put_user(&client, "new-2", "Second new", 31).await;
    put_user(&client, "new-2", "Second new, updated", 32).await;

    let updated = Field::Str("Second new, updated".to_owned());
    let started = std::time::Instant::now();
    while !read_objects(&sandbox, "users-inc/")
        .iter()
        .flat_map(|o| &o.rows)
        .any(|row| row[1].1 == updated)
    {
        assert!(started.elapsed() < WAIT, "the update never arrived");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let objects = read_objects(&sandbox, "users-inc/");
    assert!(objects[0]
        .key
        .starts_with("users-inc/users-inc_0_users-inc__"));
    let mut rows: Vec<_> = objects.iter().flat_map(|o| o.rows.clone()).collect();
    rows.sort_by_key(|row| format!("{}", row[0].1));
    let last = rows.last().expect("rows").clone();
    assert_eq!(
        last,
        vec![
            ("id".to_owned(), Field::Str("new-2".to_owned())),
            (
                "name".to_owned(),
                Field::Str("Second new, updated".to_owned())
            ),
            ("age".to_owned(), Field::Long(32)),
            ("active".to_owned(), Field::Null),
        ]
    );
    let ids: BTreeSet<String> = rows.iter().map(|row| format!("{}", row[0].1)).collect();
    assert_eq!(ids, ["\"new-1\"", "\"new-2\""].map(str::to_owned).into());
}

#[tokio::test]
async fn a_base_inc_task_exports_the_table_then_new_writes_partitioned_by_write_time() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "users",
                "users-all",
                DeliveryTaskType::BaseInc,
                config("all/year=$yyyy", &USER_COLUMNS),
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    wait_for(&client, "users", "users-all", WAIT, |s| {
        phase_is(s, TaskSyncPhase::Incr)
    })
    .await;
    // The seed rows were written in 2026.
    assert_eq!(total_rows(&read_objects(&sandbox, "all/year=2026/")), 40);
    put_user(&client, "fresh", "Fresh", 5).await;
    let this_year = chrono::Utc::now().format("all/year=%Y/").to_string();
    let started = std::time::Instant::now();
    loop {
        let objects = read_objects(&sandbox, &this_year);
        let fresh = objects
            .iter()
            .flat_map(|o| &o.rows)
            .filter(|row| row[0].1 == Field::Str("fresh".to_owned()))
            .count();
        if fresh == 1 {
            break;
        }
        assert!(started.elapsed() < WAIT, "the new row never arrived");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn delete_is_refused_during_init_then_stops_the_task_and_keeps_its_files() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "users",
                "short-lived",
                DeliveryTaskType::BaseInc,
                config("short", &USER_COLUMNS),
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    let delete = DeleteDeliveryTaskRequest {
        table_name: Some("users".to_owned()),
        task_name: Some("short-lived".to_owned()),
    };
    let early = client.call("DeleteDeliveryTask", &delete).await;
    assert_eq!(
        (early.status, early.error().code.as_str()),
        (400, "OTSParameterInvalid")
    );

    wait_for(&client, "users", "short-lived", WAIT, |s| {
        phase_is(s, TaskSyncPhase::Incr)
    })
    .await;
    let deleted = client.call("DeleteDeliveryTask", &delete).await;
    assert_eq!((deleted.status, deleted.body.len()), (200, 0));
    let gone = client.call("DeleteDeliveryTask", &delete).await;
    assert_eq!(
        (gone.status, gone.error().code.as_str()),
        (404, "OTSObjectNotExist")
    );

    put_user(&client, "after-delete", "Too late", 9).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let objects = read_objects(&sandbox, "short/");
    assert_eq!(
        total_rows(&objects),
        40,
        "files stay, later writes are not delivered"
    );
    assert!(sandbox.state().oss.bucket(BUCKET).is_some());
}

#[tokio::test]
async fn a_busy_answer_creates_nothing_and_the_limited_key_may_list_but_not_create() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    let request = create_request(
        "users",
        "busy-task",
        DeliveryTaskType::Base,
        config("busy", &USER_COLUMNS),
    );
    sandbox
        .state()
        .apply_faults(sandbox::faults::FaultSettings {
            busy_rate: 1.0,
            operations: vec!["CreateDeliveryTask".to_owned()],
            ..Default::default()
        });
    let busy = client.call("CreateDeliveryTask", &request).await;
    assert_eq!(
        (busy.status, busy.error().code.as_str()),
        (503, "OTSServerBusy")
    );
    sandbox
        .state()
        .apply_faults(sandbox::faults::FaultSettings::default());
    let list = ListDeliveryTaskRequest {
        table_name: Some("users".to_owned()),
    };
    let listed: ListDeliveryTaskResponse = client.call("ListDeliveryTask", &list).await.message();
    assert!(listed.tasks.is_empty());

    let limited = Client {
        access_key_id: sandbox::accounts::LIMITED_ACCESS_KEY_ID.to_owned(),
        secret: sandbox::accounts::LIMITED_ACCESS_KEY_SECRET.to_owned(),
        ..client.clone()
    };
    let denied = limited.call("CreateDeliveryTask", &request).await;
    assert_eq!(
        (denied.status, denied.error().code.as_str()),
        (403, "OTSNoPermissionAccess")
    );
    assert_eq!(limited.call("ListDeliveryTask", &list).await.status, 200);
    assert_eq!(
        client.call("CreateDeliveryTask", &request).await.status,
        200
    );
}
