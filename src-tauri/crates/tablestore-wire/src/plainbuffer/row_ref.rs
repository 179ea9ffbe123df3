//! Rows as decoded: names, strings and blobs borrowed from the buffer they came from.

use super::consts::{OP_DELETE_ALL_VERSIONS, OP_DELETE_ONE_VERSION, OP_INCREMENT};
use super::update::CellUpdate;
use crate::{Cell, PrimaryKeyValue, PrimaryKeyValueRef, Row, Value, ValueRef, WireError};

/// What an UpdateRow cell asks the service to do (the `TAG_CELL_TYPE` byte). Plain puts carry
/// no operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellOp {
    /// Delete every version of the column.
    DeleteAllVersions,
    /// Delete the version at the cell's timestamp.
    DeleteOneVersion,
    /// Atomically add the cell's integer value.
    Increment,
}

impl CellOp {
    pub(crate) fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            OP_DELETE_ALL_VERSIONS => Some(Self::DeleteAllVersions),
            OP_DELETE_ONE_VERSION => Some(Self::DeleteOneVersion),
            OP_INCREMENT => Some(Self::Increment),
            _ => None,
        }
    }

    pub(crate) fn to_byte(self) -> u8 {
        match self {
            Self::DeleteAllVersions => OP_DELETE_ALL_VERSIONS,
            Self::DeleteOneVersion => OP_DELETE_ONE_VERSION,
            Self::Increment => OP_INCREMENT,
        }
    }
}

/// One attribute cell borrowed from a buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellRef<'a> {
    pub name: &'a str,
    pub value: Option<ValueRef<'a>>,
    /// Only UpdateRow requests carry one; responses never do.
    pub op: Option<CellOp>,
    /// Version in milliseconds since the Unix epoch.
    pub timestamp: Option<i64>,
}

/// One decoded row borrowed from a buffer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowRef<'a> {
    pub primary_key: Vec<(&'a str, PrimaryKeyValueRef<'a>)>,
    pub cells: Vec<CellRef<'a>>,
    /// Set on DeleteRow requests (`TAG_DELETE_ROW_MARKER`).
    pub delete_marker: bool,
}

impl RowRef<'_> {
    /// Copies the row out of the buffer. Cell operations and the delete marker are request-only
    /// concepts that `Row` does not model; use [`RowRef::to_cell_updates`] for UpdateRow input.
    pub fn to_row(&self) -> Row {
        Row {
            primary_key: self.primary_key_owned(),
            cells: self
                .cells
                .iter()
                .map(|cell| Cell {
                    name: cell.name.to_owned(),
                    value: cell.value.map(ValueRef::to_owned_value),
                    timestamp: cell.timestamp,
                })
                .collect(),
        }
    }

    pub fn primary_key_owned(&self) -> Vec<(String, PrimaryKeyValue)> {
        self.primary_key
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.to_owned_key()))
            .collect()
    }

    /// Interprets the attribute cells as an UpdateRow change list, rejecting combinations no SDK
    /// writes (a delete with a value, a one-version delete without a timestamp, ...).
    pub fn to_cell_updates(&self) -> Result<Vec<CellUpdate>, WireError> {
        self.cells.iter().map(cell_update).collect()
    }
}

fn cell_update(cell: &CellRef<'_>) -> Result<CellUpdate, WireError> {
    let invalid = |reason| WireError::InvalidCellUpdate {
        name: cell.name.to_owned(),
        reason,
    };
    let name = cell.name.to_owned();
    match (cell.op, cell.value, cell.timestamp) {
        (None, Some(value), timestamp) => Ok(CellUpdate::Put {
            name,
            value: value.to_owned_value(),
            timestamp,
        }),
        (None, None, _) => Err(invalid("a put needs a value")),
        (Some(CellOp::DeleteAllVersions), None, None) => Ok(CellUpdate::DeleteAllVersions { name }),
        (Some(CellOp::DeleteAllVersions), _, _) => Err(invalid(
            "deleting all versions takes neither a value nor a timestamp",
        )),
        (Some(CellOp::DeleteOneVersion), None, Some(timestamp)) => {
            Ok(CellUpdate::DeleteOneVersion { name, timestamp })
        }
        (Some(CellOp::DeleteOneVersion), _, _) => Err(invalid(
            "deleting one version takes a timestamp and no value",
        )),
        (Some(CellOp::Increment), Some(ValueRef::Integer(by)), None) => {
            Ok(CellUpdate::Increment { name, by })
        }
        (Some(CellOp::Increment), _, _) => Err(invalid(
            "an increment takes an integer value and no timestamp",
        )),
    }
}

impl From<&RowRef<'_>> for Row {
    fn from(row: &RowRef<'_>) -> Self {
        row.to_row()
    }
}

impl From<ValueRef<'_>> for Value {
    fn from(value: ValueRef<'_>) -> Self {
        value.to_owned_value()
    }
}
