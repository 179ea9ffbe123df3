//! One delivery task: what was asked for (fixed at create) and how far it got (changed by its
//! engine, read by Describe), including the last point a restarted engine can resume from.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use delivery::{EventTimeFormat, OssPrefix, ParquetSchema, TaskName};
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{
    CreateDeliveryTaskRequest, DeliveryTaskType, ErrorType, OssTaskConfig, TaskSyncStat,
};

use crate::tablestore::schema::Key;

/// The task as created, parsed.
#[derive(Debug, Clone)]
pub struct TaskSpec {
    pub table: String,
    pub name: TaskName,
    pub task_type: DeliveryTaskType,
    /// The configuration exactly as sent, which Describe returns.
    pub config: OssTaskConfig,
    pub bucket: String,
    pub prefix: OssPrefix,
    pub role: String,
    pub schema: ParquetSchema,
    /// The column whose value partitions a row, and how to read it; `None` = write time.
    pub event_time: Option<(String, EventTimeFormat)>,
    /// Unix milliseconds.
    pub created_at_ms: i64,
    /// The table's write-log position at creation: an incremental-only task exports the
    /// writes after it.
    pub created_at_write: usize,
}

impl TaskSpec {
    /// The create request this task came from (what persistence saves; parsing it again gives
    /// this spec back).
    pub fn request(&self) -> CreateDeliveryTaskRequest {
        CreateDeliveryTaskRequest {
            table_name: Some(self.table.clone()),
            task_name: Some(self.name.to_string()),
            task_type: Some(self.task_type as i32),
            task_config: Some(self.config.clone()),
        }
    }
}

/// Where an engine is in its task: a point it can carry on from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// Exporting the table in key order; `after` is the last key read.
    Full {
        after: Option<Key>,
        /// When the export started (Unix ms) and the write-log position then: the
        /// incremental phase follows the log from there.
        snapshot_ms: i64,
        snapshot_position: usize,
    },
    /// Following the table's write log from `position`.
    Incremental { position: usize },
    /// A full-only task that has exported everything.
    Finished,
}

/// A moment when everything the engine had read was in OSS: resuming from `cursor` delivers
/// each row once.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    pub cursor: Cursor,
    /// The next sequence id per expanded prefix, so a resumed engine never reuses an object key.
    pub sequences: BTreeMap<String, u64>,
    /// The status at that moment (without an error: health is checked again on resume).
    pub status: TaskStatus,
}

/// How far the engine got, as persistence saves it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// `None` until the engine first stored its output (still in INIT or its first read).
    pub committed: Option<Checkpoint>,
    /// Objects stored since `committed`: their rows lie beyond the checkpoint, so a restart
    /// deletes them and delivers those rows again, once.
    pub uncommitted: Vec<String>,
}

impl Progress {
    /// Whether `self` differs from `other` in anything a restart needs. The checkpoint time
    /// moves on every idle poll of an incremental task; it alone is not worth a save.
    fn differs_materially(&self, other: &Self) -> bool {
        let strip = |progress: &Self| {
            progress.committed.clone().map(|mut checkpoint| {
                checkpoint.status.checkpoint_ns = 0;
                checkpoint
            })
        };
        self.uncommitted != other.uncommitted || strip(self) != strip(other)
    }
}

/// What Describe reports, plus counters the API does not carry (for tests and logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskStatus {
    pub phase: TaskSyncPhase,
    /// Nanoseconds since the Unix epoch up to which writes are in OSS; 0 until known.
    pub checkpoint_ns: i64,
    pub error: Option<(ErrorType, String)>,
    pub rows_delivered: u64,
    pub objects_written: u64,
    pub dirty_fields: u64,
}

impl Default for TaskStatus {
    fn default() -> Self {
        Self {
            phase: TaskSyncPhase::Init,
            checkpoint_ns: 0,
            error: None,
            rows_delivered: 0,
            objects_written: 0,
            dirty_fields: 0,
        }
    }
}

impl TaskStatus {
    /// The `TaskSyncStat` message; `error_code` is left absent for a healthy task, as the
    /// spec asks (0 is not a value in every copy of the enum).
    pub fn to_proto(&self) -> TaskSyncStat {
        TaskSyncStat {
            task_sync_phase: Some(self.phase as i32),
            current_sync_timestamp: Some(self.checkpoint_ns),
            error_code: self.error.as_ref().map(|(code, _)| *code as i32),
            detail: self.error.as_ref().map(|(_, detail)| detail.clone()),
        }
    }
}

#[derive(Debug)]
pub struct Task {
    pub spec: TaskSpec,
    status: Mutex<TaskStatus>,
    progress: Mutex<Progress>,
    stopped: AtomicBool,
}

impl Task {
    pub fn new(spec: TaskSpec) -> Self {
        Self::resumed(spec, Progress::default())
    }

    /// A task carrying on from saved progress: its status is the checkpoint's.
    pub fn resumed(spec: TaskSpec, progress: Progress) -> Self {
        let status = progress
            .committed
            .as_ref()
            .map(|checkpoint| checkpoint.status.clone())
            .unwrap_or_default();
        Self {
            spec,
            status: Mutex::new(status),
            progress: Mutex::new(progress),
            stopped: AtomicBool::new(false),
        }
    }

    pub fn progress(&self) -> Progress {
        self.progress_mut().clone()
    }

    fn progress_mut(&self) -> MutexGuard<'_, Progress> {
        self.progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Notes objects just stored and, when everything read is stored, the new checkpoint.
    /// True when a restart would now need the saved progress to change.
    pub(super) fn record(&self, stored: Vec<String>, checkpoint: Option<Checkpoint>) -> bool {
        let mut progress = self.progress_mut();
        let before = progress.clone();
        match checkpoint {
            Some(checkpoint) => {
                progress.committed = Some(checkpoint);
                progress.uncommitted.clear();
            }
            None => progress.uncommitted.extend(stored),
        }
        progress.differs_materially(&before)
    }

    /// How many objects were stored since the last checkpoint.
    pub(super) fn uncommitted_objects(&self) -> usize {
        self.progress_mut().uncommitted.len()
    }

    pub fn status(&self) -> TaskStatus {
        self.status_mut().clone()
    }

    pub(super) fn status_mut(&self) -> MutexGuard<'_, TaskStatus> {
        self.status
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Tells the engine to stop before its next step.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}
