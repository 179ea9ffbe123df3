//! Reading rows for export: a full export walks the table in key order a batch at a time; an
//! incremental export follows the table's write log. Rows come out as `tablestore_wire::Row`
//! (newest version of each cell), which the `delivery` crate renders.

use std::collections::BTreeSet;
use std::ops::Bound;

use tablestore_wire::{Cell, PrimaryKeyValue, Row};

use crate::state::SandboxState;
use crate::tablestore::schema::Key;
use crate::tablestore::table::{StoredRow, Table};

/// A row to export and when it was written (Unix ms: its newest cell's timestamp).
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub row: Row,
    pub written_ms: i64,
}

fn export_row(table: &Table, key: &Key, stored: &StoredRow, fallback_ms: i64) -> ExportRow {
    let primary_key = table
        .schema
        .primary_key
        .iter()
        .zip(key)
        .map(|(column, value)| (column.name.clone(), value.clone()))
        .collect();
    let mut written_ms = None;
    let cells = stored
        .columns
        .iter()
        .filter_map(|(name, versions)| {
            // Versions are newest first; only the current value is delivered.
            let newest = versions.first()?;
            written_ms =
                Some(written_ms.map_or(newest.timestamp, |w: i64| w.max(newest.timestamp)));
            Some(Cell {
                name: name.clone(),
                value: Some(newest.value.clone()),
                timestamp: Some(newest.timestamp),
            })
        })
        .collect();
    ExportRow {
        row: Row { primary_key, cells },
        written_ms: written_ms.unwrap_or(fallback_ms),
    }
}

/// One step of a full export.
#[derive(Debug, Default)]
pub struct BaseBatch {
    pub rows: Vec<ExportRow>,
    /// The last key read; the next step starts after it.
    pub last_key: Option<Key>,
    pub finished: bool,
}

/// Up to `limit` rows after `after` (from the start when `None`). A table that no longer
/// exists reads as finished.
pub fn base_batch(
    state: &SandboxState,
    table_name: &str,
    after: Option<&Key>,
    limit: usize,
    now_ms: i64,
) -> BaseBatch {
    let tables = state.tablestore.tables();
    let Some(table) = tables.get(table_name) else {
        return BaseBatch {
            finished: true,
            ..BaseBatch::default()
        };
    };
    let lower = after.map_or(Bound::Unbounded, Bound::Excluded);
    let mut batch = BaseBatch::default();
    for (key, stored) in table.scan(lower, Bound::Unbounded, false) {
        if batch.rows.len() == limit {
            return batch;
        }
        batch.rows.push(export_row(table, &key, &stored, now_ms));
        batch.last_key = Some(key.into_owned());
    }
    batch.finished = true;
    batch
}

/// Rows written since write-log position `from` (each key once, in its current state; a
/// deleted row is not delivered), and the position to continue from.
pub fn written_since(
    state: &SandboxState,
    table_name: &str,
    from: usize,
    limit: usize,
    now_ms: i64,
) -> (Vec<ExportRow>, usize) {
    let tables = state.tablestore.tables();
    let Some(table) = tables.get(table_name) else {
        return (Vec::new(), from);
    };
    let log = table.write_log();
    // Tasks go with their table (DeleteTable), so the log is never shorter than a live
    // task's position; should it be, starting over re-delivers rather than skipping rows.
    let from = if from > log.len() { 0 } else { from };
    let end = log.len().min(from.saturating_add(limit));
    let mut seen: BTreeSet<&Key> = BTreeSet::new();
    let mut rows = Vec::new();
    // Newest first, so a key written twice in the window is exported once.
    for key in log[from..end].iter().rev() {
        if !seen.insert(key) {
            continue;
        }
        if let Some(stored) = table.get(key) {
            rows.push(export_row(table, key, &stored, now_ms));
        }
    }
    rows.reverse();
    (rows, end)
}

/// The value of `column` in a row, whether a key or an attribute column.
pub fn column_value(row: &Row, column: &str) -> Option<tablestore_wire::Value> {
    if let Some((_, value)) = row.primary_key.iter().find(|(name, _)| name == column) {
        return match value {
            PrimaryKeyValue::Integer(v) => Some(tablestore_wire::Value::Integer(*v)),
            PrimaryKeyValue::String(v) => Some(tablestore_wire::Value::String(v.clone())),
            PrimaryKeyValue::Binary(v) => Some(tablestore_wire::Value::Binary(v.clone())),
            _ => None,
        };
    }
    row.cells
        .iter()
        .find(|cell| cell.name == column)
        .and_then(|cell| cell.value.clone())
}

/// The table's current write-log position (0 for a table that no longer exists).
pub fn write_position(state: &SandboxState, table_name: &str) -> usize {
    state
        .tablestore
        .tables()
        .get(table_name)
        .map_or(0, |table| table.write_log().len())
}
