//! Where a command's internal failure is recorded, so the reference a user reports can be
//! found after the app was started from a menu (no terminal to read stderr from).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A log over this size is moved aside (one older file kept) before the next line.
const MAX_LOG_BYTES: u64 = 1024 * 1024;

static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();
// Lines from two failing commands at once must not interleave.
static WRITING: Mutex<()> = Mutex::new(());

/// Records internal failures in `path` from now on (the first call wins; the app makes it
/// once at start-up).
pub fn record_to(path: PathBuf) {
    let _ = LOG_PATH.set(path);
}

/// The file internal failures go to, once [`record_to`] was called.
pub fn path() -> Option<&'static Path> {
    LOG_PATH.get().map(PathBuf::as_path)
}

/// Appends one line; a failure to write is reported on stderr and otherwise ignored (the
/// user still gets the reference in the error).
pub fn append(line: &str) {
    let Some(path) = path() else { return };
    let _writing = WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Err(error) = write_line(path, line) {
        eprintln!("could not write {}: {error}", path.display());
    }
}

fn write_line(path: &Path, line: &str) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        std::fs::rename(path, path.with_extension("log.1"))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(file, "{line}")
}
