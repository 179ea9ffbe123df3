// Hides the console window of release builds on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's DMA-BUF renderer costs ~80 MiB in the web process and shows blank windows
    // on some GPU drivers; the shared-memory path renders this UI just as well. A user's own
    // setting wins. Set before any thread starts, as the environment requires.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    studio_app::run();
}
