//! One delivery task: what was asked for (fixed at create) and how far it got (changed by its
//! engine, read by Describe).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use delivery::{EventTimeFormat, OssPrefix, ParquetSchema, TaskName};
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{DeliveryTaskType, ErrorType, OssTaskConfig, TaskSyncStat};

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
    stopped: AtomicBool,
}

impl Task {
    pub fn new(spec: TaskSpec) -> Self {
        Self {
            spec,
            status: Mutex::new(TaskStatus::default()),
            stopped: AtomicBool::new(false),
        }
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
