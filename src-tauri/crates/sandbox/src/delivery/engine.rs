//! The engine of one task, on its own thread: INIT for the configured delay, then a full
//! export (BaseTask, BaseIncTask) in key order, then the writes made since (IncTask from the
//! task's creation, BaseIncTask from the start of its full export). While the role or bucket
//! is wrong it writes nothing and reports why; once fixed it carries on where it stopped.
//!
//! Delivery is at least once: a row written while the full export runs may be exported by
//! both phases, as with any snapshot-then-log export.
//!
//! Whenever everything it has read is in OSS, the engine records a checkpoint in its task
//! (see [`Checkpoint`]); a sandbox restarted from saved state resumes from it, skipping INIT,
//! after deleting the objects stored since, so no row is delivered twice or lost.

use std::sync::{Arc, Weak};
use std::time::Instant;

use delivery::DeliveryError;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{DeliveryTaskType, ErrorType};

use super::health;
use super::output::Output;
use super::rows::{base_batch, write_position, written_since};
use super::task::{Checkpoint, Cursor, Task, TaskStatus};
use super::timing::DeliveryTiming;
use crate::state::SandboxState;
use crate::tablestore::schema::Key;

/// Objects stored without a checkpoint after which every open file is closed at once, so a
/// checkpoint is reached even while writes keep several partitions open.
const MAX_UNCOMMITTED_OBJECTS: usize = 32;

const NANOS_PER_MILLI: i64 = 1_000_000;

/// Starts the task's engine. It holds the sandbox weakly, so it ends with the sandbox.
pub fn spawn(state: Weak<SandboxState>, task: Arc<Task>, timing: DeliveryTiming) {
    let name = format!("delivery-{}", task.spec.name);
    let started = std::thread::Builder::new()
        .name(name)
        .spawn(move || Engine::new(&task, &timing).run(&state));
    if let Err(error) = started {
        eprintln!("sandbox: could not start a delivery engine: {error}");
    }
}

struct Engine<'a> {
    task: &'a Task,
    timing: &'a DeliveryTiming,
    output: Output,
}

impl<'a> Engine<'a> {
    fn new(task: &'a Task, timing: &'a DeliveryTiming) -> Self {
        let mut output = Output::new(&task.spec, timing);
        if let Some(checkpoint) = task.progress().committed {
            output.set_sequences(checkpoint.sequences);
        }
        Self {
            task,
            timing,
            output,
        }
    }

    fn sleep(&self) {
        std::thread::sleep(self.timing.poll_interval);
    }

    /// Waits out INIT; false if the task was stopped meanwhile.
    fn initialise(&self) -> bool {
        let started = Instant::now();
        while started.elapsed() < self.timing.init_delay {
            if self.task.is_stopped() {
                return false;
            }
            std::thread::sleep(
                self.timing
                    .poll_interval
                    .min(self.timing.init_delay.saturating_sub(started.elapsed())),
            );
        }
        true
    }

    fn run(mut self, state: &Weak<SandboxState>) {
        // A task resumed from a checkpoint was initialised before the restart.
        let mut cursor = self.task.progress().committed.map(|c| c.cursor);
        if cursor.is_none() && !self.initialise() {
            return;
        }
        loop {
            if self.task.is_stopped() {
                return;
            }
            let Some(state) = state.upgrade() else { return };
            let now = cursor.get_or_insert_with(|| self.first_step(&state));
            match self.advance(&state, now) {
                Ok(Progress::Busy) => continue,
                Ok(Progress::Idle) => {}
                Ok(Progress::Finished) => return,
                Ok(Progress::Next(next)) => {
                    cursor = Some(next);
                    continue;
                }
                Err(error) => {
                    // Rendering failed: a sandbox bug, not anything the service reports.
                    eprintln!(
                        "sandbox: delivery task {} stopped: {error}",
                        self.task.spec.name
                    );
                    return;
                }
            }
            drop(state);
            self.sleep();
        }
    }

    fn first_step(&self, state: &SandboxState) -> Cursor {
        let spec = &self.task.spec;
        let cursor = if spec.task_type == DeliveryTaskType::Inc {
            Cursor::Incremental {
                position: spec.created_at_write,
            }
        } else {
            Cursor::Full {
                after: None,
                snapshot_ms: state.now().timestamp_millis(),
                snapshot_position: write_position(state, &spec.table),
            }
        };
        self.task.status_mut().phase = match cursor {
            Cursor::Incremental { .. } => TaskSyncPhase::Incr,
            Cursor::Full { .. } | Cursor::Finished => TaskSyncPhase::Full,
        };
        cursor
    }

    /// Stores rendered objects and records how far the task got; false (with the error
    /// shown) if the bucket refused them. When everything read is in OSS, `settle` updates
    /// the status and `cursor` becomes the task's checkpoint.
    fn store(
        &mut self,
        state: &SandboxState,
        cursor: &Cursor,
        settle: impl FnOnce(&mut TaskStatus),
    ) -> bool {
        let _gate = state.delivery.commit_gate();
        // A task deleted (or its table deleted) while this step read rows stores nothing: the
        // rows may even come from a new table of the same name.
        if self.task.is_stopped() {
            return false;
        }
        let (stored, result) = self.output.store(state);
        let checkpoint = {
            let mut status = self.task.status_mut();
            status.objects_written += stored.objects;
            status.rows_delivered += stored.rows;
            status.dirty_fields += stored.dirty_fields;
            if let Err(error) = &result {
                status.error = Some((
                    ErrorType::InvalidOssBucket,
                    format!("Writing to the OSS bucket failed: {error}."),
                ));
            }
            (result.is_ok() && self.output.is_empty()).then(|| {
                settle(&mut status);
                Checkpoint {
                    cursor: cursor.clone(),
                    sequences: self.output.sequences().clone(),
                    status: TaskStatus {
                        error: None,
                        ..status.clone()
                    },
                }
            })
        };
        if self.task.record(stored.keys, checkpoint) {
            state.delivery.note_change();
        }
        result.is_ok()
    }

    fn advance(
        &mut self,
        state: &SandboxState,
        cursor: &mut Cursor,
    ) -> Result<Progress, DeliveryError> {
        if let Some(problem) = health::problem(state, &self.task.spec) {
            self.task.status_mut().error = Some(problem);
            return Ok(Progress::Idle);
        }
        self.task.status_mut().error = None;
        match cursor {
            Cursor::Full {
                after,
                snapshot_ms,
                snapshot_position,
            } => self.advance_full(state, after, *snapshot_ms, *snapshot_position),
            Cursor::Incremental { position } => self.advance_incremental(state, position),
            Cursor::Finished => Ok(Progress::Finished),
        }
    }

    fn advance_full(
        &mut self,
        state: &SandboxState,
        after: &mut Option<Key>,
        snapshot_ms: i64,
        snapshot_position: usize,
    ) -> Result<Progress, DeliveryError> {
        let now = Instant::now();
        let now_ms = state.now().timestamp_millis();
        let batch = base_batch(
            state,
            &self.task.spec.table,
            after.as_ref(),
            self.timing.scan_batch_rows,
            now_ms,
        );
        for row in &batch.rows {
            self.output.push(row, now)?;
        }
        if batch.last_key.is_some() {
            *after = batch.last_key;
        }
        if !batch.finished {
            let here = Cursor::Full {
                after: after.clone(),
                snapshot_ms,
                snapshot_position,
            };
            self.store(state, &here, |_| {});
            return Ok(Progress::Busy);
        }
        self.output.roll(now, true)?;
        let base_only = self.task.spec.task_type == DeliveryTaskType::Base;
        let next = if base_only {
            Cursor::Finished
        } else {
            Cursor::Incremental {
                position: snapshot_position,
            }
        };
        let stored = self.store(state, &next, |status| {
            status.checkpoint_ns = snapshot_ms.saturating_mul(NANOS_PER_MILLI);
            if !base_only {
                status.phase = TaskSyncPhase::Incr;
            }
        });
        Ok(match (stored, base_only) {
            (false, _) => Progress::Idle,
            (true, true) => Progress::Finished,
            (true, false) => Progress::Next(next),
        })
    }

    fn advance_incremental(
        &mut self,
        state: &SandboxState,
        position: &mut usize,
    ) -> Result<Progress, DeliveryError> {
        let now = Instant::now();
        let now_ms = state.now().timestamp_millis();
        let batch_rows = self.timing.scan_batch_rows;
        let (rows, next) =
            written_since(state, &self.task.spec.table, *position, batch_rows, now_ms);
        *position = next;
        for row in &rows {
            self.output.push(row, now)?;
        }
        let close_all = self.task.uncommitted_objects() >= MAX_UNCOMMITTED_OBJECTS;
        self.output.roll(now, close_all)?;
        // Everything written before this read is in OSS once the output is empty.
        self.store(state, &Cursor::Incremental { position: next }, |status| {
            status.checkpoint_ns = now_ms.saturating_mul(NANOS_PER_MILLI);
        });
        Ok(if rows.len() >= batch_rows {
            Progress::Busy
        } else {
            Progress::Idle
        })
    }
}

enum Progress {
    /// More to do at once.
    Busy,
    /// Wait for the next poll.
    Idle,
    /// Nothing more ever (a finished BaseTask).
    Finished,
    Next(Cursor),
}
