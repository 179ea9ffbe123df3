//! The engine of one task, on its own thread: INIT for the configured delay, then a full
//! export (BaseTask, BaseIncTask) in key order, then the writes made since (IncTask from the
//! task's creation, BaseIncTask from the start of its full export). While the role or bucket
//! is wrong it writes nothing and reports why; once fixed it carries on where it stopped.
//!
//! Delivery is at least once: a row written while the full export runs may be exported by
//! both phases, as with any snapshot-then-log export.

use std::sync::{Arc, Weak};
use std::time::Instant;

use delivery::DeliveryError;
use tablestore_wire::proto::task_sync_stat::TaskSyncPhase;
use tablestore_wire::proto::{DeliveryTaskType, ErrorType};

use super::health;
use super::output::Output;
use super::rows::{base_batch, write_position, written_since};
use super::task::Task;
use super::timing::DeliveryTiming;
use crate::state::SandboxState;
use crate::tablestore::schema::Key;

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

enum Step {
    /// Exporting the table; `after` is the last key exported.
    Full {
        after: Option<Key>,
        snapshot_ms: i64,
        snapshot_position: usize,
    },
    /// Following the write log from `position`.
    Incremental { position: usize },
}

struct Engine<'a> {
    task: &'a Task,
    timing: &'a DeliveryTiming,
    output: Output,
}

impl<'a> Engine<'a> {
    fn new(task: &'a Task, timing: &'a DeliveryTiming) -> Self {
        Self {
            task,
            timing,
            output: Output::new(&task.spec, timing),
        }
    }

    fn sleep(&self) {
        std::thread::sleep(self.timing.poll_interval);
    }

    fn run(mut self, state: &Weak<SandboxState>) {
        let started = Instant::now();
        while started.elapsed() < self.timing.init_delay {
            if self.task.is_stopped() {
                return;
            }
            std::thread::sleep(
                self.timing
                    .poll_interval
                    .min(self.timing.init_delay.saturating_sub(started.elapsed())),
            );
        }
        let mut step = None;
        loop {
            if self.task.is_stopped() {
                return;
            }
            let Some(state) = state.upgrade() else { return };
            let step_now = step.get_or_insert_with(|| self.first_step(&state));
            match self.advance(&state, step_now) {
                Ok(Progress::Busy) => continue,
                Ok(Progress::Idle) => {}
                Ok(Progress::Finished) => return,
                Ok(Progress::Next(next)) => {
                    step = Some(next);
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

    fn first_step(&self, state: &SandboxState) -> Step {
        let spec = &self.task.spec;
        let step = if spec.task_type == DeliveryTaskType::Inc {
            Step::Incremental {
                position: spec.created_at_write,
            }
        } else {
            Step::Full {
                after: None,
                snapshot_ms: state.now().timestamp_millis(),
                snapshot_position: write_position(state, &spec.table),
            }
        };
        self.task.status_mut().phase = match step {
            Step::Full { .. } => TaskSyncPhase::Full,
            Step::Incremental { .. } => TaskSyncPhase::Incr,
        };
        step
    }

    /// Stores rendered objects; false (with the error shown) if the bucket refused them.
    fn store(&mut self, state: &SandboxState) -> bool {
        match self.output.store(state) {
            Ok(stored) => {
                let mut status = self.task.status_mut();
                status.objects_written += stored.objects;
                status.rows_delivered += stored.rows;
                status.dirty_fields += stored.dirty_fields;
                true
            }
            Err(error) => {
                self.task.status_mut().error = Some((
                    ErrorType::InvalidOssBucket,
                    format!("Writing to the OSS bucket failed: {error}."),
                ));
                false
            }
        }
    }

    fn advance(
        &mut self,
        state: &SandboxState,
        step: &mut Step,
    ) -> Result<Progress, DeliveryError> {
        if let Some(problem) = health::problem(state, &self.task.spec) {
            self.task.status_mut().error = Some(problem);
            return Ok(Progress::Idle);
        }
        self.task.status_mut().error = None;
        let now = Instant::now();
        let now_ms = state.now().timestamp_millis();
        let batch_rows = self.timing.scan_batch_rows;
        match step {
            Step::Full {
                after,
                snapshot_ms,
                snapshot_position,
            } => {
                let batch = base_batch(
                    state,
                    &self.task.spec.table,
                    after.as_ref(),
                    batch_rows,
                    now_ms,
                );
                for row in &batch.rows {
                    self.output.push(row, now)?;
                }
                if batch.last_key.is_some() {
                    *after = batch.last_key;
                }
                if !batch.finished {
                    self.store(state);
                    return Ok(Progress::Busy);
                }
                self.output.roll(now, true)?;
                if !self.store(state) {
                    return Ok(Progress::Idle);
                }
                let mut status = self.task.status_mut();
                status.checkpoint_ns = snapshot_ms.saturating_mul(NANOS_PER_MILLI);
                if self.task.spec.task_type == DeliveryTaskType::Base {
                    return Ok(Progress::Finished);
                }
                status.phase = TaskSyncPhase::Incr;
                Ok(Progress::Next(Step::Incremental {
                    position: *snapshot_position,
                }))
            }
            Step::Incremental { position } => {
                let (rows, next) =
                    written_since(state, &self.task.spec.table, *position, batch_rows, now_ms);
                *position = next;
                for row in &rows {
                    self.output.push(row, now)?;
                }
                self.output.roll(now, false)?;
                if self.store(state) && self.output.is_empty() {
                    // Everything written before this read is in OSS.
                    self.task.status_mut().checkpoint_ns = now_ms.saturating_mul(NANOS_PER_MILLI);
                }
                Ok(if rows.len() >= batch_rows {
                    Progress::Busy
                } else {
                    Progress::Idle
                })
            }
        }
    }
}

enum Progress {
    /// More to do at once.
    Busy,
    /// Wait for the next poll.
    Idle,
    /// Nothing more ever (a finished BaseTask).
    Finished,
    Next(Step),
}
