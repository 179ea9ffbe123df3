//! The Tauri shell: builds the app, holds [`app_services::AppServices`] in state and exposes
//! thin commands. Business logic lives in the crates under `crates/`.

mod command_names;
pub mod commands;

use tauri::Manager;

pub use command_names::COMMAND_NAMES;

/// Registers every command named in [`COMMAND_NAMES`] with a Tauri builder.
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_info::app_info,
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
        commands::schema::sample_schema,
        commands::schema::cancel_sampling,
    ])
}

/// Builds the services once the app knows its folders and identifier. Secrets go to the OS
/// keyring under the build's identifier, so the E2E build never touches a release's entries.
pub fn install_services<R: tauri::Runtime>(
    app: &tauri::App<R>,
) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = app.path().app_data_dir()?;
    let config_dir = app.path().app_config_dir()?;
    let version = app.package_info().version.to_string();
    let vault = app_services::vaults::os_keyring(&app.config().identifier)?;
    app.manage(app_services::AppServices::new(
        version,
        data_dir,
        &config_dir,
        vault,
    ));
    Ok(())
}

pub fn run() {
    with_commands(tauri::Builder::default())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| install_services(app))
        .run(tauri::generate_context!())
        .expect("the Tauri application failed to start");
}
