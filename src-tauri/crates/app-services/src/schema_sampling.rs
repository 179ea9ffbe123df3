//! Discovering a table's columns: the declared ones from its metadata, the rest by sampling
//! rows, with progress reported as it goes and a way to cancel.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cloud_clients::tablestore::{
    ColumnType, PrimaryKeyType, SampleBudget, SampleControl, TableDescription,
};
use delivery::schema_inference::{InferenceReport, SchemaInference};
use delivery::{ColumnOrigin, SourceColumn, TablestoreType};
use serde::Serialize;
use ts_rs::TS;

/// Where a running sample is, sent to the UI after each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SamplingProgress {
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub bytes: u64,
    pub pages: u32,
}

/// What sampling found: every column with the types seen, and whether the table ended.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SchemaSample {
    pub report: InferenceReport,
    /// The whole table was read before the row budget ran out.
    pub reached_end: bool,
}

/// The most bytes one sample reads, whatever the row budget: keeps memory and time bounded.
pub const SAMPLE_BYTE_BUDGET: u64 = 64 * 1024 * 1024;
/// The most rows one sample may ask for.
pub const MAX_SAMPLE_ROWS: u32 = 1_000_000;

/// The declared columns of a table: primary key first, then the defined columns.
pub fn declared_columns(description: &TableDescription) -> Vec<SourceColumn> {
    let primary = description.primary_key.iter().map(|c| {
        let kind = match c.column_type {
            PrimaryKeyType::Integer => TablestoreType::Integer,
            PrimaryKeyType::String => TablestoreType::String,
            PrimaryKeyType::Binary => TablestoreType::Binary,
        };
        SourceColumn::new(c.name.clone(), ColumnOrigin::PrimaryKey, &[kind])
    });
    let defined = description.defined_columns.iter().map(|c| {
        let kind = match c.column_type {
            ColumnType::Integer => TablestoreType::Integer,
            ColumnType::Double => TablestoreType::Double,
            ColumnType::Boolean => TablestoreType::Boolean,
            ColumnType::String => TablestoreType::String,
            ColumnType::Binary => TablestoreType::Binary,
        };
        SourceColumn::new(c.name.clone(), ColumnOrigin::Defined, &[kind])
    });
    primary.chain(defined).collect()
}

/// Who asked for a sample. Only the schema step's samples have a Cancel button; a drift check
/// (tasks screen) of the same table must not stop when that button is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SampleKind {
    SchemaStep,
    DriftCheck,
}

/// Running samples by profile and table, so the UI can cancel one. The same table may be
/// sampled twice at once (the schema step, and a drift check on the tasks screen), so each
/// run is kept under its own number.
#[derive(Debug, Default)]
pub struct RunningSamples {
    running: Mutex<HashMap<(String, String), Runs>>,
    next_run: std::sync::atomic::AtomicU64,
}

/// The runs of one table, each under its number.
type Runs = Vec<(u64, SampleKind, Arc<SampleControl>)>;

/// One registered run; it leaves the register when dropped (finished, failed or abandoned).
#[derive(Debug)]
pub struct RunningSample<'a> {
    samples: &'a RunningSamples,
    key: (String, String),
    run: u64,
    pub control: Arc<SampleControl>,
}

impl Drop for RunningSample<'_> {
    fn drop(&mut self) {
        let mut running = self.samples.lock();
        if let Some(runs) = running.get_mut(&self.key) {
            runs.retain(|(run, _, _)| *run != self.run);
            if runs.is_empty() {
                running.remove(&self.key);
            }
        }
    }
}

impl RunningSamples {
    pub fn start(&self, profile: &str, table: &str, kind: SampleKind) -> RunningSample<'_> {
        let control = Arc::new(SampleControl::default());
        let run = self
            .next_run
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let key = (profile.to_owned(), table.to_owned());
        self.lock()
            .entry(key.clone())
            .or_default()
            .push((run, kind, control.clone()));
        RunningSample {
            samples: self,
            key,
            run,
            control,
        }
    }

    /// Cancels the schema step's running samples of `table` (not a drift check's); false when
    /// none was running.
    pub fn cancel(&self, profile: &str, table: &str) -> bool {
        let running = self.lock();
        let Some(runs) = running.get(&(profile.to_owned(), table.to_owned())) else {
            return false;
        };
        let mut cancelled = false;
        for (_, kind, control) in runs {
            if *kind == SampleKind::SchemaStep {
                control.cancel();
                cancelled = true;
            }
        }
        cancelled
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), Runs>> {
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Feeds sampled rows to the inference that started from the declared columns.
pub fn budget(max_rows: u32) -> SampleBudget {
    SampleBudget {
        max_rows: u64::from(max_rows.clamp(1, MAX_SAMPLE_ROWS)),
        max_bytes: SAMPLE_BYTE_BUDGET,
    }
}

pub fn new_inference(declared: &[SourceColumn]) -> SchemaInference {
    SchemaInference::with_declared_columns(declared)
}

#[cfg(test)]
mod tests {
    use super::{RunningSamples, SampleKind};

    #[test]
    fn two_samples_of_one_table_are_both_cancellable_and_leave_one_by_one() {
        let samples = RunningSamples::default();
        let first = samples.start("p", "orders", SampleKind::SchemaStep);
        let second = samples.start("p", "orders", SampleKind::SchemaStep);
        let other = samples.start("p", "users", SampleKind::SchemaStep);
        // The first ends: the second is still registered (it used to be dropped with it).
        drop(first);
        assert!(samples.cancel("p", "orders"));
        assert!(second.control.is_cancelled());
        assert!(!other.control.is_cancelled());
        drop(second);
        assert!(!samples.cancel("p", "orders"), "nothing left to cancel");
        assert!(samples.cancel("p", "users"));
    }

    #[test]
    fn the_schema_steps_cancel_leaves_a_drift_check_of_the_same_table_running() {
        let samples = RunningSamples::default();
        let drift = samples.start("p", "orders", SampleKind::DriftCheck);
        assert!(
            !samples.cancel("p", "orders"),
            "no schema-step sample to cancel"
        );
        let step = samples.start("p", "orders", SampleKind::SchemaStep);
        assert!(samples.cancel("p", "orders"));
        assert!(step.control.is_cancelled());
        assert!(!drift.control.is_cancelled());
    }
}
