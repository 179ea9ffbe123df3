//! Streaming schema inference over sampled rows.
//!
//! Rows come in one at a time and are not kept: memory is O(columns). For each column the
//! tally holds how many rows had a value of each Tablestore type; from those counts the report
//! answers "how many sampled rows would lose this field as dirty data" for any mapped pair.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tablestore_wire::Row;
use ts_rs::TS;

use crate::parquet_type::ParquetType;
use crate::source_column::{ColumnOrigin, SourceColumn};
use crate::tablestore_type::TablestoreType;
use crate::task_draft::SchemaEntryDraft;
use crate::type_compat::{documented_target, value_is_kept};

#[derive(Debug, Clone)]
struct ColumnTally {
    name: String,
    origin: ColumnOrigin,
    rows_by_type: [u64; 5],
    /// Row number that last counted this column; a second cell of the same column in one row
    /// (an older version) is not counted again.
    last_row: u64,
}

/// Accumulates column statistics from rows fed one by one.
#[derive(Debug, Clone, Default)]
pub struct SchemaInference {
    columns: Vec<ColumnTally>,
    by_name: HashMap<String, usize>,
    /// Column index last seen at each cell position: rows of one table usually list columns
    /// in the same order, so most lookups are one string comparison instead of a hash.
    position_hint: Vec<usize>,
    /// Column matched by the previous cell; in sparse rows the next cell is usually one of
    /// the few columns after it.
    previous: usize,
    rows_seen: u64,
}

impl SchemaInference {
    /// Columns after the previous match tried before hashing.
    const LOOKAHEAD: usize = 3;

    pub fn new() -> Self {
        Self::default()
    }

    /// Starts with the table's declared columns, so they keep their origin and appear even if
    /// no sampled row has them.
    pub fn with_declared_columns(columns: &[SourceColumn]) -> Self {
        let mut inference = Self::new();
        for column in columns {
            inference.column_index(&column.name, column.origin);
        }
        inference
    }

    /// Counts one row.
    pub fn observe(&mut self, row: &Row) {
        self.rows_seen += 1;
        let row_number = self.rows_seen;
        for (position, (name, value)) in row.primary_key.iter().enumerate() {
            if let Some(kind) = TablestoreType::of_primary_key(value) {
                let index = self.lookup(position, name, ColumnOrigin::PrimaryKey);
                self.count(index, kind, row_number);
            }
        }
        let offset = row.primary_key.len();
        for (position, cell) in row.cells.iter().enumerate() {
            // A cell without a value is a delete marker, not data.
            if let Some(value) = &cell.value {
                let index = self.lookup(offset + position, &cell.name, ColumnOrigin::Sampled);
                self.count(index, TablestoreType::of_value(value), row_number);
            }
        }
    }

    fn count(&mut self, index: usize, kind: TablestoreType, row_number: u64) {
        let tally = &mut self.columns[index];
        if tally.last_row != row_number {
            tally.last_row = row_number;
            tally.rows_by_type[kind.index()] += 1;
        }
    }

    fn lookup(&mut self, position: usize, name: &str, origin: ColumnOrigin) -> usize {
        if let Some(&hinted) = self.position_hint.get(position) {
            if self.columns[hinted].name == name {
                self.previous = hinted;
                return hinted;
            }
        }
        let next = self.previous + 1;
        let ahead = self.columns.len().min(next + Self::LOOKAHEAD);
        let index = match (next..ahead).find(|&i| self.columns[i].name == name) {
            Some(index) => index,
            None => self.column_index(name, origin),
        };
        self.previous = index;
        if position >= self.position_hint.len() {
            self.position_hint.resize(position + 1, index);
        }
        self.position_hint[position] = index;
        index
    }

    fn column_index(&mut self, name: &str, origin: ColumnOrigin) -> usize {
        if let Some(&index) = self.by_name.get(name) {
            return index;
        }
        let index = self.columns.len();
        self.columns.push(ColumnTally {
            name: name.to_owned(),
            origin,
            rows_by_type: [0; 5],
            last_row: 0,
        });
        self.by_name.insert(name.to_owned(), index);
        index
    }

    /// The statistics so far.
    pub fn report(&self) -> InferenceReport {
        let rows_seen = saturate(self.rows_seen);
        let columns = self
            .columns
            .iter()
            .map(|tally| {
                let types: Vec<TypeCount> = TablestoreType::ALL
                    .into_iter()
                    .filter(|kind| tally.rows_by_type[kind.index()] > 0)
                    .map(|kind| TypeCount {
                        tablestore_type: kind,
                        rows: saturate(tally.rows_by_type[kind.index()]),
                    })
                    .collect();
                let present: u64 = tally.rows_by_type.iter().sum();
                ColumnProfile {
                    name: tally.name.clone(),
                    origin: tally.origin,
                    present_rows: saturate(present),
                    presence_percent: percent(present, self.rows_seen),
                    types,
                }
            })
            .collect();
        InferenceReport { rows_seen, columns }
    }
}

/// Rows of one type in one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TypeCount {
    pub tablestore_type: TablestoreType,
    pub rows: u32,
}

/// What the sample says about one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnProfile {
    pub name: String,
    pub origin: ColumnOrigin,
    /// Types seen with their row counts, in [`TablestoreType::ALL`] order.
    pub types: Vec<TypeCount>,
    pub present_rows: u32,
    /// Share of sampled rows that have the column, 0–100.
    pub presence_percent: f64,
}

impl ColumnProfile {
    /// Rows whose value has this type.
    pub fn rows_of(&self, kind: TablestoreType) -> u32 {
        self.types
            .iter()
            .find(|count| count.tablestore_type == kind)
            .map_or(0, |count| count.rows)
    }

    /// The most frequent type (ties: earlier in [`TablestoreType::ALL`]).
    pub fn dominant_type(&self) -> Option<TablestoreType> {
        self.types
            .iter()
            .rev()
            .max_by_key(|count| count.rows)
            .map(|count| count.tablestore_type)
    }
}

/// Inference result over a whole sample. Counts saturate at `u32::MAX`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InferenceReport {
    pub rows_seen: u32,
    /// Columns in order of first appearance (primary key first).
    pub columns: Vec<ColumnProfile>,
}

/// For one mapped pair: how many sampled rows keep, lose (dirty) or lack the field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DirtyCount {
    pub source_column: String,
    pub output_name: String,
    pub parquet_type: ParquetType,
    /// Rows whose value the service would write.
    pub kept_rows: u32,
    /// Rows whose value the service would drop as dirty data (type mismatch).
    pub dirty_rows: u32,
    /// Rows without the column (written as null, unconfirmed).
    pub missing_rows: u32,
    /// `dirty_rows` as a share of all sampled rows, 0–100.
    pub dirty_percent: f64,
}

impl InferenceReport {
    pub fn column(&self, name: &str) -> Option<&ColumnProfile> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The columns as source columns for validation.
    pub fn source_columns(&self) -> Vec<SourceColumn> {
        self.columns
            .iter()
            .map(|profile| {
                let types: Vec<TablestoreType> = profile
                    .types
                    .iter()
                    .map(|count| count.tablestore_type)
                    .collect();
                SourceColumn::new(profile.name.clone(), profile.origin, &types)
            })
            .collect()
    }

    /// Dirty-data counts for every entry of a draft schema that has a type.
    pub fn dirty_counts(&self, entries: &[SchemaEntryDraft]) -> Vec<DirtyCount> {
        entries
            .iter()
            .filter_map(|entry| {
                let target = entry.parquet_type?;
                let (kept, dirty) = self.column(&entry.source_column).map_or((0, 0), |column| {
                    column
                        .types
                        .iter()
                        .fold((0u32, 0u32), |(kept, dirty), count| {
                            if value_is_kept(count.tablestore_type, target) {
                                (kept.saturating_add(count.rows), dirty)
                            } else {
                                (kept, dirty.saturating_add(count.rows))
                            }
                        })
                });
                Some(DirtyCount {
                    source_column: entry.source_column.clone(),
                    output_name: entry.output_name.clone(),
                    parquet_type: target,
                    kept_rows: kept,
                    dirty_rows: dirty,
                    missing_rows: self.rows_seen.saturating_sub(kept.saturating_add(dirty)),
                    dirty_percent: percent(u64::from(dirty), u64::from(self.rows_seen)),
                })
            })
            .collect()
    }

    /// "Auto generate": one entry per column whose dominant type has a documented target,
    /// named as the column, typed by that target. BINARY-only columns are left out.
    pub fn suggested_schema(&self) -> Vec<SchemaEntryDraft> {
        self.columns
            .iter()
            .filter_map(|column| {
                let target = documented_target(column.dominant_type()?)?;
                Some(SchemaEntryDraft {
                    source_column: column.name.clone(),
                    output_name: column.name.clone(),
                    parquet_type: Some(target),
                })
            })
            .collect()
    }
}

fn saturate(count: u64) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

// Counts stay far below 2^52, where u64 → f64 starts to round.
#[allow(clippy::cast_precision_loss)]
fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
