//! Turning exported rows into objects: one open Parquet file per expanded prefix (the row's
//! time partition), written out when it reaches the size limit or the roll interval, under the
//! key the service uses (`<prefix>/<task>_<ConcurrentID>_<prefix with _>__<SequenceID>`, no
//! extension). Values whose type does not match the schema are dropped as dirty data by the
//! renderer.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use delivery::civil_time::CivilTime;
use delivery::event_time_check::parse_value;
use delivery::parquet_render::{ParquetRenderer, RenderOptions};
use delivery::prefix_preview::{object_key_with_ids, FIRST_CONCURRENT_ID, FIRST_SEQUENCE_ID};
use delivery::{DeliveryError, EventTimeFormat, OssPrefix, ParquetSchema, TaskName};
use tablestore_wire::{Row, Value};

use super::rows::{column_value, ExportRow};
use super::task::TaskSpec;
use super::timing::DeliveryTiming;
use crate::oss::StoreError;
use crate::state::SandboxState;

/// The zone time variables are expanded in: the service's is unconfirmed; UTC is chosen.
const ZONE_OFFSET_MINUTES: i32 = 0;
/// Delivered objects carry no type of their own on OSS.
const CONTENT_TYPE: &str = "application/octet-stream";

struct OpenFile {
    renderer: ParquetRenderer,
    rows: u64,
    bytes: usize,
    opened: Instant,
}

/// A rendered object waiting to be stored.
#[derive(Debug)]
struct ReadyObject {
    key: String,
    bytes: Vec<u8>,
    rows: u64,
    dirty_fields: u64,
}

/// What [`Output::store`] wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stored {
    pub objects: u64,
    pub rows: u64,
    pub dirty_fields: u64,
    /// The keys of the objects written, in order.
    pub keys: Vec<String>,
}

pub struct Output {
    task: TaskName,
    schema: ParquetSchema,
    /// The source columns the schema reads.
    mapped: BTreeSet<String>,
    prefix: OssPrefix,
    event_time: Option<(String, EventTimeFormat)>,
    bucket: String,
    roll_bytes: usize,
    roll_interval: Duration,
    open: BTreeMap<String, OpenFile>,
    next_sequence: BTreeMap<String, u64>,
    ready: Vec<ReadyObject>,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("task", &self.task)
            .field("open", &self.open.len())
            .field("ready", &self.ready.len())
            .finish_non_exhaustive()
    }
}

/// About what a row's mapped values take in a PLAIN-encoded file (unmapped columns are not
/// written, so they do not count).
fn estimated_bytes(row: &Row, mapped: &BTreeSet<String>) -> usize {
    let value_bytes = |value: &Value| match value {
        Value::Integer(_) | Value::Double(_) => 8,
        Value::Boolean(_) => 1,
        Value::String(text) => text.len() + 4,
        Value::Binary(bytes) => bytes.len() + 4,
    };
    let keys = row
        .primary_key
        .iter()
        .filter(|(name, _)| mapped.contains(name))
        .count();
    keys * 8
        + row
            .cells
            .iter()
            .filter(|cell| mapped.contains(&cell.name))
            .filter_map(|cell| cell.value.as_ref())
            .map(value_bytes)
            .sum::<usize>()
}

impl Output {
    pub fn new(spec: &TaskSpec, timing: &DeliveryTiming) -> Self {
        Self {
            task: spec.name.clone(),
            schema: spec.schema.clone(),
            mapped: spec
                .schema
                .entries()
                .iter()
                .map(|entry| entry.source_column.clone())
                .collect(),
            prefix: spec.prefix.clone(),
            event_time: spec.event_time.clone(),
            bucket: spec.bucket.clone(),
            roll_bytes: timing.roll_bytes,
            roll_interval: timing.roll_interval,
            open: BTreeMap::new(),
            next_sequence: BTreeMap::new(),
            ready: Vec::new(),
        }
    }

    /// The instant that places the row: its event time when the task names an event-time
    /// column and the value parses, otherwise when it was written. (What the service does
    /// with a missing or unreadable event time is unconfirmed.)
    fn instant_of(&self, row: &ExportRow) -> i64 {
        self.event_time
            .as_ref()
            .and_then(|(column, format)| {
                let value = column_value(&row.row, column)?;
                parse_value(*format, &value).ok()
            })
            .unwrap_or(row.written_ms)
    }

    /// Adds a row to the file of its partition; writes the file out when it is full.
    pub fn push(&mut self, row: &ExportRow, now: Instant) -> Result<(), DeliveryError> {
        let instant = self.instant_of(row);
        let expanded = self
            .prefix
            .expand(&CivilTime::from_unix_millis(instant, ZONE_OFFSET_MINUTES));
        let file = match self.open.entry(expanded.clone()) {
            Entry::Occupied(open) => open.into_mut(),
            Entry::Vacant(slot) => {
                let options = RenderOptions {
                    created_by: "Tablestore sandbox delivery".to_owned(),
                    ..RenderOptions::default()
                };
                slot.insert(OpenFile {
                    renderer: ParquetRenderer::new(&self.schema, &options)?,
                    rows: 0,
                    bytes: 0,
                    opened: now,
                })
            }
        };
        file.renderer.push(&row.row)?;
        file.rows += 1;
        file.bytes += estimated_bytes(&row.row, &self.mapped);
        if file.bytes >= self.roll_bytes {
            self.close(&expanded)?;
        }
        Ok(())
    }

    /// Closes files open for the roll interval, or every file when `all`.
    pub fn roll(&mut self, now: Instant, all: bool) -> Result<(), DeliveryError> {
        let due: Vec<String> = self
            .open
            .iter()
            .filter(|(_, file)| all || now.duration_since(file.opened) >= self.roll_interval)
            .map(|(prefix, _)| prefix.clone())
            .collect();
        for prefix in due {
            self.close(&prefix)?;
        }
        Ok(())
    }

    fn close(&mut self, expanded: &str) -> Result<(), DeliveryError> {
        let Some(file) = self.open.remove(expanded) else {
            return Ok(());
        };
        let rendered = file.renderer.finish()?;
        let sequence = self
            .next_sequence
            .entry(expanded.to_owned())
            .or_insert(FIRST_SEQUENCE_ID);
        let key = object_key_with_ids(expanded, &self.task, FIRST_CONCURRENT_ID, *sequence);
        *sequence += 1;
        self.ready.push(ReadyObject {
            key,
            bytes: rendered.bytes,
            rows: file.rows,
            dirty_fields: rendered.dirty_fields.iter().sum(),
        });
        Ok(())
    }

    /// Puts every rendered object into the bucket; what fails stays for the next try. What
    /// was written before a failure is reported either way.
    pub fn store(&mut self, state: &SandboxState) -> (Stored, Result<(), StoreError>) {
        let mut stored = Stored::default();
        while let Some(object) = self.ready.first() {
            if let Err(error) = state.oss.put_object(
                &self.bucket,
                &object.key,
                object.bytes.clone(),
                CONTENT_TYPE,
                state.now(),
            ) {
                return (stored, Err(error));
            }
            let object = self.ready.remove(0);
            stored.objects += 1;
            stored.rows += object.rows;
            stored.dirty_fields += object.dirty_fields;
            stored.keys.push(object.key);
        }
        (stored, Ok(()))
    }

    /// The next sequence id per expanded prefix.
    pub fn sequences(&self) -> &BTreeMap<String, u64> {
        &self.next_sequence
    }

    /// Carries on numbering objects from a saved checkpoint.
    pub fn set_sequences(&mut self, sequences: BTreeMap<String, u64>) {
        self.next_sequence = sequences;
    }

    /// Whether every row pushed so far is in OSS.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty() && self.ready.is_empty()
    }
}
