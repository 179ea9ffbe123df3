//! What the app knows about a column of the source table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::tablestore_type::TablestoreType;

/// Where the app learned of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ColumnOrigin {
    /// Part of the table's primary key (typed by the table meta).
    PrimaryKey,
    /// A predefined column (typed by the table meta).
    Defined,
    /// Only seen in sampled rows; its types are whatever the sample held.
    Sampled,
}

/// A source column: name, origin, and the Tablestore types seen (or declared).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SourceColumn {
    pub name: String,
    pub origin: ColumnOrigin,
    /// Declared type for primary-key and defined columns; every type sampled otherwise.
    /// Sorted, without duplicates.
    pub types_seen: Vec<TablestoreType>,
}

impl SourceColumn {
    pub fn new(name: impl Into<String>, origin: ColumnOrigin, types: &[TablestoreType]) -> Self {
        let mut types_seen = types.to_vec();
        types_seen.sort();
        types_seen.dedup();
        Self {
            name: name.into(),
            origin,
            types_seen,
        }
    }

    /// The single type of the column, when only one has been seen.
    pub fn single_type(&self) -> Option<TablestoreType> {
        match self.types_seen.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}
