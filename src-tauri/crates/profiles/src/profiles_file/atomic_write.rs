//! Replacing a file so a reader sees either the old or the new content, never a mix:
//! write a temp file in the same folder, flush it to disk, rename it over the target, then
//! flush the folder so the rename itself survives a crash.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Names temp files uniquely within this process; the pid separates processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Atomically replaces `path` with `contents`; on error the old file is untouched and no temp
/// file is left behind.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let result = write_and_rename(&temp, path, contents);
    if result.is_err() {
        // Best effort: the temp file may not exist if creating it was what failed.
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    let file_name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let unique = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{file_name}.tmp-{}-{unique}", std::process::id()))
}

fn write_and_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Failing here only weakens durability after a power cut; the rename already happened.
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {
    // Windows cannot open a directory as a file; NTFS journals the rename itself.
    let _ = File::open;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("profiles.json");
        write_atomically(&path, b"one").expect("first");
        write_atomically(&path, b"two").expect("second");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(entries(dir.path()), vec!["profiles.json"]);
    }

    #[test]
    fn a_failed_rename_keeps_the_old_content_and_cleans_up() {
        let dir = tempfile::tempdir().expect("dir");
        // A non-empty directory at the target path makes the rename fail.
        let path = dir.path().join("profiles.json");
        fs::create_dir(&path).expect("dir at target");
        fs::write(path.join("keep"), b"x").expect("inner file");
        write_atomically(&path, b"new").expect_err("rename onto a directory fails");
        assert_eq!(entries(dir.path()), vec!["profiles.json"]);
        assert_eq!(fs::read(path.join("keep")).expect("read"), b"x");
    }
}
