// Hides the console window of release builds on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    studio_app::software_rendering::choose_renderer();
    studio_app::run();
}
