//! The Tauri shell: builds the app, holds [`app_services::AppServices`] in state and exposes
//! thin commands. Business logic lives in the crates under `crates/`.

mod command_names;
pub mod commands;
pub mod software_rendering;

use tauri::Manager;

pub use command_names::COMMAND_NAMES;

/// Registers every command named in [`COMMAND_NAMES`] with a Tauri builder.
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info::app_info,
        commands::app_info::third_party_licences,
        commands::preferences::set_locale,
        commands::profiles::list_profiles,
        commands::profiles::create_profile,
        commands::profiles::update_profile,
        commands::profiles::import_preview,
        commands::profiles::import_profile,
        commands::profiles::known_regions,
        commands::profiles::delete_profile,
        commands::sandbox::start_sandbox,
        commands::cloud::test_connection,
        commands::cloud::list_tables,
        commands::cloud::list_buckets,
        commands::cloud::list_instances,
        commands::tasks::list_delivery_tasks,
        commands::tasks::describe_delivery_task,
        commands::tasks::delete_delivery_task,
        commands::tasks::list_instance_tasks,
        commands::tasks::drift_watch,
        commands::schema::sample_schema,
        commands::schema::cancel_sampling,
        commands::authoring::table_columns,
        commands::authoring::type_rules,
        commands::authoring::check_draft,
        commands::authoring::preview_parquet,
        commands::authoring::export_task,
        commands::exports::save_export,
        commands::drafts::list_drafts,
        commands::drafts::save_draft,
        commands::drafts::open_draft,
        commands::drafts::delete_draft,
        commands::creating::delivery_role,
        commands::creating::create_delivery_role,
        commands::creating::create_delivery_task,
        commands::creating::list_delivered_files,
    ])
}

/// Set to `1` to make the built-in sandbox deliver within milliseconds (end-to-end tests).
pub const FAST_SANDBOX_DELIVERY: &str = "TDS_SANDBOX_FAST_DELIVERY";

/// Builds the services once the app knows its folders and identifier. Secrets go to the OS
/// keyring under the build's identifier, so the E2E build never touches a release's entries.
pub fn install_services<R: tauri::Runtime>(
    app: &tauri::App<R>,
) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = app.path().app_data_dir()?;
    let config_dir = app.path().app_config_dir()?;
    let version = app.package_info().version.to_string();
    let vault = app_services::vaults::os_keyring(&app.config().identifier)?;
    // The demo sandbox keeps what the user made (tables, files, tasks) across restarts.
    let sandbox_dir = data_dir.join("sandbox");
    commands::error_log::record_to(data_dir.join("logs").join("errors.log"));
    // Import looks where the aliyun CLI and the SDKs keep this user's credentials.
    let import_sources =
        app_services::ImportSources::of_user(app.path().home_dir().ok().as_deref(), |name| {
            std::env::var(name).ok()
        });
    let mut services = app_services::AppServices::new(version, data_dir, &config_dir, vault)
        .with_sandbox_data_dir(sandbox_dir)
        .with_import_sources(import_sources);
    // End-to-end tests watch a task deliver; the demo keeps the sandbox's realistic pace.
    if std::env::var_os(FAST_SANDBOX_DELIVERY).is_some_and(|v| v == "1") {
        services = services.with_sandbox_delivery(app_services::fast_sandbox_delivery());
    }
    app.manage(services);
    Ok(())
}

/// Adds the plugins the app uses (their own IPC commands stay refused: the capability file
/// grants none of them).
pub fn with_plugins<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
}

pub fn run() {
    with_plugins(with_commands(tauri::Builder::default()))
        .setup(|app| install_services(app))
        .build(tauri::generate_context!())
        .expect("the Tauri application failed to start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                stop_sandbox(app);
            }
        });
}

/// Tauri ends the process after `Exit` without dropping managed state, so the sandbox's last
/// changes (up to its saver's 200 ms) would be lost unless it is stopped here.
fn stop_sandbox<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(services) = app.try_state::<app_services::AppServices>() {
        tauri::async_runtime::block_on(services.stop_sandbox());
    }
}
