//! A sandbox whose delivery tasks run in milliseconds, driven one JSON command per stdin line:
//! for the Python conformance test `tests/conformance/sandbox/test_delivery.py`, because no
//! official Python SDK has the delivery operations (spec `tablestore.md` 4.1).
//!
//! Prints the same JSON line as `sandbox --json`, then answers each command with one JSON line.
//! Every command goes to the sandbox as a signed HTTP call (the Rust tests' client), so the
//! Python side sees the wire behaviour:
//!
//! ```text
//! {"op":"create","table":"users","task":"users-py","type":"BASE_INC","prefix":"py/$yyyy",
//!  "bucket":"sandbox-delivery","role":"acs:ram::…","schema":[["user_id","id","UTF8"]],
//!  "eventTime":{"column":"created_at","format":"RFC3339"}}
//! {"op":"describe","table":"users","task":"users-py"}
//! {"op":"list","table":"users"}      {"op":"delete","table":"users","task":"users-py"}
//! ```
//! Answers carry `status`, and `code` + `message` for errors. Exits when stdin closes.

#[path = "../tests/tablestore_support/mod.rs"]
mod tablestore_support;

use std::io::BufRead as _;

use prost::Message as _;
use sandbox::accounts::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET,
};
use sandbox::delivery::DeliveryTiming;
use sandbox::{Sandbox, SandboxConfig};
use serde_json::{json, Value};
use tablestore_support::{Client, Reply};
use tablestore_wire::proto::{
    self, event_column, parquet_schema, task_sync_stat, CreateDeliveryTaskRequest,
    DeleteDeliveryTaskRequest, DeliveryTaskType, DescribeDeliveryTaskRequest,
    DescribeDeliveryTaskResponse, ErrorType, ListDeliveryTaskRequest, ListDeliveryTaskResponse,
};

fn text(command: &Value, name: &str) -> Option<String> {
    command.get(name).and_then(Value::as_str).map(str::to_owned)
}

fn create_request(command: &Value) -> CreateDeliveryTaskRequest {
    let schema = command
        .get("schema")
        .and_then(Value::as_array)
        .map(|columns| {
            columns
                .iter()
                .map(|column| {
                    let part = |i: usize| column.get(i).and_then(Value::as_str).map(str::to_owned);
                    proto::ParquetSchema {
                        column_name: part(0),
                        oss_column_name: part(1),
                        r#type: part(2)
                            .and_then(|t| parquet_schema::DataType::from_str_name(&t))
                            .map(|t| t as i32),
                        encode: Some(proto::Encoding::Plain as i32),
                        type_extend: None,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let event_time_column = command.get("eventTime").map(|event| proto::EventColumn {
        column_name: text(event, "column"),
        time_format: text(event, "format")
            .and_then(|f| event_column::EventTimeFormat::from_str_name(&f))
            .map(|f| f as i32),
    });
    let bucket = text(command, "bucket");
    CreateDeliveryTaskRequest {
        table_name: text(command, "table"),
        task_name: text(command, "task"),
        task_type: text(command, "type")
            .and_then(|t| DeliveryTaskType::from_str_name(&t))
            .map(|t| t as i32),
        task_config: Some(proto::OssTaskConfig {
            oss_prefix: text(command, "prefix"),
            oss_endpoint: Some("oss-cn-hangzhou.aliyuncs.com".to_owned()),
            oss_bucket: bucket,
            oss_sts_role: text(command, "role"),
            event_time_column,
            format: Some(proto::Format::Parquet as i32),
            schema,
            ..proto::OssTaskConfig::default()
        }),
    }
}

fn failure(reply: &Reply) -> Value {
    let error = reply.error();
    json!({"status": reply.status, "code": error.code, "message": error.message})
}

fn describe_answer(reply: &Reply) -> Value {
    let described: DescribeDeliveryTaskResponse = reply.message();
    let stat = described.task_sync_stat.unwrap_or_default();
    let config = described.task_config.unwrap_or_default();
    json!({
        "status": reply.status,
        "type": described.task_type.and_then(|t| DeliveryTaskType::try_from(t).ok()).map(|t| t.as_str_name()),
        "phase": stat.task_sync_phase
            .and_then(|p| task_sync_stat::TaskSyncPhase::try_from(p).ok())
            .map(|p| p.as_str_name()),
        "checkpoint": stat.current_sync_timestamp,
        "errorCode": stat.error_code.and_then(|e| ErrorType::try_from(e).ok()).map(|e| e.as_str_name()),
        "detail": stat.detail,
        "bucket": config.oss_bucket,
        "prefix": config.oss_prefix,
    })
}

async fn run(client: &Client, command: &Value) -> Value {
    let table = text(command, "table");
    let task = text(command, "task");
    let (operation, body) = match command.get("op").and_then(Value::as_str) {
        Some("create") => (
            "CreateDeliveryTask",
            create_request(command).encode_to_vec(),
        ),
        Some("describe") => (
            "DescribeDeliveryTask",
            DescribeDeliveryTaskRequest {
                table_name: table,
                task_name: task,
            }
            .encode_to_vec(),
        ),
        Some("delete") => (
            "DeleteDeliveryTask",
            DeleteDeliveryTaskRequest {
                table_name: table,
                task_name: task,
            }
            .encode_to_vec(),
        ),
        Some("list") => (
            "ListDeliveryTask",
            ListDeliveryTaskRequest { table_name: table }.encode_to_vec(),
        ),
        other => return json!({"status": 0, "message": format!("unknown op {other:?}")}),
    };
    let reply = client
        .send_raw(operation, body.clone(), &body)
        .await
        .expect("the sandbox answers");
    if reply.status != 200 {
        return failure(&reply);
    }
    match operation {
        "DescribeDeliveryTask" => describe_answer(&reply),
        "ListDeliveryTask" => {
            let listed: ListDeliveryTaskResponse = reply.message();
            let tasks: Vec<Value> = listed
                .tasks
                .iter()
                .map(|t| {
                    json!({
                        "table": t.table_name,
                        "task": t.task_name,
                        "type": t.task_type.and_then(|v| DeliveryTaskType::try_from(v).ok()).map(|v| v.as_str_name()),
                    })
                })
                .collect();
            json!({"status": 200, "tasks": tasks})
        }
        _ => json!({"status": 200}),
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows = args
        .iter()
        .position(|a| a == "--large-table-rows")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5000);
    let sandbox = Sandbox::start(SandboxConfig {
        large_table_rows: rows,
        delivery: DeliveryTiming::fast(),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts");
    let state = sandbox.state();
    let e = sandbox.endpoints();
    println!(
        "{}",
        json!({
            "tablestore": e.tablestore, "oss": e.oss, "openapi": e.openapi, "admin": e.admin,
            "region": state.region, "instance": state.instance,
            "accessKeyId": DEMO_ACCESS_KEY_ID, "accessKeySecret": DEMO_ACCESS_KEY_SECRET,
            "limitedAccessKeyId": LIMITED_ACCESS_KEY_ID,
            "limitedAccessKeySecret": LIMITED_ACCESS_KEY_SECRET,
        })
    );
    let client = Client::demo(&sandbox);
    let (lines, mut commands) = tokio::sync::mpsc::channel::<String>(16);
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if lines.blocking_send(line).is_err() {
                break;
            }
        }
    });
    while let Some(line) = commands.recv().await {
        let answer = match serde_json::from_str::<Value>(&line) {
            Ok(command) => run(&client, &command).await,
            Err(error) => json!({"status": 0, "message": format!("not JSON: {error}")}),
        };
        println!("{answer}");
    }
    sandbox.stop().await;
}
