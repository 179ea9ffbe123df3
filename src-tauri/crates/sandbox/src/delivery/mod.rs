//! Delivery tasks (Tablestore → OSS, Parquet) as the service runs them (spec `delivery.md`,
//! `tablestore.md` section 4): the four task operations ([`api`]), the checks the service makes
//! at create time ([`validate`]) and later ([`health`]), and an engine per task ([`engine`])
//! that exports rows to Parquet objects in the sandbox's OSS store. Deleting a table deletes its
//! tasks ([`Store::delete_table_tasks`]), so no task outlives its table.
//!
//! Rendering, object keys, type rules and event-time parsing come from the `delivery` crate;
//! this module only decides which rows go where and when.

pub mod api;
pub mod demo;
mod engine;
mod health;
mod output;
mod rows;
pub mod task;
mod timing;
mod validate;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub use task::{Checkpoint, Cursor, Progress, Task, TaskSpec, TaskStatus};
pub use timing::DeliveryTiming;

/// Tasks keyed by (table name, task name), as every call addresses them.
type TaskMap = BTreeMap<(String, String), Arc<Task>>;

/// The instance's delivery tasks and how fast their engines run.
#[derive(Debug)]
pub struct Store {
    timing: DeliveryTiming,
    tasks: Mutex<TaskMap>,
    /// Engines store objects and record their progress under the read side; persistence
    /// copies every task's progress and the OSS listing under the write side, so the two
    /// always agree in a saved state.
    commit_gate: RwLock<()>,
    /// Bumped when tasks come or go or an engine's saved progress must change.
    changes: AtomicU64,
}

impl Store {
    pub fn new(timing: DeliveryTiming) -> Self {
        Self {
            timing,
            tasks: Mutex::new(TaskMap::new()),
            commit_gate: RwLock::new(()),
            changes: AtomicU64::new(0),
        }
    }

    pub fn changes(&self) -> u64 {
        self.changes.load(Ordering::Acquire)
    }

    fn note_change(&self) {
        self.changes.fetch_add(1, Ordering::AcqRel);
    }

    /// Held by an engine while it stores objects and records its progress.
    fn commit_gate(&self) -> RwLockReadGuard<'_, ()> {
        self.commit_gate
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Holds every engine between storing and recording, so progress and objects can be
    /// copied consistently.
    pub fn freeze_commits(&self) -> RwLockWriteGuard<'_, ()> {
        self.commit_gate
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Every task, by table and name.
    pub fn all(&self) -> Vec<Arc<Task>> {
        self.tasks().values().cloned().collect()
    }

    /// Tells every engine to stop (the sandbox is shutting down).
    pub fn stop_all(&self) {
        for task in self.tasks().values() {
            task.stop();
        }
    }

    pub fn timing(&self) -> &DeliveryTiming {
        &self.timing
    }

    fn tasks(&self) -> MutexGuard<'_, TaskMap> {
        self.tasks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Stops and forgets every task of `table`, as the service does when the table is deleted;
    /// objects they stored stay in OSS. Returns how many went.
    pub fn delete_table_tasks(&self, table: &str) -> usize {
        let removed: Vec<Arc<Task>> = {
            let mut tasks = self.tasks();
            let keys: Vec<(String, String)> = tasks
                .keys()
                .filter(|(task_table, _)| task_table == table)
                .cloned()
                .collect();
            keys.iter().filter_map(|key| tasks.remove(key)).collect()
        };
        for task in &removed {
            task.stop();
        }
        if !removed.is_empty() {
            self.note_change();
        }
        removed.len()
    }

    /// One task, if it exists.
    pub fn task(&self, table: &str, name: &str) -> Option<Arc<Task>> {
        self.tasks()
            .get(&(table.to_owned(), name.to_owned()))
            .cloned()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Engines hold only a weak reference to the sandbox, but stop them at once anyway.
        for task in self.tasks().values() {
            task.stop();
        }
    }
}
