//! The "done when": a 200,000-row BaseIncTask delivers every row exactly once, in the
//! partition of its event time, then follows new writes. Prints the delivery rate.

mod delivery_support;
mod openapi_support;
mod tablestore_support;

use std::time::{Duration, Instant};

use chrono::DateTime;
use delivery_support::{
    config, create_delivery_role, create_request, phase_is, read_objects, start, wait_for,
    with_event_time,
};
use parquet::record::Field;
use tablestore_support::Client;
use tablestore_wire::proto::event_column::EventTimeFormat;
use tablestore_wire::proto::parquet_schema::DataType;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::DeliveryTaskType;

const ROWS: u32 = 200_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200k_row_base_inc_task_delivers_every_row_once_in_its_event_day() {
    let sandbox = start(ROWS).await;
    let client = Client::demo(&sandbox);
    create_delivery_role(&sandbox).await;
    let columns = [
        ("order_id", "order_id", DataType::Int64),
        ("customer_id", "customer", DataType::Utf8),
        ("status", "status", DataType::Utf8),
        ("amount", "amount", DataType::Double),
        ("quantity", "quantity", DataType::Int64),
        ("paid", "paid", DataType::Bool),
        ("created_at", "created_at", DataType::Utf8),
    ];
    let task_config = with_event_time(
        config("big/dt=$yyyy$MM$dd", &columns),
        "created_at",
        EventTimeFormat::Rfc3339,
    );
    let reply = client
        .call(
            "CreateDeliveryTask",
            &create_request(
                "orders",
                "orders-all",
                DeliveryTaskType::BaseInc,
                task_config,
            ),
        )
        .await;
    assert_eq!(reply.status, 200);
    let started = Instant::now();
    let stat = wait_for(
        &client,
        "orders",
        "orders-all",
        Duration::from_mins(4),
        |s| phase_is(s, TaskSyncPhase::Incr),
    )
    .await;
    let elapsed = started.elapsed();
    assert_eq!(stat.error_code, None);
    let task = sandbox
        .state()
        .delivery
        .task("orders", "orders-all")
        .expect("task");
    let status = task.status();
    assert_eq!(status.rows_delivered, u64::from(ROWS));
    assert_eq!(status.dirty_fields, 0);
    let init = sandbox.state().delivery.timing().init_delay;
    let exporting = elapsed.saturating_sub(init).as_secs_f64();
    let rate = f64::from(ROWS) / exporting;
    println!(
        "delivered {ROWS} rows in {} objects in {:.2} s after INIT: {rate:.0} rows/s",
        status.objects_written, exporting
    );

    let objects = read_objects(&sandbox, "big/");
    let mut seen = vec![false; ROWS as usize + 1];
    for object in &objects {
        let folder = &object.key[..object.key.rfind('/').expect("a folder")];
        for row in &object.rows {
            let Field::Long(id) = row[0].1 else {
                panic!("order_id is INT64")
            };
            let index = usize::try_from(id).expect("positive");
            assert!(!seen[index], "order {id} delivered twice");
            seen[index] = true;
            let Field::Str(created) = &row[6].1 else {
                panic!("created_at is text")
            };
            let day = DateTime::parse_from_rfc3339(created)
                .expect("RFC3339")
                .format("big/dt=%Y%m%d")
                .to_string();
            assert_eq!(folder, day);
        }
    }
    assert!(seen[1..].iter().all(|&s| s), "every order delivered");
    // 200,000 orders 13 s apart span 31 days from 2026-01-01.
    assert_eq!(objects.len(), 31);
}
