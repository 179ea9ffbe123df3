//! What the app remembers of a table between steps: its declared columns and the last sample
//! (the inference report plus the first rows, kept for the Parquet preview, the event-time
//! check and example object paths). In memory only: samples can hold user data.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use delivery::schema_inference::InferenceReport;
use delivery::SourceColumn;
use tablestore_wire::{PrimaryKeyValue, Row, Value};

/// Rows kept per sample for previews; the inference still sees every sampled row.
pub const PREVIEW_ROWS: usize = 1_000;

/// One table's remembered columns and sample.
#[derive(Debug, Clone, Default)]
pub struct TableKnowledge {
    /// Primary key then defined columns, from the table's metadata.
    pub declared: Vec<SourceColumn>,
    /// The last completed sample, if any.
    pub sample: Option<Arc<CachedSample>>,
}

#[derive(Debug)]
pub struct CachedSample {
    pub report: InferenceReport,
    /// The first [`PREVIEW_ROWS`] rows read.
    pub rows: Vec<Row>,
}

impl CachedSample {
    /// The value of `column` in every kept row (`None` where a row lacks it); primary-key
    /// columns are looked up in the key.
    pub fn values_of(&self, column: &str) -> Vec<Option<Value>> {
        self.rows.iter().map(|row| value_in(row, column)).collect()
    }
}

fn value_in(row: &Row, column: &str) -> Option<Value> {
    if let Some(cell) = row.cells.iter().find(|cell| cell.name == column) {
        return cell.value.clone();
    }
    row.primary_key
        .iter()
        .find(|(name, _)| name == column)
        .and_then(|(_, value)| match value {
            PrimaryKeyValue::Integer(v) => Some(Value::Integer(*v)),
            PrimaryKeyValue::String(v) => Some(Value::String(v.clone())),
            PrimaryKeyValue::Binary(v) => Some(Value::Binary(v.clone())),
            _ => None,
        })
}

/// Known tables by (profile, table).
#[derive(Debug, Default)]
pub struct SampleCache {
    tables: Mutex<HashMap<(String, String), TableKnowledge>>,
}

impl SampleCache {
    pub fn get(&self, profile: &str, table: &str) -> Option<TableKnowledge> {
        self.lock()
            .get(&(profile.to_owned(), table.to_owned()))
            .cloned()
    }

    pub fn remember_declared(&self, profile: &str, table: &str, declared: Vec<SourceColumn>) {
        self.lock()
            .entry((profile.to_owned(), table.to_owned()))
            .or_default()
            .declared = declared;
    }

    pub fn remember_sample(&self, profile: &str, table: &str, sample: CachedSample) {
        self.lock()
            .entry((profile.to_owned(), table.to_owned()))
            .or_default()
            .sample = Some(Arc::new(sample));
    }

    /// Forgets everything learnt through `profile` (e.g. when it is deleted or changed).
    pub fn forget_profile(&self, profile: &str) {
        self.lock().retain(|(p, _), _| p != profile);
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<(String, String), TableKnowledge>> {
        self.tables.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
