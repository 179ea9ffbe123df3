//! Writing rows: PutRow, UpdateRow and DeleteRow changes (alone or inside a BatchWriteRow),
//! the row-existence condition, versions and the table's `max_versions`.

use tablestore_wire::plainbuffer::{decode_row, encode_primary_key, CellUpdate};
use tablestore_wire::proto::{
    Condition, OperationType, ReturnContent, ReturnType, RowExistenceExpectation,
};
use tablestore_wire::{PrimaryKeyValue, Value};

use super::error::OtsError;
use super::schema::{check_name, Key, KeyUse, TableSchema};
use super::table::{StoredRow, Table, Version};

/// Attribute columns one request may write to a row (spec section 6).
pub const MAX_COLUMNS_PER_WRITE: usize = 1024;
/// Attribute STRING / BINARY values (spec section 6).
pub const MAX_ATTRIBUTE_BYTES: usize = 2 * 1024 * 1024;

/// What a write does to its row.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Replace the row: each cell is a column name, value and optional version.
    Put(Vec<(String, Value, Option<i64>)>),
    Update(Vec<CellUpdate>),
    Delete,
}

/// One decoded, checked row write.
#[derive(Debug, Clone, PartialEq)]
pub struct RowWrite {
    /// May hold `AutoIncrement` placeholders until applied.
    pub key: Key,
    pub change: Change,
    pub expectation: RowExistenceExpectation,
    pub return_primary_key: bool,
}

impl RowWrite {
    /// Decodes a PlainBuffer row change of the given kind and checks it against the schema.
    pub fn decode(
        schema: &TableSchema,
        kind: OperationType,
        bytes: &[u8],
        condition: &Condition,
        return_content: Option<&ReturnContent>,
    ) -> Result<Self, OtsError> {
        let row = decode_row(bytes)?
            .ok_or_else(|| OtsError::parameter_invalid("The row to write is empty."))?;
        let usage = if kind == OperationType::Put {
            KeyUse::Put
        } else {
            KeyUse::Row
        };
        let key = schema.key_of(&row.primary_key, usage)?;
        if row.cells.len() > MAX_COLUMNS_PER_WRITE {
            return Err(OtsError::column_count_limit(format!(
                "The number of columns written to one row exceeds {MAX_COLUMNS_PER_WRITE}."
            )));
        }
        for cell in &row.cells {
            check_name("column", cell.name)?;
            if schema.is_key_column(cell.name) {
                return Err(OtsError::parameter_invalid(format!(
                    "Attribute column '{}' has the name of a primary key column.",
                    cell.name
                )));
            }
        }
        let change = match kind {
            OperationType::Put => {
                if row.delete_marker || row.cells.iter().any(|c| c.op.is_some()) {
                    return Err(OtsError::parameter_invalid(
                        "A put row must not carry cell operations or a delete marker.",
                    ));
                }
                let mut cells = Vec::with_capacity(row.cells.len());
                for cell in &row.cells {
                    let value = cell.value.ok_or_else(|| {
                        OtsError::parameter_invalid(format!("Column '{}' has no value.", cell.name))
                    })?;
                    cells.push((cell.name.to_owned(), value.to_owned_value(), cell.timestamp));
                }
                Change::Put(cells)
            }
            OperationType::Update => {
                if row.delete_marker {
                    return Err(OtsError::parameter_invalid(
                        "An update row must not carry a delete marker.",
                    ));
                }
                let updates = row.to_cell_updates()?;
                if updates.is_empty() {
                    return Err(OtsError::parameter_invalid(
                        "An update must change at least one column.",
                    ));
                }
                Change::Update(updates)
            }
            OperationType::Delete => {
                if !row.delete_marker || !row.cells.is_empty() {
                    return Err(OtsError::parameter_invalid(
                        "A delete row carries only the primary key and the delete marker.",
                    ));
                }
                Change::Delete
            }
        };
        for value in change_values(&change) {
            let length = match value {
                Value::String(s) => s.len(),
                Value::Binary(b) => b.len(),
                _ => 0,
            };
            if length > MAX_ATTRIBUTE_BYTES {
                return Err(OtsError::parameter_invalid(format!(
                    "The length of an attribute column exceeds the MaxLength {MAX_ATTRIBUTE_BYTES}."
                )));
            }
        }
        if condition
            .column_condition
            .as_ref()
            .is_some_and(|c| !c.is_empty())
        {
            return Err(OtsError::parameter_invalid(
                "Column conditions are not supported by the sandbox.",
            ));
        }
        let expectation = RowExistenceExpectation::try_from(condition.row_existence)
            .map_err(|_| OtsError::parameter_invalid("Invalid row_existence."))?;
        let return_type = return_content
            .and_then(|r| r.return_type)
            .unwrap_or_default();
        let return_primary_key = return_type == ReturnType::RtPk as i32;
        Ok(Self {
            key,
            change,
            expectation,
            return_primary_key,
        })
    }

    /// Applies the write if its condition holds; returns the `row` field of the response
    /// (the primary key when asked for).
    pub fn apply(mut self, table: &mut Table, now_ms: i64) -> Result<Option<Vec<u8>>, OtsError> {
        for value in &mut self.key {
            if *value == PrimaryKeyValue::AutoIncrement {
                *value = PrimaryKeyValue::Integer(table.next_auto_increment(now_ms));
            }
        }
        let existing = table.get(&self.key).map(std::borrow::Cow::into_owned);
        let holds = match self.expectation {
            RowExistenceExpectation::Ignore => true,
            RowExistenceExpectation::ExpectExist => existing.is_some(),
            RowExistenceExpectation::ExpectNotExist => existing.is_none(),
        };
        if !holds {
            return Err(OtsError::condition_check_fail());
        }
        let max_versions = usize::try_from(table.options.max_versions.max(1)).unwrap_or(1);
        let deviation_ms = table.options.deviation_seconds.saturating_mul(1000);
        let check_time = |name: &str, timestamp: i64| {
            if (timestamp - now_ms).abs() > deviation_ms {
                Err(OtsError::parameter_invalid(format!(
                    "The timestamp of column '{name}' exceeds the table's max time deviation."
                )))
            } else {
                Ok(timestamp)
            }
        };
        match self.change {
            Change::Delete => table.delete(&self.key),
            Change::Put(cells) => {
                let mut row = StoredRow::default();
                for (name, value, timestamp) in cells {
                    let timestamp = check_time(&name, timestamp.unwrap_or(now_ms))?;
                    let versions = row.columns.entry(name).or_default();
                    add_version(versions, Version { timestamp, value }, max_versions);
                }
                table.put(self.key.clone(), row);
            }
            Change::Update(updates) => {
                let mut row = existing.unwrap_or_default();
                for update in updates {
                    apply_update(&mut row, update, now_ms, max_versions, &check_time)?;
                }
                table.put(self.key.clone(), row);
            }
        }
        if self.return_primary_key {
            Ok(Some(encode_primary_key(
                &table.schema.named_key(&self.key),
            )?))
        } else {
            Ok(None)
        }
    }
}

fn change_values(change: &Change) -> Vec<&Value> {
    match change {
        Change::Put(cells) => cells.iter().map(|(_, v, _)| v).collect(),
        Change::Update(updates) => updates
            .iter()
            .filter_map(|u| match u {
                CellUpdate::Put { value, .. } => Some(value),
                _ => None,
            })
            .collect(),
        Change::Delete => Vec::new(),
    }
}

/// Inserts a version, newest first; a version at the same timestamp is replaced.
fn add_version(versions: &mut Vec<Version>, version: Version, max_versions: usize) {
    versions.retain(|v| v.timestamp != version.timestamp);
    let at = versions
        .iter()
        .position(|v| v.timestamp < version.timestamp)
        .unwrap_or(versions.len());
    versions.insert(at, version);
    versions.truncate(max_versions);
}

fn apply_update(
    row: &mut StoredRow,
    update: CellUpdate,
    now_ms: i64,
    max_versions: usize,
    check_time: &dyn Fn(&str, i64) -> Result<i64, OtsError>,
) -> Result<(), OtsError> {
    match update {
        CellUpdate::Put {
            name,
            value,
            timestamp,
        } => {
            let timestamp = check_time(&name, timestamp.unwrap_or(now_ms))?;
            let versions = row.columns.entry(name).or_default();
            add_version(versions, Version { timestamp, value }, max_versions);
        }
        CellUpdate::DeleteAllVersions { name } => {
            row.columns.remove(&name);
        }
        CellUpdate::DeleteOneVersion { name, timestamp } => {
            if let Some(versions) = row.columns.get_mut(&name) {
                versions.retain(|v| v.timestamp != timestamp);
                if versions.is_empty() {
                    row.columns.remove(&name);
                }
            }
        }
        CellUpdate::Increment { name, by } => {
            let current = match row.columns.get(&name).and_then(|v| v.first()) {
                None => 0,
                Some(Version {
                    value: Value::Integer(n),
                    ..
                }) => *n,
                Some(_) => {
                    return Err(OtsError::parameter_invalid(format!(
                        "Column '{name}' is not an integer and cannot be incremented."
                    )))
                }
            };
            let sum = current.checked_add(by).ok_or_else(|| {
                OtsError::parameter_invalid(format!("Incrementing column '{name}' overflows."))
            })?;
            let versions = row.columns.entry(name).or_default();
            add_version(
                versions,
                Version {
                    timestamp: now_ms,
                    value: Value::Integer(sum),
                },
                max_versions,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_stay_newest_first_replace_equal_timestamps_and_respect_max_versions() {
        let mut versions = Vec::new();
        for (timestamp, n) in [(5, 1), (9, 2), (7, 3), (9, 4)] {
            add_version(
                &mut versions,
                Version {
                    timestamp,
                    value: Value::Integer(n),
                },
                3,
            );
        }
        let seen: Vec<(i64, Value)> = versions
            .into_iter()
            .map(|v| (v.timestamp, v.value))
            .collect();
        assert_eq!(
            seen,
            vec![
                (9, Value::Integer(4)),
                (7, Value::Integer(3)),
                (5, Value::Integer(1))
            ]
        );
    }
}
