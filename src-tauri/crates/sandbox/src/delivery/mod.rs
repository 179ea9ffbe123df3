//! Delivery tasks (Tablestore → OSS, Parquet) as the service runs them (spec `delivery.md`,
//! `tablestore.md` section 4): the four task operations ([`api`]), the checks the service makes
//! at create time ([`validate`]) and later ([`health`]), and an engine per task ([`engine`])
//! that exports rows to Parquet objects in the sandbox's OSS store.
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
use std::sync::{Arc, Mutex, MutexGuard};

pub use task::{Task, TaskSpec, TaskStatus};
pub use timing::DeliveryTiming;

/// Tasks keyed by (table name, task name), as every call addresses them.
type TaskMap = BTreeMap<(String, String), Arc<Task>>;

/// The instance's delivery tasks and how fast their engines run.
#[derive(Debug)]
pub struct Store {
    timing: DeliveryTiming,
    tasks: Mutex<TaskMap>,
}

impl Store {
    pub fn new(timing: DeliveryTiming) -> Self {
        Self {
            timing,
            tasks: Mutex::new(TaskMap::new()),
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
