//! Decoding: one row at a time, borrowing every name, string and blob from the input.
//!
//! The grammar and checksum rules are spec section 5.2-5.5. The value's `total_len` prefix is
//! read but not trusted, as in the official readers: the payload is parsed by its type byte.

use super::consts::{
    HEADER, TAG_CELL, TAG_CELL_CHECKSUM, TAG_CELL_TIMESTAMP, TAG_CELL_TYPE, TAG_CELL_VALUE,
    TAG_DELETE_ROW_MARKER, TAG_EXTENSION, TAG_ROW_CHECKSUM, TAG_ROW_DATA, TAG_ROW_PK,
    VT_AUTO_INCREMENT, VT_BLOB, VT_BOOLEAN, VT_DOUBLE, VT_INF_MAX, VT_INF_MIN, VT_INTEGER,
    VT_STRING,
};
use super::crc8;
use super::cursor::Cursor;
use super::fast_cell;
use super::name_cache::NameCache;
use super::row_ref::{CellOp, CellRef, RowRef};
use crate::{PrimaryKeyValueRef, ValueRef, WireError};

/// Streams the rows of a PlainBuffer (a GetRange `rows` field, or any single-row field).
///
/// An empty buffer holds no rows. Otherwise the header comes first, then rows back to back.
/// The iterator yields one `RowRef` at a time, so a 4 MB page is never copied; after the first
/// error it yields nothing more.
#[derive(Debug, Clone)]
pub struct RowReader<'a> {
    cursor: Cursor<'a>,
    failed: bool,
    /// Sizes of the previous row, to pre-size the next row's vectors. They come from rows
    /// actually decoded, never from a length field in the input.
    last_key_len: usize,
    last_cell_count: usize,
    key_names: NameCache<'a>,
    cell_names: NameCache<'a>,
    timestamps: crc8::WordMemo,
    /// Off only in the test that checks the fast path against the general parser.
    fast_cells: bool,
}

impl<'a> RowReader<'a> {
    /// Checks the header (unless `buf` is empty) and positions the reader on the first row.
    pub fn new(buf: &'a [u8]) -> Result<Self, WireError> {
        let mut cursor = Cursor::new(buf);
        if !buf.is_empty() {
            let found = cursor.read_u32_le("the PlainBuffer header")?;
            if found != HEADER {
                return Err(WireError::BadHeader { found });
            }
        }
        Ok(Self {
            cursor,
            failed: false,
            last_key_len: 0,
            last_cell_count: 0,
            key_names: NameCache::default(),
            cell_names: NameCache::default(),
            timestamps: crc8::WordMemo::default(),
            fast_cells: true,
        })
    }

    /// The same reader without the fast cell path, to test that path against this one.
    #[cfg(test)]
    pub(super) fn without_fast_cells(self) -> Self {
        Self {
            fast_cells: false,
            ..self
        }
    }

    /// Byte offset of the next row, e.g. to cut a page at a row boundary.
    pub fn position(&self) -> usize {
        self.cursor.position()
    }

    /// Decodes the next row into `row`, reusing the memory of its vectors, so a page costs no
    /// allocation per row (the iterator hands out a fresh `RowRef` each time instead). Returns
    /// `None` after the last row and after an error, like the iterator; on an error `row` is
    /// left empty.
    ///
    /// ```
    /// # use tablestore_wire::plainbuffer::{RowReader, RowRef};
    /// # fn demo(page: &[u8]) -> Result<usize, tablestore_wire::WireError> {
    /// let mut reader = RowReader::new(page)?;
    /// let mut row = RowRef::default();
    /// let mut cells = 0;
    /// while let Some(read) = reader.next_into(&mut row) {
    ///     read?;
    ///     cells += row.cells.len();
    /// }
    /// # Ok(cells) }
    /// ```
    pub fn next_into(&mut self, row: &mut RowRef<'a>) -> Option<Result<(), WireError>> {
        if self.failed || self.cursor.is_at_end() {
            return None;
        }
        let RowRef {
            primary_key, cells, ..
        } = std::mem::take(row);
        match self.read_row(primary_key, cells) {
            Ok(read) => {
                *row = read;
                Some(Ok(()))
            }
            Err(error) => {
                self.failed = true;
                Some(Err(error))
            }
        }
    }

    /// Reads a row into `primary_key` and `cells` (cleared first).
    fn read_row(
        &mut self,
        mut primary_key: Vec<(&'a str, PrimaryKeyValueRef<'a>)>,
        mut cells: Vec<CellRef<'a>>,
    ) -> Result<RowRef<'a>, WireError> {
        let cursor = &mut self.cursor;
        cursor.expect_tag(TAG_ROW_PK, "TAG_ROW_PK")?;
        let mut row_crc = 0u8;

        primary_key.clear();
        while cursor.eat(TAG_CELL) {
            let (name, name_crc) = self.key_names.read(primary_key.len(), cursor)?;
            let fast = self
                .fast_cells
                .then(|| fast_cell::key_cell(cursor, name_crc))
                .flatten();
            let (value, cell_crc) = match fast {
                Some(read) => read,
                None => read_key_cell(cursor, name_crc)?,
            };
            row_crc = crc8::update_byte(row_crc, cell_crc);
            primary_key.push((name, value));
        }

        cells.clear();
        if cursor.eat(TAG_ROW_DATA) {
            while cursor.eat(TAG_CELL) {
                let (name, name_crc) = self.cell_names.read(cells.len(), cursor)?;
                let fast = self
                    .fast_cells
                    .then(|| {
                        fast_cell::attribute_cell(cursor, name, name_crc, &mut self.timestamps)
                    })
                    .flatten();
                let (cell, cell_crc) = match fast {
                    Some(read) => read,
                    None => read_attribute_cell(cursor, (name, name_crc))?,
                };
                row_crc = crc8::update_byte(row_crc, cell_crc);
                cells.push(cell);
            }
        }

        let delete_marker = cursor.eat(TAG_DELETE_ROW_MARKER);
        row_crc = crc8::update_byte(row_crc, u8::from(delete_marker));

        if cursor.eat(TAG_EXTENSION) {
            // Stream metadata only the Java SDK reads; it is outside the row checksum.
            let length = cursor.read_len("the row extension")?;
            cursor.read_slice(length, "the row extension")?;
        }

        cursor.expect_tag(TAG_ROW_CHECKSUM, "TAG_ROW_CHECKSUM")?;
        let offset = cursor.position();
        let found = cursor.read_u8("the row checksum")?;
        if found != row_crc {
            return Err(WireError::RowChecksumMismatch {
                offset,
                found,
                computed: row_crc,
            });
        }
        Ok(RowRef {
            primary_key,
            cells,
            delete_marker,
        })
    }
}

impl<'a> Iterator for RowReader<'a> {
    type Item = Result<RowRef<'a>, WireError>;

    fn next(&mut self) -> Option<Self::Item> {
        // Sized like the previous row: a guess from rows actually decoded, never from a
        // length field in the input.
        if self.failed || self.cursor.is_at_end() {
            return None;
        }
        let row = self.read_row(
            Vec::with_capacity(self.last_key_len),
            Vec::with_capacity(self.last_cell_count),
        );
        match &row {
            Ok(row) => {
                self.last_key_len = row.primary_key.len();
                self.last_cell_count = row.cells.len();
            }
            Err(_) => self.failed = true,
        }
        Some(row)
    }
}

impl std::iter::FusedIterator for RowReader<'_> {}

/// Decodes a field that holds at most one row (GetRow `row`, a PutRow body, a primary key).
/// Empty input means "no row"; bytes after the row are an error.
pub fn decode_row(buf: &[u8]) -> Result<Option<RowRef<'_>>, WireError> {
    let mut reader = RowReader::new(buf)?;
    let Some(row) = reader.next().transpose()? else {
        return if buf.is_empty() {
            Ok(None)
        } else {
            Err(WireError::Truncated {
                offset: buf.len(),
                what: "TAG_ROW_PK",
            })
        };
    };
    if !reader.cursor.is_at_end() {
        return Err(WireError::TrailingBytes {
            offset: reader.position(),
            count: reader.cursor.remaining(),
        });
    }
    Ok(Some(row))
}

/// Decodes a primary-key-only row (GetRange `next_start_primary_key`, a GetRow key). Empty
/// input means "none".
pub fn decode_primary_key(
    buf: &[u8],
) -> Result<Option<Vec<(&str, PrimaryKeyValueRef<'_>)>>, WireError> {
    Ok(decode_row(buf)?.map(|row| row.primary_key))
}

/// A decoded value before we know whether it is a key or an attribute.
enum RawValue<'a> {
    Key(PrimaryKeyValueRef<'a>),
    Attribute(ValueRef<'a>),
}

/// A value as read, with the continued cell checksum and where its type byte was, so the
/// caller can reject a type that does not belong in its kind of cell.
struct ReadValue<'a> {
    value: RawValue<'a>,
    crc: u8,
    type_offset: usize,
    type_byte: u8,
}

impl ReadValue<'_> {
    fn not_allowed_in(&self, context: &'static str) -> WireError {
        WireError::ValueTypeNotAllowed {
            offset: self.type_offset,
            found: self.type_byte,
            context,
        }
    }
}

/// Reads `total_len type payload` (after `TAG_CELL_VALUE`) and continues the cell checksum with
/// the type byte and payload.
fn read_value<'a>(cursor: &mut Cursor<'a>, crc: u8) -> Result<ReadValue<'a>, WireError> {
    let _total_len = cursor.read_u32_le("a value length")?;
    let type_offset = cursor.position();
    let value_type = cursor.read_u8("a value type")?;
    let crc = crc8::update_byte(crc, value_type);
    let (value, crc) = match value_type {
        VT_INTEGER => {
            let bytes = cursor.read_array::<8>("an integer value")?;
            (
                RawValue::Attribute(ValueRef::Integer(i64::from_le_bytes(bytes))),
                crc8::update(crc, &bytes),
            )
        }
        VT_DOUBLE => {
            let bytes = cursor.read_array::<8>("a double value")?;
            (
                RawValue::Attribute(ValueRef::Double(f64::from_le_bytes(bytes))),
                crc8::update(crc, &bytes),
            )
        }
        VT_BOOLEAN => {
            let offset = cursor.position();
            let byte = cursor.read_u8("a boolean value")?;
            let value = match byte {
                0 => false,
                1 => true,
                found => return Err(WireError::InvalidBoolean { offset, found }),
            };
            (
                RawValue::Attribute(ValueRef::Boolean(value)),
                crc8::update_byte(crc, byte),
            )
        }
        VT_STRING | VT_BLOB => {
            let length_offset = cursor.position();
            let bytes = cursor.read_len_prefixed("a string or binary value")?;
            let crc = crc8::update(crc, &length_bytes(bytes.len()));
            let crc = crc8::update(crc, bytes);
            let value = if value_type == VT_STRING {
                ValueRef::String(utf8(bytes, length_offset + 4, "a string value")?)
            } else {
                ValueRef::Binary(bytes)
            };
            (RawValue::Attribute(value), crc)
        }
        VT_INF_MIN => (RawValue::Key(PrimaryKeyValueRef::InfMin), crc),
        VT_INF_MAX => (RawValue::Key(PrimaryKeyValueRef::InfMax), crc),
        VT_AUTO_INCREMENT => (RawValue::Key(PrimaryKeyValueRef::AutoIncrement), crc),
        found => {
            return Err(WireError::UnknownValueType {
                offset: type_offset,
                found,
            })
        }
    };
    Ok(ReadValue {
        value,
        crc,
        type_offset,
        type_byte: value_type,
    })
}

/// The rest of a key cell after its name (`crc` is the name's, from the [`NameCache`]).
fn read_key_cell<'a>(
    cursor: &mut Cursor<'a>,
    crc: u8,
) -> Result<(PrimaryKeyValueRef<'a>, u8), WireError> {
    cursor.expect_tag(TAG_CELL_VALUE, "TAG_CELL_VALUE")?;
    let read = read_value(cursor, crc)?;
    let key = match read.value {
        RawValue::Key(key) => key,
        RawValue::Attribute(ValueRef::Integer(v)) => PrimaryKeyValueRef::Integer(v),
        RawValue::Attribute(ValueRef::String(v)) => PrimaryKeyValueRef::String(v),
        RawValue::Attribute(ValueRef::Binary(v)) => PrimaryKeyValueRef::Binary(v),
        RawValue::Attribute(ValueRef::Double(_) | ValueRef::Boolean(_)) => {
            return Err(read.not_allowed_in("a primary key"))
        }
    };
    check_cell_checksum(cursor, read.crc)?;
    Ok((key, read.crc))
}

/// The rest of an attribute cell after its name.
fn read_attribute_cell<'a>(
    cursor: &mut Cursor<'a>,
    (name, mut crc): (&'a str, u8),
) -> Result<(CellRef<'a>, u8), WireError> {
    let mut value = None;
    if cursor.eat(TAG_CELL_VALUE) {
        let read = read_value(cursor, crc)?;
        crc = read.crc;
        value = match read.value {
            RawValue::Attribute(v) => Some(v),
            RawValue::Key(_) => return Err(read.not_allowed_in("an attribute column")),
        };
    }
    let mut op = None;
    if cursor.eat(TAG_CELL_TYPE) {
        let offset = cursor.position();
        let found = cursor.read_u8("a cell operation")?;
        op = Some(CellOp::from_byte(found).ok_or(WireError::UnknownCellOp { offset, found })?);
    }
    let mut timestamp = None;
    if cursor.eat(TAG_CELL_TIMESTAMP) {
        let ts = cursor.read_i64_le("a cell timestamp")?;
        crc = crc8::update(crc, &ts.to_le_bytes());
        timestamp = Some(ts);
    }
    // Writers feed the timestamp before the operation although the bytes come in the other
    // order (spec 5.4).
    if let Some(op) = op {
        crc = crc8::update_byte(crc, op.to_byte());
    }
    check_cell_checksum(cursor, crc)?;
    Ok((
        CellRef {
            name,
            value,
            op,
            timestamp,
        },
        crc,
    ))
}

fn check_cell_checksum(cursor: &mut Cursor<'_>, computed: u8) -> Result<(), WireError> {
    cursor.expect_tag(TAG_CELL_CHECKSUM, "TAG_CELL_CHECKSUM")?;
    let offset = cursor.position();
    let found = cursor.read_u8("a cell checksum")?;
    if found == computed {
        Ok(())
    } else {
        Err(WireError::CellChecksumMismatch {
            offset,
            found,
            computed,
        })
    }
}

fn utf8<'a>(bytes: &'a [u8], offset: usize, what: &'static str) -> Result<&'a str, WireError> {
    std::str::from_utf8(bytes).map_err(|_| WireError::InvalidUtf8 { offset, what })
}

/// The 4 little-endian length bytes the checksum covers. `read_len` already proved the length
/// came from a non-negative i32, so it fits.
fn length_bytes(length: usize) -> [u8; 4] {
    u32::try_from(length).unwrap_or(u32::MAX).to_le_bytes()
}
