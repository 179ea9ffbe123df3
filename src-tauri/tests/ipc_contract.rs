//! Drives the real commands through Tauri's IPC dispatch (`MockRuntime`, with the app's real
//! config and capability file) and pins the JSON the web view receives.
#![cfg(feature = "test")]

use app_services::AppServices;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

struct TestApp {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    data_dir: tempfile::TempDir,
}

fn test_app() -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut context = tauri::generate_context!();
    // Tauri creates the identifier's data folder; tests must never touch the release one.
    "com.tablestore-delivery-studio.ipc-tests".clone_into(&mut context.config_mut().identifier);
    let app = studio_app::with_plugins(studio_app::with_commands(mock_builder()))
        .build(context)
        .expect("app builds");
    let vault = app_services::vaults::in_memory("tests.ipc-contract");
    app.manage(
        AppServices::new("0.1.0", data_dir.path(), data_dir.path(), vault).with_sandbox_rows(500),
    );
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .expect("window builds");
    TestApp {
        _app: app,
        window,
        data_dir,
    }
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // Tauri serves IPC from this origin on Linux and macOS.
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: tauri::http::HeaderMap::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("json body"))
}

#[test]
fn app_info_answers_with_the_pinned_json_shape() {
    let app = test_app();
    let mut reply = invoke(&app.window, "app_info", json!({})).expect("app_info succeeds");
    let data_dir = reply["dataDir"].take();
    assert_eq!(
        reply,
        json!({
            "version": "0.1.0",
            "dataDir": null,
            "sandbox": { "running": false, "endpoints": null },
            "locale": null
        })
    );
    assert_eq!(
        data_dir.as_str().map(std::path::Path::new),
        Some(app.data_dir.path())
    );
}

#[test]
fn a_refused_argument_arrives_as_the_pinned_ipc_error() {
    let app = test_app();
    let error = invoke(&app.window, "set_locale", json!({ "locale": "fr" }))
        .expect_err("fr has no catalogue");
    assert_eq!(
        error,
        json!({
            "code": "invalid_input",
            "message": "The language 'fr' has no translation in this app.",
            "remedy": "Choose English (en) or 简体中文 (zh-CN).",
            "serviceCode": null,
            "requestId": null
        })
    );
}

#[test]
fn a_stored_locale_comes_back_in_app_info() {
    let app = test_app();
    invoke(&app.window, "set_locale", json!({ "locale": "zh-CN" })).expect("stores");
    let reply = invoke(&app.window, "app_info", json!({})).expect("app_info succeeds");
    assert_eq!(reply["locale"], json!("zh-CN"));
}

#[test]
fn every_listed_command_is_served_and_an_unlisted_one_is_refused() {
    let app = test_app();
    for name in studio_app::COMMAND_NAMES {
        // Arguments may be wrong here; what matters is that the command was found and allowed.
        if let Err(error) = invoke(
            &app.window,
            name,
            json!({ "locale": null, "profile": "nobody!" }),
        ) {
            let text = error.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{name}: {text}"
            );
        }
    }
    let error = invoke(&app.window, "delete_everything", json!({})).expect_err("unknown");
    assert!(error.to_string().contains("not found"), "{error}");
    // The plugins' own commands exist in the app but the capability file grants none of them.
    for plugin_command in [
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:window-state|save_window_state",
    ] {
        let error = invoke(&app.window, plugin_command, json!({})).expect_err(plugin_command);
        assert!(
            error.to_string().contains("not allowed"),
            "{plugin_command}: {error}"
        );
    }
}

#[test]
fn the_capability_grants_exactly_the_listed_commands() {
    let capability: Value = serde_json::from_str(include_str!("../capabilities/default.json"))
        .expect("capability is JSON");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions array")
        .iter()
        .map(|p| p.as_str().expect("permission is a string").to_owned())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = studio_app::COMMAND_NAMES
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    expected.sort();
    assert_eq!(granted, expected);
}

const TEST_SECRET: &str = "SentinelSecretValue0123456789";

fn new_profile(name: &str, secret: &str) -> Value {
    json!({
        "request": {
            "name": name,
            "accessKeyId": "LTAI5tTestKeyId00000001",
            "accessKeySecret": secret,
            "region": "cn-hangzhou",
            "instanceName": "prod-orders",
        }
    })
}

#[test]
fn the_sandbox_profile_is_listed_first_and_stopped_before_it_starts() {
    let app = test_app();
    let profiles = invoke(&app.window, "list_profiles", json!({})).expect("lists");
    assert_eq!(profiles[0]["name"], json!("sandbox"));
    assert_eq!(profiles[0]["status"], json!("sandbox_stopped"));
}

#[test]
fn a_created_profile_is_listed_and_its_secret_never_comes_back() {
    let app = test_app();
    let created = invoke(
        &app.window,
        "create_profile",
        new_profile("prod", TEST_SECRET),
    )
    .expect("creates");
    let listed = invoke(&app.window, "list_profiles", json!({})).expect("lists");
    for payload in [&created, &listed] {
        assert!(!payload.to_string().contains(TEST_SECRET), "{payload}");
    }
    let names: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["sandbox", "prod"]);
    let on_disk = std::fs::read_to_string(app.data_dir.path().join("profiles.json"))
        .expect("profiles file written");
    assert!(!on_disk.contains(TEST_SECRET));
}

#[test]
fn a_bad_access_key_id_is_refused_with_a_coded_error_naming_the_rule() {
    let app = test_app();
    let mut request = new_profile("prod", TEST_SECRET);
    request["request"]["accessKeyId"] = json!("not a key");
    let error = invoke(&app.window, "create_profile", request).expect_err("refused");
    assert_eq!(error["code"], json!("invalid_access_key_id"));
    assert!(error["remedy"].as_str().expect("remedy").contains("LTAI"));
    assert!(!error.to_string().contains(TEST_SECRET));
}

#[test]
fn the_sandbox_profile_cannot_be_used_before_the_sandbox_runs() {
    let app = test_app();
    let error = invoke(&app.window, "list_tables", json!({ "profile": "sandbox" }))
        .expect_err("not running");
    assert_eq!(error["code"], json!("sandbox_not_running"));
}

#[test]
fn the_sandbox_starts_and_serves_tables_buckets_and_a_passing_connection_test() {
    let app = test_app();
    let endpoints = invoke(&app.window, "start_sandbox", json!({})).expect("starts");
    assert!(endpoints["tablestore"]
        .as_str()
        .expect("url")
        .starts_with("http://127.0.0.1:"));
    let info = invoke(&app.window, "app_info", json!({})).expect("info");
    assert_eq!(info["sandbox"]["running"], json!(true));

    let tables =
        invoke(&app.window, "list_tables", json!({ "profile": "sandbox" })).expect("tables");
    assert!(
        tables.as_array().expect("array").contains(&json!("orders")),
        "{tables}"
    );

    let buckets =
        invoke(&app.window, "list_buckets", json!({ "profile": "sandbox" })).expect("buckets");
    let beijing = buckets
        .as_array()
        .expect("array")
        .iter()
        .find(|b| b["name"] == json!("sandbox-beijing"))
        .expect("seeded");
    assert_eq!(beijing["sameRegion"], json!(false));
    assert_eq!(
        buckets[0]["sameRegion"],
        json!(true),
        "same-region buckets come first"
    );

    let report = invoke(
        &app.window,
        "test_connection",
        json!({ "profile": "sandbox" }),
    )
    .expect("report");
    assert_eq!(report["accountId"], json!("1234567890123456"));
    let actions: Vec<(&str, bool)> = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| {
            (
                c["action"].as_str().expect("action"),
                c["ok"].as_bool().expect("ok"),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("sts:GetCallerIdentity", true),
            ("ots:ListTable", true),
            ("oss:ListBuckets", true)
        ]
    );
}

/// Creates a full-export task on the sandbox's `orders` table with the cloud client, as the
/// review step will.
fn create_task_on_sandbox(tablestore_endpoint: &str, task: &str) {
    use cloud_clients::tablestore::{TablestoreClient, TablestoreConfig};
    use delivery::{
        BucketName, ColumnEncoding, CreateDeliveryTaskRequest, OssEndpoint, OssPrefix,
        OssTaskConfig, OutputColumnName, OutputFormat, ParquetSchemaField, ParquetType, RoleArn,
        TableName, TaskName, TaskType,
    };
    let credentials = signing::Credentials::new(
        signing::AccessKeyId::parse("LTAI5tSandboxDemoKey0001").expect("id"),
        signing::Secret::new("SandboxDemoSecret000000000001".to_owned()),
    );
    let client = TablestoreClient::new(
        TablestoreConfig {
            endpoint: tablestore_endpoint.to_owned(),
            instance: "sandbox-demo".to_owned(),
            region: None,
            credentials,
        },
        &cloud_clients::HttpSettings::for_app("ipc-tests", "0"),
        std::sync::Arc::new(cloud_clients::SystemClock),
        cloud_clients::RetryPolicy::never(),
    )
    .expect("client");
    let request = CreateDeliveryTaskRequest {
        table_name: TableName::parse("orders").expect("table"),
        task_name: TaskName::parse(task).expect("task"),
        task_type: TaskType::Base,
        task_config: OssTaskConfig {
            oss_prefix: OssPrefix::parse("exports/$yyyy$MM$dd").expect("prefix"),
            oss_bucket: BucketName::parse("sandbox-delivery").expect("bucket"),
            oss_endpoint: OssEndpoint::parse("oss-cn-hangzhou.aliyuncs.com").expect("endpoint"),
            oss_sts_role: RoleArn::parse(
                "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
            )
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
    };
    tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(client.create_delivery_task(&request))
        .expect("creates");
}

#[test]
fn a_tables_tasks_are_listed_and_described_and_delete_follows_the_service_rules() {
    let app = test_app();
    let endpoints = invoke(&app.window, "start_sandbox", json!({})).expect("starts");
    create_task_on_sandbox(
        endpoints["tablestore"].as_str().expect("url"),
        "orders-demo",
    );
    let args = json!({ "profile": "sandbox", "table": "orders" });
    let tasks = invoke(&app.window, "list_delivery_tasks", args).expect("lists");
    assert_eq!(
        tasks,
        json!([
            { "tableName": "orders", "taskName": "orders-daily", "taskType": "BASE_INC" },
            { "tableName": "orders", "taskName": "orders-demo", "taskType": "BASE" }
        ])
    );
    let args = json!({ "profile": "sandbox", "table": "orders", "task": "orders-demo" });
    let status = invoke(&app.window, "describe_delivery_task", args.clone()).expect("describes");
    assert_eq!(status["taskType"], json!("BASE"));
    assert_eq!(status["phase"], json!("INIT"));
    assert_eq!(status["bucket"], json!("sandbox-delivery"));
    assert_eq!(status["columnCount"], json!(1));
    // The service refuses to delete a task that is still initialising; the app says so.
    let error = invoke(&app.window, "delete_delivery_task", args).expect_err("INIT");
    assert_eq!(error["code"], json!("task_initialising"), "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("orders-demo is still initialising")),
        "{error}"
    );
    assert!(
        error["remedy"]
            .as_str()
            .is_some_and(|r| r.contains("delete it again")),
        "{error}"
    );
    assert!(error["serviceCode"].is_string(), "{error}");
}

/// A bare app serving only `handler`'s commands, and its window.
fn serving(
    handler: impl Fn(tauri::ipc::Invoke<MockRuntime>) -> bool + Send + Sync + 'static,
) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .invoke_handler(handler)
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .expect("window builds");
    (app, window)
}

/// A command that panics, wrapped the way every real command is.
#[tauri::command]
async fn panicking_command() -> Result<(), app_services::IpcError> {
    studio_app::commands::guard::guarded("panicking_command", async {
        let items: Vec<u8> = Vec::new();
        // An out-of-bounds index: the kind of bug the guard exists for.
        let _ = items[usize::from(items.is_empty())];
        Ok(())
    })
    .await
}

#[test]
fn a_panic_inside_a_command_answers_with_an_internal_error_and_a_reference() {
    // Cargo's scratch folder for integration tests (inside the target folder): the log is set
    // once per process and the blocking-pool panic test below may write to it too.
    let logs = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ipc-errors-{}", std::process::id()));
    studio_app::commands::error_log::record_to(logs.join("errors.log"));
    let (_app, window) = serving(tauri::generate_handler![panicking_command]);
    let error = invoke(&window, "panicking_command", json!({})).expect_err("panics");
    assert_eq!(error["code"], json!("internal"));
    let reference = error["requestId"].as_str().expect("a reference");
    assert!(reference.starts_with('E'), "{reference}");
    assert!(error["message"]
        .as_str()
        .expect("message")
        .contains(reference));
    // The error log (the app sets it up at start) has the reference and the panic text.
    let log = studio_app::commands::error_log::path().expect("set up above");
    let logged = std::fs::read_to_string(log).expect("the log was written");
    let line = logged
        .lines()
        .find(|l| l.contains(reference))
        .unwrap_or_else(|| panic!("{reference} in {logged}"));
    assert!(
        line.contains("panicking_command") && line.contains("index out of bounds"),
        "{line}"
    );
    assert!(
        error["remedy"]
            .as_str()
            .is_some_and(|r| r.contains("errors.log")),
        "{error}"
    );
}

/// A blocking command that panics, wrapped the way `preview_parquet` is.
#[tauri::command]
async fn panicking_blocking_command() -> Result<(), app_services::IpcError> {
    studio_app::commands::guard::guarded_blocking("panicking_blocking_command", || {
        let items: Vec<u8> = Vec::new();
        let _ = items[usize::from(items.is_empty())];
        Ok(())
    })
    .await
}

#[test]
fn a_panic_on_the_blocking_pool_answers_with_an_internal_error_and_a_reference() {
    let (_app, window) = serving(tauri::generate_handler![panicking_blocking_command]);
    let error = invoke(&window, "panicking_blocking_command", json!({})).expect_err("panics");
    assert_eq!(error["code"], json!("internal"));
    assert!(error["requestId"]
        .as_str()
        .is_some_and(|r| r.starts_with('E')));
}

#[test]
fn a_parquet_preview_before_sampling_explains_what_to_do_first() {
    let app = test_app();
    let error = invoke(
        &app.window,
        "preview_parquet",
        json!({ "profile": "sandbox", "draft": ui_draft(), "maxRows": 20 }),
    )
    .expect_err("nothing sampled");
    assert_eq!(error["code"], json!("invalid_input"), "{error}");
    assert!(error["message"]
        .as_str()
        .is_some_and(|m| m.contains("'orders' has not been sampled")));
    assert!(error["remedy"]
        .as_str()
        .is_some_and(|r| r.contains("sample rows first")));
}

#[test]
fn the_ui_command_table_names_exactly_the_served_commands() {
    // `ui/src/ipc/commands.ts` types every command the UI may call; a name there that Rust
    // does not serve (or the reverse) would fail only at run time.
    let table = include_str!("../../ui/src/ipc/commands.ts");
    let body = &table[table
        .find("export interface Commands {")
        .expect("Commands table")..];
    let mut in_ui: Vec<&str> = body
        .lines()
        .skip(1)
        .take_while(|line| !line.starts_with('}'))
        .filter_map(|line| {
            let line = line.strip_prefix("  ")?;
            let (name, _) = line.split_once(": {")?;
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
                .then_some(name)
        })
        .collect();
    in_ui.sort_unstable();
    let mut served: Vec<&str> = studio_app::COMMAND_NAMES.to_vec();
    served.sort_unstable();
    assert_eq!(in_ui, served);
}

/// A draft exactly as the UI sends it (camelCase, enum names as in the bindings).
fn ui_draft() -> Value {
    json!({
        "tableName": "orders",
        "taskName": "orders-daily",
        "taskType": "BASE_INC",
        "ossBucket": "sandbox-delivery",
        "ossEndpoint": "oss-cn-hangzhou.aliyuncs.com",
        "ossPrefix": "orders/$yyyy/$MM",
        "roleArn": "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery",
        "eventTime": { "columnName": "event_time_ms", "timeFormat": "Unix" },
        "schema": [
            { "sourceColumn": "order_id", "outputName": "order_id", "parquetType": "INT64" },
            { "sourceColumn": "status", "outputName": "status", "parquetType": null }
        ]
    })
}

#[test]
fn a_draft_in_the_uis_shape_is_saved_listed_reopened_unchanged_and_deleted() {
    let app = test_app();
    let saved = invoke(
        &app.window,
        "save_draft",
        json!({ "name": "orders nightly", "draft": ui_draft() }),
    )
    .expect("saves");
    assert_eq!(saved["columnCount"], json!(2));
    assert_eq!(saved["problem"], Value::Null);
    let listed = invoke(&app.window, "list_drafts", json!({})).expect("lists");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let reopened = invoke(
        &app.window,
        "open_draft",
        json!({ "name": "orders nightly" }),
    )
    .expect("opens");
    assert_eq!(reopened, ui_draft());
    invoke(
        &app.window,
        "delete_draft",
        json!({ "name": "orders nightly" }),
    )
    .expect("deletes");
    let error = invoke(
        &app.window,
        "open_draft",
        json!({ "name": "orders nightly" }),
    )
    .expect_err("gone");
    assert_eq!(error["code"], json!("draft_not_found"));
    let error = invoke(
        &app.window,
        "save_draft",
        json!({ "name": "../escape", "draft": ui_draft() }),
    )
    .expect_err("refused");
    assert_eq!(error["code"], json!("invalid_draft_name"));
}

#[test]
fn type_rules_cross_ipc_with_the_verdict_tagged_by_status() {
    let app = test_app();
    let rules = invoke(&app.window, "type_rules", json!({})).expect("answers");
    let rules = rules.as_array().expect("array");
    let pair = |source: &str, target: &str| {
        rules
            .iter()
            .find(|r| r["source"] == json!(source) && r["target"] == json!(target))
            .unwrap_or_else(|| panic!("{source} → {target} listed"))
            .clone()
    };
    assert_eq!(
        pair("INTEGER", "INT64"),
        json!({ "source": "INTEGER", "target": "INT64", "verdict": { "status": "supported" }, "isDefault": true })
    );
    let refused = pair("STRING", "INT64");
    assert_eq!(refused["verdict"]["status"], json!("refused"));
    assert!(refused["verdict"]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("dirty data")));
}
