//! Encoding: rows, primary keys, delete and update requests, and multi-row pages, byte for
//! byte as the official SDK writers produce them (spec 5.2-5.6, checked against the Python SDK).

use super::consts::{
    HEADER, TAG_CELL, TAG_CELL_CHECKSUM, TAG_CELL_NAME, TAG_CELL_TIMESTAMP, TAG_CELL_TYPE,
    TAG_CELL_VALUE, TAG_DELETE_ROW_MARKER, TAG_ROW_CHECKSUM, TAG_ROW_DATA, TAG_ROW_PK,
    VT_AUTO_INCREMENT, VT_BLOB, VT_BOOLEAN, VT_DOUBLE, VT_INF_MAX, VT_INF_MIN, VT_INTEGER,
    VT_STRING,
};
use super::crc8;
use super::row_ref::{CellOp, RowRef};
use super::update::CellUpdate;
use crate::{PrimaryKeyValue, PrimaryKeyValueRef, Row, ValueRef, WireError};

/// A primary-key-only row: a GetRow key or a GetRange start/end bound.
pub fn encode_primary_key(primary_key: &[(String, PrimaryKeyValue)]) -> Result<Vec<u8>, WireError> {
    let mut out = RowEncoder::start(with_header());
    out.primary_key(keys_of(primary_key))?;
    Ok(out.finish(false))
}

/// A full row: a PutRow body, or a row as GetRow returns it.
pub fn encode_row(row: &Row) -> Result<Vec<u8>, WireError> {
    let mut buf = with_header();
    append_row(&mut buf, row)?;
    Ok(buf)
}

/// A DeleteRow body: the primary key and the delete marker.
pub fn encode_delete_row(primary_key: &[(String, PrimaryKeyValue)]) -> Result<Vec<u8>, WireError> {
    let mut out = RowEncoder::start(with_header());
    out.primary_key(keys_of(primary_key))?;
    Ok(out.finish(true))
}

/// An UpdateRow body.
pub fn encode_update_row(
    primary_key: &[(String, PrimaryKeyValue)],
    updates: &[CellUpdate],
) -> Result<Vec<u8>, WireError> {
    let mut out = RowEncoder::start(with_header());
    out.primary_key(keys_of(primary_key))?;
    if !updates.is_empty() {
        out.buf.push(TAG_ROW_DATA);
        for update in updates {
            let cell = match update {
                CellUpdate::Put {
                    name,
                    value,
                    timestamp,
                } => AttributeCell {
                    name,
                    value: Some(value.as_value_ref()),
                    op: None,
                    timestamp: *timestamp,
                },
                CellUpdate::DeleteAllVersions { name } => AttributeCell {
                    name,
                    value: None,
                    op: Some(CellOp::DeleteAllVersions),
                    timestamp: None,
                },
                CellUpdate::DeleteOneVersion { name, timestamp } => AttributeCell {
                    name,
                    value: None,
                    op: Some(CellOp::DeleteOneVersion),
                    timestamp: Some(*timestamp),
                },
                CellUpdate::Increment { name, by } => AttributeCell {
                    name,
                    value: Some(ValueRef::Integer(*by)),
                    op: Some(CellOp::Increment),
                    timestamp: None,
                },
            };
            out.attribute_cell(&cell)?;
        }
    }
    Ok(out.finish(false))
}

/// Re-encodes a decoded row exactly, including cell operations and the delete marker.
pub fn encode_row_ref(row: &RowRef<'_>) -> Result<Vec<u8>, WireError> {
    let mut out = RowEncoder::start(with_header());
    out.primary_key(row.primary_key.iter().copied())?;
    if !row.cells.is_empty() {
        out.buf.push(TAG_ROW_DATA);
        for cell in &row.cells {
            out.attribute_cell(&AttributeCell {
                name: cell.name,
                value: cell.value,
                op: cell.op,
                timestamp: cell.timestamp,
            })?;
        }
    }
    Ok(out.finish(row.delete_marker))
}

/// Builds a multi-row buffer (a GetRange `rows` field): one header, then rows back to back.
/// `len` tells a server when to stop adding rows to stay under a page limit.
#[derive(Debug, Default)]
pub struct RowsWriter {
    buf: Vec<u8>,
    rows: usize,
}

impl RowsWriter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, row: &Row) -> Result<(), WireError> {
        if self.buf.is_empty() {
            self.buf = with_header();
        }
        let before = self.buf.len();
        if let Err(error) = append_row(&mut self.buf, row) {
            self.buf.truncate(before);
            return Err(error);
        }
        self.rows += 1;
        Ok(())
    }

    /// Encoded size so far, header included.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub fn row_count(&self) -> usize {
        self.rows
    }

    /// The buffer; empty (no header) when no row was pushed, as the service sends it.
    pub fn finish(self) -> Vec<u8> {
        self.buf
    }
}

fn with_header() -> Vec<u8> {
    HEADER.to_le_bytes().to_vec()
}

fn keys_of(
    primary_key: &[(String, PrimaryKeyValue)],
) -> impl Iterator<Item = (&str, PrimaryKeyValueRef<'_>)> {
    primary_key
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_key_ref()))
}

fn append_row(buf: &mut Vec<u8>, row: &Row) -> Result<(), WireError> {
    let mut out = RowEncoder::start(std::mem::take(buf));
    let result = out.primary_key(keys_of(&row.primary_key)).and_then(|()| {
        if !row.cells.is_empty() {
            out.buf.push(TAG_ROW_DATA);
        }
        row.cells.iter().try_for_each(|cell| {
            out.attribute_cell(&AttributeCell {
                name: &cell.name,
                value: cell.value.as_ref().map(crate::Value::as_value_ref),
                op: None,
                timestamp: cell.timestamp,
            })
        })
    });
    *buf = out.finish(false);
    result
}

struct AttributeCell<'a> {
    name: &'a str,
    value: Option<ValueRef<'a>>,
    op: Option<CellOp>,
    timestamp: Option<i64>,
}

/// Appends one row to a buffer, carrying the row checksum along.
struct RowEncoder {
    buf: Vec<u8>,
    row_crc: u8,
}

impl RowEncoder {
    fn start(mut buf: Vec<u8>) -> Self {
        buf.push(TAG_ROW_PK);
        Self { buf, row_crc: 0 }
    }

    fn primary_key<'k>(
        &mut self,
        keys: impl Iterator<Item = (&'k str, PrimaryKeyValueRef<'k>)>,
    ) -> Result<(), WireError> {
        for (name, value) in keys {
            self.buf.push(TAG_CELL);
            let crc = self.name(name)?;
            self.buf.push(TAG_CELL_VALUE);
            let crc = match value {
                PrimaryKeyValueRef::InfMin => self.bare_type(VT_INF_MIN, crc),
                PrimaryKeyValueRef::InfMax => self.bare_type(VT_INF_MAX, crc),
                PrimaryKeyValueRef::AutoIncrement => self.bare_type(VT_AUTO_INCREMENT, crc),
                PrimaryKeyValueRef::Integer(v) => self.value(ValueRef::Integer(v), crc)?,
                PrimaryKeyValueRef::String(v) => self.value(ValueRef::String(v), crc)?,
                PrimaryKeyValueRef::Binary(v) => self.value(ValueRef::Binary(v), crc)?,
            };
            self.cell_checksum(crc);
        }
        Ok(())
    }

    fn attribute_cell(&mut self, cell: &AttributeCell<'_>) -> Result<(), WireError> {
        self.buf.push(TAG_CELL);
        let mut crc = self.name(cell.name)?;
        if let Some(value) = cell.value {
            self.buf.push(TAG_CELL_VALUE);
            crc = self.value(value, crc)?;
        }
        if let Some(op) = cell.op {
            self.buf.extend_from_slice(&[TAG_CELL_TYPE, op.to_byte()]);
        }
        if let Some(timestamp) = cell.timestamp {
            let bytes = timestamp.to_le_bytes();
            self.buf.push(TAG_CELL_TIMESTAMP);
            self.buf.extend_from_slice(&bytes);
            crc = crc8::update(crc, &bytes);
        }
        // Timestamp before operation in the checksum, as every SDK writer does (spec 5.4).
        if let Some(op) = cell.op {
            crc = crc8::update_byte(crc, op.to_byte());
        }
        self.cell_checksum(crc);
        Ok(())
    }

    fn name(&mut self, name: &str) -> Result<u8, WireError> {
        self.buf.push(TAG_CELL_NAME);
        self.length(name.len(), "a cell name")?;
        self.buf.extend_from_slice(name.as_bytes());
        Ok(crc8::update(0, name.as_bytes()))
    }

    /// `total_len`, type byte and payload; returns the continued cell checksum.
    fn value(&mut self, value: ValueRef<'_>, crc: u8) -> Result<u8, WireError> {
        match value {
            ValueRef::Integer(v) => Ok(self.fixed_value(VT_INTEGER, 9, &v.to_le_bytes(), crc)),
            ValueRef::Double(v) => Ok(self.fixed_value(VT_DOUBLE, 9, &v.to_le_bytes(), crc)),
            ValueRef::Boolean(v) => Ok(self.fixed_value(VT_BOOLEAN, 2, &[u8::from(v)], crc)),
            ValueRef::String(v) => self.variable_value(VT_STRING, v.as_bytes(), crc),
            ValueRef::Binary(v) => self.variable_value(VT_BLOB, v, crc),
        }
    }

    fn fixed_value(&mut self, value_type: u8, total_len: u32, payload: &[u8], crc: u8) -> u8 {
        self.buf.extend_from_slice(&total_len.to_le_bytes());
        self.buf.push(value_type);
        self.buf.extend_from_slice(payload);
        crc8::update(crc8::update_byte(crc, value_type), payload)
    }

    /// Strings and blobs: `total_len = 1 + 4 + n`, type, `n` as 4 LE bytes, the bytes. The
    /// checksum covers the type, the 4 length bytes and the bytes.
    fn variable_value(&mut self, value_type: u8, bytes: &[u8], crc: u8) -> Result<u8, WireError> {
        self.length(bytes.len().saturating_add(5), "a value")?;
        self.buf.push(value_type);
        let length = self.length(bytes.len(), "a string or binary value")?;
        self.buf.extend_from_slice(bytes);
        let crc = crc8::update_byte(crc, value_type);
        Ok(crc8::update(crc8::update(crc, &length), bytes))
    }

    /// A value with no payload: `total_len` 1 and the type byte.
    fn bare_type(&mut self, value_type: u8, crc: u8) -> u8 {
        self.buf.extend_from_slice(&1u32.to_le_bytes());
        self.buf.push(value_type);
        crc8::update_byte(crc, value_type)
    }

    /// Writes a signed 32-bit LE length, refusing what does not fit.
    fn length(&mut self, length: usize, what: &'static str) -> Result<[u8; 4], WireError> {
        let bytes = i32::try_from(length)
            .map_err(|_| WireError::TooLong { what, length })?
            .to_le_bytes();
        self.buf.extend_from_slice(&bytes);
        Ok(bytes)
    }

    fn cell_checksum(&mut self, crc: u8) {
        self.buf.extend_from_slice(&[TAG_CELL_CHECKSUM, crc]);
        self.row_crc = crc8::update_byte(self.row_crc, crc);
    }

    fn finish(mut self, delete_marker: bool) -> Vec<u8> {
        if delete_marker {
            self.buf.push(TAG_DELETE_ROW_MARKER);
        }
        let row_crc = crc8::update_byte(self.row_crc, u8::from(delete_marker));
        self.buf.extend_from_slice(&[TAG_ROW_CHECKSUM, row_crc]);
        self.buf
    }
}
