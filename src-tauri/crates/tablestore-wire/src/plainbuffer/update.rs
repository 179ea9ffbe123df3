//! The owned form of one UpdateRow cell: what to do to one column.

use crate::Value;

/// One column change inside an UpdateRow (or a BatchWriteRow UPDATE).
#[derive(Debug, Clone, PartialEq)]
pub enum CellUpdate {
    /// Write a value; without a timestamp the service assigns the version.
    Put {
        name: String,
        value: Value,
        timestamp: Option<i64>,
    },
    /// Delete every version of the column.
    DeleteAllVersions { name: String },
    /// Delete the version written at `timestamp` (ms).
    DeleteOneVersion { name: String, timestamp: i64 },
    /// Atomically add `by` to an integer column.
    Increment { name: String, by: i64 },
}

impl CellUpdate {
    pub fn name(&self) -> &str {
        match self {
            Self::Put { name, .. }
            | Self::DeleteAllVersions { name }
            | Self::DeleteOneVersion { name, .. }
            | Self::Increment { name, .. } => name,
        }
    }
}
