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
    let app = studio_app::with_commands(mock_builder())
        .build(tauri::generate_context!())
        .expect("app builds");
    app.manage(AppServices::new("0.1.0", data_dir.path()));
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
        if let Err(error) = invoke(&app.window, name, json!({ "locale": null })) {
            let text = error.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{name}: {text}"
            );
        }
    }
    let error = invoke(&app.window, "delete_everything", json!({})).expect_err("unknown");
    assert!(error.to_string().contains("not found"), "{error}");
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
