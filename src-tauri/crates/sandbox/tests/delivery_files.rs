//! How delivered rows become objects: files roll by size and by interval with increasing
//! SequenceIDs, a row without a readable event time is placed by its write time, and the
//! checkpoint (nanoseconds) passes a write once that write is in OSS.

mod delivery_support;
mod openapi_support;
mod tablestore_support;

use std::time::{Duration, Instant};

use bytes::Bytes;
use delivery_support::{
    config, create_delivery_role, create_request, phase_is, read_objects, total_rows, wait_for,
    with_event_time, BUCKET,
};
use sandbox::delivery::DeliveryTiming;
use sandbox::{Sandbox, SandboxConfig};
use tablestore_support::Client;
use tablestore_wire::plainbuffer::encode_row;
use tablestore_wire::proto::event_column::EventTimeFormat;
use tablestore_wire::proto::parquet_schema::DataType;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{Condition, DeliveryTaskType, PutRowRequest, RowExistenceExpectation};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

const WAIT: Duration = Duration::from_secs(20);

async fn start(rows: u32, timing: DeliveryTiming) -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows: rows,
        delivery: timing,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

async fn put_user(client: &Client, id: &str) {
    let row = Row {
        primary_key: vec![("user_id".to_owned(), PrimaryKeyValue::String(id.to_owned()))],
        cells: vec![Cell {
            name: "name".to_owned(),
            value: Some(Value::String(format!("name of {id}"))),
            timestamp: None,
        }],
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
    assert_eq!(client.call("PutRow", &request).await.status, 200);
}

fn keys(sandbox: &Sandbox, prefix: &str) -> Vec<String> {
    sandbox
        .state()
        .oss
        .list_objects(BUCKET, prefix)
        .expect("bucket")
        .iter()
        .map(|o| o.key.clone())
        .collect()
}

#[tokio::test]
async fn files_roll_by_size_with_sequence_ids_counting_up_from_one() {
    let timing = DeliveryTiming {
        roll_bytes: 16 * 1024,
        ..DeliveryTiming::fast()
    };
    let sandbox = start(3000, timing).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let columns = [
        ("order_id", "order_id", DataType::Int64),
        ("customer_id", "customer", DataType::Utf8),
    ];
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "orders",
                "sized",
                DeliveryTaskType::Base,
                config("sized", &columns),
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    wait_for(&client, "orders", "sized", WAIT, |s| {
        s.current_sync_timestamp.unwrap_or(0) > 0
    })
    .await;
    let objects = read_objects(&sandbox, "sized/");
    assert_eq!(total_rows(&objects), 3000);
    // 19 bytes of mapped data a row (8 + "C012345" + its length) against a 16 KiB limit:
    // a file every 863 rows.
    assert_eq!(objects.len(), 4, "{:?}", keys(&sandbox, "sized/"));
    assert_eq!(objects.iter().map(|o| o.rows.len()).max(), Some(863));
    let mut expected: Vec<String> = (1..=objects.len())
        .map(|n| format!("sized/sized_0_sized__{n}"))
        .collect();
    expected.sort();
    assert_eq!(keys(&sandbox, "sized/"), expected);
}

#[tokio::test]
async fn rows_without_a_readable_event_time_are_placed_by_their_write_time() {
    let sandbox = start(100, DeliveryTiming::fast()).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    // `email` is no time at all (and missing in some rows).
    let task_config = with_event_time(
        config(
            "by-time/$yyyy-$MM-$dd",
            &[("user_id", "id", DataType::Utf8)],
        ),
        "email",
        EventTimeFormat::Rfc3339,
    );
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request("users", "fallback", DeliveryTaskType::Base, task_config),
        )
        .await;
    assert_eq!(reply.status, 200);
    wait_for(&client, "users", "fallback", WAIT, |s| {
        s.current_sync_timestamp.unwrap_or(0) > 0
    })
    .await;
    // The seed users were written on 2026-01-01.
    assert_eq!(
        keys(&sandbox, "by-time/"),
        vec!["by-time/2026-01-01/fallback_0_by-time_2026-01-01__1".to_owned()]
    );
}

#[tokio::test]
async fn the_incremental_phase_rolls_files_by_interval_and_moves_the_checkpoint_past_each_write() {
    let timing = DeliveryTiming {
        roll_interval: Duration::from_millis(300),
        ..DeliveryTiming::fast()
    };
    let sandbox = start(100, timing).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "users",
                "ticking",
                DeliveryTaskType::Inc,
                config("tick", &[("user_id", "id", DataType::Utf8)]),
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    wait_for(&client, "users", "ticking", WAIT, |s| {
        phase_is(s, TaskSyncPhase::Incr)
    })
    .await;

    for (n, id) in ["first", "second"].into_iter().enumerate() {
        let written_ns = chrono::Utc::now().timestamp_nanos_opt().expect("in range");
        let sent = Instant::now();
        put_user(&client, id).await;
        let stat = wait_for(&client, "users", "ticking", WAIT, |s| {
            s.current_sync_timestamp.unwrap_or(0) > written_ns
        })
        .await;
        assert_eq!(stat.error_code, None);
        // Not before the roll interval: the file stays open until then.
        assert!(sent.elapsed() >= Duration::from_millis(300));
        let keys = keys(&sandbox, "tick/");
        assert_eq!(
            keys,
            vec![
                "tick/ticking_0_tick__1".to_owned(),
                "tick/ticking_0_tick__2".to_owned()
            ][..=n]
        );
    }
    assert_eq!(total_rows(&read_objects(&sandbox, "tick/")), 2);
}
