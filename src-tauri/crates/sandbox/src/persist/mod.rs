//! Keeping the sandbox's state in a data folder across restarts (`--data-dir`), so the demo
//! keeps what its user made: tables created or deleted and rows written, OSS objects put or
//! deleted (delivered Parquet files included), delivery tasks with how far each got, and the
//! service-linked role.
//!
//! Not saved, on purpose: the misbehaviour switches and the clock skew (test knobs set at run
//! time), revoked keys and issued STS credentials (short-lived test credentials), and
//! signature nonces. The seed is not saved either: it is rebuilt from the start-up options,
//! and only what differs from it is written (see [`snapshot`]).
//!
//! How: requests only bump change counters in memory; a saver thread ([`saver`]) notices,
//! waits out a short debounce, takes a consistent snapshot ([`capture`]) and writes it
//! atomically ([`folder`]). No request ever waits on the disk. Changes made in the last
//! moments before a crash (at most one debounce interval, about 200 ms) can be lost; a clean
//! stop saves everything. A delivery task resumes from its last checkpoint, where everything
//! it had read was in OSS; objects it stored after that are deleted on load and their rows
//! delivered again, so no row is lost or delivered twice across a restart.

mod capture;
mod folder;
mod restore;
mod row_codec;
mod saver;
pub mod snapshot;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use folder::STATE_FILE;
pub use saver::Saver;

use crate::state::SandboxState;
use crate::SandboxConfig;
use capture::Capturer;
use snapshot::{Header, SeedIdentity, Snapshot, FORMAT, VERSION};

/// Why the data folder could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the data folder {path} is in use by another sandbox (it holds sandbox.lock)")]
    InUse { path: PathBuf },
    #[error("{path} is damaged and was not loaded: {reason}; move it away to start from the sample data")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path} holds sandbox state format version {found}, but this sandbox reads version {supported} only; use a sandbox that matches, or another data folder")]
    UnknownVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} holds the state of a sandbox started with {saved}, but this one was started with {requested}; start with the same options, or use another data folder")]
    SeedMismatch {
        path: PathBuf,
        saved: String,
        requested: String,
    },
    #[error("could not encode {what}: {reason}")]
    Encode { what: String, reason: String },
}

fn identity(config: &SandboxConfig) -> SeedIdentity {
    SeedIdentity {
        region: config.region.clone(),
        instance: config.instance.clone(),
        large_table_rows: config.large_table_rows,
    }
}

fn describe(identity: &SeedIdentity) -> String {
    format!(
        "region {}, instance {} and {} large-table rows",
        identity.region, identity.instance, identity.large_table_rows
    )
}

/// Reads and checks a snapshot file's bytes: format, version, then the whole document.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Snapshot, PersistError> {
    let corrupt = |reason: String| PersistError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let header: Header = serde_json::from_slice(bytes)
        .map_err(|e| corrupt(format!("it is not a sandbox state file ({e})")))?;
    if header.format != FORMAT {
        return Err(corrupt(format!(
            "its format is `{}`, not `{FORMAT}`",
            header.format
        )));
    }
    if header.version != VERSION {
        return Err(PersistError::UnknownVersion {
            path: path.to_owned(),
            found: header.version,
            supported: VERSION,
        });
    }
    serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))
}

/// A sandbox state opened from a data folder, before it is shared.
#[derive(Debug)]
pub struct Opened {
    pub state: SandboxState,
    pub resume: Resume,
}

/// What starts once the state is shared: the saved tasks' engines and the saver.
#[derive(Debug)]
pub struct Resume {
    /// False when the folder held no state yet and the seed was used.
    pub restored: bool,
    tasks: Vec<restore::PendingTask>,
    folder: folder::Folder,
    capturer: Capturer,
}

/// Opens the data folder: the saved state if there is one, else the seed.
pub fn open(dir: &Path, config: &SandboxConfig) -> Result<Opened, PersistError> {
    let folder = folder::Folder::open(dir)?;
    let requested = identity(config);
    let state = SandboxState::new(config);
    let capturer = Capturer::new(requested.clone(), crate::tablestore::seed::tables(config));
    let Some(bytes) = folder.read_state()? else {
        return Ok(Opened {
            state,
            resume: Resume {
                restored: false,
                tasks: Vec::new(),
                folder,
                capturer,
            },
        });
    };
    let path = folder.state_path();
    let snapshot = parse(&path, &bytes)?;
    if snapshot.seed != requested {
        return Err(PersistError::SeedMismatch {
            path,
            saved: describe(&snapshot.seed),
            requested: describe(&requested),
        });
    }
    let tasks = restore::apply(&state, &snapshot, &folder)?;
    Ok(Opened {
        state,
        resume: Resume {
            restored: true,
            tasks,
            folder,
            capturer,
        },
    })
}

impl Resume {
    /// Starts the saved tasks' engines and the saver; from here on changes reach the disk.
    pub fn run(self, state: &Arc<SandboxState>) -> Result<Saver, PersistError> {
        let path = self.folder.state_path();
        for task in self.tasks {
            crate::delivery::api::resume(
                state,
                &task.request,
                task.created_at_ms,
                task.created_at_write,
                task.progress,
            )
            .map_err(|e| PersistError::Corrupt {
                path: path.clone(),
                reason: format!("a saved delivery task is refused: {}", e.message),
            })?;
        }
        Ok(Saver::spawn(
            state.clone(),
            self.folder,
            self.capturer,
            self.restored,
        ))
    }
}
