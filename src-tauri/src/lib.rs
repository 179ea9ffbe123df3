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
    ])
}

/// Builds the services from the app's data folder once the app knows its paths.
pub fn install_services<R: tauri::Runtime>(app: &tauri::App<R>) -> tauri::Result<()> {
    let data_dir = app.path().app_data_dir()?;
    let version = app.package_info().version.to_string();
    app.manage(app_services::AppServices::new(version, data_dir));
    Ok(())
}

pub fn run() {
    with_commands(tauri::Builder::default())
        .setup(|app| Ok(install_services(app)?))
        .run(tauri::generate_context!())
        .expect("the Tauri application failed to start");
}
