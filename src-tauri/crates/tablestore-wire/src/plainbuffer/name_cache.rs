//! The column names at each position of the previous row, with their checksums.
//!
//! A page repeats the same columns row after row, so most names are recognised by comparing the
//! cell's `TAG_CELL_NAME length name` bytes with the ones seen at the same position last time:
//! a match needs no tag or length parsing, no UTF-8 validation and no checksum. A reused `&str`
//! has the same bytes and points into the same buffer, so callers cannot tell the difference.

use super::consts::TAG_CELL_NAME;
use super::crc8;
use super::cursor::Cursor;
use crate::WireError;

#[derive(Debug, Clone, Default)]
pub(super) struct NameCache<'a> {
    slots: Vec<Slot<'a>>,
}

#[derive(Debug, Clone, Copy)]
struct Slot<'a> {
    name: &'a str,
    crc: u8,
    /// `TAG_CELL_NAME length name` as it was read, and its first and last 8 bytes.
    field: &'a [u8],
    first: u64,
    last: u64,
}

impl Slot<'_> {
    /// Whether `found` (as long as `field`) holds the same bytes. Typical names make a field of
    /// 8 to 16 bytes (5 bytes of tag and length, then the name), which two overlapping 8-byte
    /// words cover exactly: two integer comparisons instead of a `memcmp` call.
    #[inline]
    fn matches(&self, found: &[u8]) -> bool {
        match (found.first_chunk::<8>(), found.last_chunk::<8>()) {
            (Some(first), Some(last)) if found.len() <= 16 => {
                u64::from_le_bytes(*first) == self.first && u64::from_le_bytes(*last) == self.last
            }
            _ => found == self.field,
        }
    }
}

/// The first and last (up to) 8 bytes of `field` as words, for [`Slot::matches`].
fn edge_words(field: &[u8]) -> (u64, u64) {
    match (field.first_chunk::<8>(), field.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => (0, 0),
    }
}

impl<'a> NameCache<'a> {
    /// Reads the name of the `index`-th cell of its kind in the row (the cursor is on
    /// `TAG_CELL_NAME`); returns it with its checksum.
    #[inline]
    pub(super) fn read(
        &mut self,
        index: usize,
        cursor: &mut Cursor<'a>,
    ) -> Result<(&'a str, u8), WireError> {
        let start = cursor.position();
        if let Some(slot) = self.slots.get(index) {
            let end = start + slot.field.len();
            if let Some(found) = cursor.buffer().get(start..end) {
                if slot.matches(found) {
                    cursor.advance_to(end);
                    return Ok((slot.name, slot.crc));
                }
            }
        }
        self.read_new(index, cursor)
    }

    /// A name not seen at this position: parse and check it, and remember it.
    #[cold]
    fn read_new(
        &mut self,
        index: usize,
        cursor: &mut Cursor<'a>,
    ) -> Result<(&'a str, u8), WireError> {
        let start = cursor.position();
        cursor.expect_tag(TAG_CELL_NAME, "TAG_CELL_NAME")?;
        let bytes = cursor.read_len_prefixed("a cell name")?;
        let name = std::str::from_utf8(bytes).map_err(|_| WireError::InvalidUtf8 {
            offset: cursor.position() - bytes.len(),
            what: "a cell name",
        })?;
        let field = &cursor.buffer()[start..cursor.position()];
        let (first, last) = edge_words(field);
        let slot = Slot {
            name,
            crc: crc8::update(0, bytes),
            field,
            first,
            last,
        };
        if let Some(old) = self.slots.get_mut(index) {
            *old = slot;
        } else {
            self.slots.push(slot);
        }
        Ok((name, slot.crc))
    }
}
