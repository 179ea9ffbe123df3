//! Keeps a panic inside a command from killing its IPC promise: the web view gets an
//! `internal` error with a reference, and stderr and the error log (`error_log.rs`) get the
//! same reference and the panic text.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};

use app_services::{ErrorCode, IpcError};
use futures_util::FutureExt as _;

static NEXT_REFERENCE: AtomicU64 = AtomicU64::new(1);

/// Runs an async command body; a panic becomes an `internal` [`IpcError`].
pub async fn guarded<T>(
    command: &'static str,
    body: impl Future<Output = Result<T, IpcError>>,
) -> Result<T, IpcError> {
    AssertUnwindSafe(body)
        .catch_unwind()
        .await
        .unwrap_or_else(|panic| Err(internal(command, panic.as_ref())))
}

/// Runs a synchronous, CPU-heavy command body on the blocking thread pool: Tauri runs a
/// plain synchronous command on the window's main thread, which would freeze the window for
/// as long as the body runs. A panic becomes an `internal` [`IpcError`].
pub async fn guarded_blocking<T: Send + 'static>(
    command: &'static str,
    body: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || guarded_sync(command, body))
        .await
        .unwrap_or_else(|error| Err(internal(command, &error.to_string())))
}

/// Runs a synchronous command body; a panic becomes an `internal` [`IpcError`].
pub fn guarded_sync<T>(
    command: &'static str,
    body: impl FnOnce() -> Result<T, IpcError>,
) -> Result<T, IpcError> {
    std::panic::catch_unwind(AssertUnwindSafe(body))
        .unwrap_or_else(|panic| Err(internal(command, panic.as_ref())))
}

fn internal(command: &str, panic: &(dyn Any + Send)) -> IpcError {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    // Unique within the run and stamped with the time, so a user's report finds the log line.
    let reference = format!(
        "E{}-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        NEXT_REFERENCE.fetch_add(1, Ordering::Relaxed)
    );
    // Panic texts come from our own code, whose secrets are `Secret`s that print as `***`.
    let line = format!("[{reference}] command {command} failed inside the app: {text}");
    eprintln!("{line}");
    super::error_log::append(&format!("{} {line}", chrono::Utc::now().to_rfc3339()));
    let remedy = match super::error_log::path() {
        Some(log) => format!(
            "Try again. If it happens again, report the reference shown here and the matching line of {}.",
            log.display()
        ),
        None => "Try again. If it happens again, report the reference shown here.".to_owned(),
    };
    let mut error = IpcError::new(
        ErrorCode::Internal,
        format!("Something went wrong inside the app (reference {reference})."),
    )
    .with_remedy(remedy);
    error.request_id = Some(reference);
    error
}
