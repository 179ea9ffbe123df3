//! The data folder on disk: `state.json` (the snapshot), `objects/` (OSS object bodies, one
//! file per distinct body, named by its MD5) and `sandbox.lock` (held while a sandbox uses the
//! folder, so two sandboxes never write over each other).
//!
//! Every write is crash-safe: bodies are written and synced before the snapshot that names
//! them; the snapshot is written to a temporary file, synced and renamed over the old one,
//! then the folder is synced; bodies no snapshot names any more are removed only after that.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::PersistError;

pub const STATE_FILE: &str = "state.json";
const TEMP_FILE: &str = "state.json.tmp";
const OBJECTS_DIR: &str = "objects";
const LOCK_FILE: &str = "sandbox.lock";
/// How long to wait for a sandbox that is still shutting down to let go of the folder.
const LOCK_PATIENCE: Duration = Duration::from_secs(2);

fn io_error(path: &Path, source: std::io::Error) -> PersistError {
    PersistError::Io {
        path: path.to_owned(),
        source,
    }
}

/// An open data folder; the lock is held until this is dropped.
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    _lock: File,
    /// Body files known to be on disk (found at open or written since).
    bodies: HashSet<String>,
}

impl Folder {
    /// Creates the folder if needed and takes its lock.
    pub fn open(root: &Path) -> Result<Self, PersistError> {
        fs::create_dir_all(root.join(OBJECTS_DIR)).map_err(|e| io_error(root, e))?;
        let lock_path = root.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| io_error(&lock_path, e))?;
        let started = Instant::now();
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_PATIENCE => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(PersistError::InUse {
                        path: root.to_owned(),
                    })
                }
                Err(TryLockError::Error(e)) => return Err(io_error(&lock_path, e)),
            }
        }
        let objects = root.join(OBJECTS_DIR);
        let mut bodies = HashSet::new();
        for entry in fs::read_dir(&objects).map_err(|e| io_error(&objects, e))? {
            let entry = entry.map_err(|e| io_error(&objects, e))?;
            if let Some(name) = entry.file_name().to_str() {
                bodies.insert(name.to_owned());
            }
        }
        Ok(Self {
            root: root.to_owned(),
            _lock: lock,
            bodies,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn state_path(&self) -> PathBuf {
        self.root.join(STATE_FILE)
    }

    /// The saved snapshot's bytes, or `None` when the folder holds no state yet.
    pub fn read_state(&self) -> Result<Option<Vec<u8>>, PersistError> {
        let path = self.state_path();
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error(&path, e)),
        }
    }

    pub fn body_path(&self, md5_hex: &str) -> PathBuf {
        self.root.join(OBJECTS_DIR).join(md5_hex)
    }

    pub fn read_body(&self, md5_hex: &str) -> Result<Vec<u8>, PersistError> {
        let path = self.body_path(md5_hex);
        fs::read(&path).map_err(|e| io_error(&path, e))
    }

    pub fn has_body(&self, md5_hex: &str) -> bool {
        self.bodies.contains(md5_hex)
    }

    /// Writes and syncs one body file (through a temporary name, so a crash never leaves a
    /// partial body under the final name).
    pub fn write_body(&mut self, md5_hex: &str, bytes: &[u8]) -> Result<(), PersistError> {
        let path = self.body_path(md5_hex);
        let temp = path.with_extension("tmp");
        write_synced(&temp, bytes)?;
        fs::rename(&temp, &path).map_err(|e| io_error(&path, e))?;
        self.bodies.insert(md5_hex.to_owned());
        Ok(())
    }

    /// Replaces `state.json` atomically and durably.
    pub fn write_state(&self, bytes: &[u8]) -> Result<(), PersistError> {
        // The bodies' renames must be on disk before a snapshot naming them is.
        sync_dir(&self.root.join(OBJECTS_DIR))?;
        let temp = self.root.join(TEMP_FILE);
        write_synced(&temp, bytes)?;
        let path = self.state_path();
        fs::rename(&temp, &path).map_err(|e| io_error(&path, e))?;
        sync_dir(&self.root)
    }

    /// Removes body files the saved snapshot no longer names.
    pub fn remove_bodies_except(&mut self, keep: &HashSet<String>) {
        let unused: Vec<String> = self
            .bodies
            .iter()
            .filter(|name| !keep.contains(*name))
            .cloned()
            .collect();
        for name in unused {
            // A body left behind costs only space; it is retried on the next save.
            if fs::remove_file(self.body_path(&name)).is_ok() {
                self.bodies.remove(&name);
            }
        }
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), PersistError> {
    let mut file = File::create(path).map_err(|e| io_error(path, e))?;
    file.write_all(bytes).map_err(|e| io_error(path, e))?;
    file.sync_all().map_err(|e| io_error(path, e))
}

fn sync_dir(path: &Path) -> Result<(), PersistError> {
    File::open(path)
        .and_then(|dir| dir.sync_all())
        .map_err(|e| io_error(path, e))
}
