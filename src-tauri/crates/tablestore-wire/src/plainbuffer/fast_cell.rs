//! The common cell shapes, read with one bounds check per fixed-size group of fields.
//!
//! Nearly every cell of a GetRange page has the same shape: `TAG_CELL_VALUE total_len type
//! payload`, then (attribute cells) `TAG_CELL_TIMESTAMP ts`, then `TAG_CELL_CHECKSUM crc`. The
//! general parser in `reader.rs` reads that field by field, checking bounds and tags at each
//! step; here each group is matched as one fixed-size slice pattern, and the checksum runs over
//! the contiguous `type length payload` bytes of a string or blob in one call.
//!
//! These functions never report errors: they return `None` on anything unusual (another shape,
//! a bad tag, a checksum or UTF-8 failure, too few bytes) WITHOUT moving the cursor, and the
//! caller hands the same cell to the general parser, which accepts the rarer shapes and returns
//! the precise typed error. So every checksum is still verified before a row is handed out, and
//! a fast-path bug can only cost speed, never accept what the general parser would refuse (the
//! differential test in `fast_cell_differential.rs` checks both paths agree on mutated pages).

use super::consts::{
    TAG_CELL_CHECKSUM, TAG_CELL_TIMESTAMP, TAG_CELL_VALUE, VT_BLOB, VT_BOOLEAN, VT_DOUBLE,
    VT_INTEGER, VT_STRING,
};
use super::crc8;
use super::cursor::Cursor;
use super::row_ref::CellRef;
use crate::{PrimaryKeyValueRef, ValueRef};

/// A value read by [`read_value`]: the value, the end of its payload, and the cell checksum
/// continued over its type byte and payload.
struct FastValue<'a> {
    value: ValueRef<'a>,
    end: usize,
    crc: u8,
}

/// Reads `TAG_CELL_VALUE total_len type payload` at `start`, for the five attribute types, and
/// continues the cell checksum `crc`. The `total_len` field is not trusted (as in the general
/// parser): the type byte decides.
// Inlined into both callers: out of line, the value came back through memory, and a page
// decoded about 5% slower.
#[allow(clippy::inline_always)]
#[inline(always)]
fn read_value(buf: &[u8], start: usize, crc: u8, cell_head: usize) -> Option<FastValue<'_>> {
    let (&[TAG_CELL_VALUE, _, _, _, _, value_type], rest) =
        buf.get(start..)?.split_first_chunk::<6>()?
    else {
        return None;
    };
    let payload = start + 6;
    match value_type {
        // Fixed-size payloads: the type byte, then one 8-byte checksum step.
        VT_INTEGER | VT_DOUBLE => {
            let bytes = *rest.first_chunk::<8>()?;
            let value = if value_type == VT_INTEGER {
                ValueRef::Integer(i64::from_le_bytes(bytes))
            } else {
                ValueRef::Double(f64::from_le_bytes(bytes))
            };
            Some(FastValue {
                value,
                end: payload + 8,
                crc: crc8::update_byte_and_word(crc, value_type, bytes),
            })
        }
        VT_BOOLEAN => {
            let byte = *rest.first()?;
            let value = match byte {
                0 => false,
                1 => true,
                _ => return None,
            };
            Some(FastValue {
                value: ValueRef::Boolean(value),
                end: payload + 1,
                crc: crc8::update_byte(crc8::update_byte(crc, value_type), byte),
            })
        }
        VT_STRING | VT_BLOB => {
            let (length, rest) = rest.split_first_chunk::<4>()?;
            // A negative length fails the conversion, a long one the `get`.
            let length = usize::try_from(i32::from_le_bytes(*length)).ok()?;
            let bytes = rest.get(..length)?;
            let end = payload + 4 + length;
            // `type length payload` are contiguous: one checksum call over them, which also
            // tells whether they are all ASCII (then so is the string).
            let (crc, ascii) = crc8::update_tail_of_noting_ascii(crc, buf.get(..end)?, start + 5);
            let value = if value_type == VT_STRING {
                ValueRef::String(utf8(buf, payload + 4, bytes, ascii, cell_head)?)
            } else {
                ValueRef::Binary(bytes)
            };
            Some(FastValue { value, end, crc })
        }
        _ => None,
    }
}

/// UTF-8 validation, the largest cost left in decoding a page. `ascii` says the checksum pass
/// saw only ASCII bytes: then `AsciiStr`'s word-at-a-time check makes the `&str` (a page
/// decoded 5% faster than validating those strings as UTF-8). Otherwise SIMD (chosen at run
/// time) for long strings; for short ones, `Utf8Chunks`, whose simpler loop measured 13%
/// faster per page than `std::str::from_utf8` on the benchmark's mixed ASCII and non-ASCII
/// text. All accept exactly the valid UTF-8 (the tests below check against `from_utf8`).
#[inline]
fn utf8<'a>(
    buf: &'a [u8],
    at: usize,
    bytes: &'a [u8],
    ascii: bool,
    cell_head: usize,
) -> Option<&'a str> {
    if ascii {
        // Re-checked here (no `unsafe` to skip it), so a wrong hint cannot let bad bytes in.
        if let Ok(text) = ascii::AsciiStr::from_ascii(bytes) {
            return Some(text.as_str());
        }
    }
    if bytes.len() < 64 && bytes.len() + cell_head >= 64 {
        // SIMD for shorter text too: validate the 64 bytes ending with it. They reach back no
        // further than this cell's own tags, name and lengths, which are valid UTF-8 when the
        // name is ASCII; a window that is valid proves the text valid if it starts on a
        // character boundary. Otherwise the text is checked on its own below.
        let end = at + bytes.len();
        let window = end.checked_sub(64).and_then(|start| buf.get(start..end));
        if let Some(Ok(window)) = window.map(simdutf8::basic::from_utf8) {
            return window.get(64 - bytes.len()..);
        }
    }
    if bytes.len() < 64 {
        let mut chunks = bytes.utf8_chunks();
        match chunks.next() {
            None => Some(""),
            Some(chunk) if chunk.valid().len() == bytes.len() => Some(chunk.valid()),
            Some(_) => None,
        }
    } else {
        simdutf8::basic::from_utf8(bytes).ok()
    }
}

/// The rest of an attribute cell after its name, in the response shape: a value and a
/// timestamp, no operation. `crc` is the name's checksum; `timestamps` remembers the last
/// timestamp's checksum step. Returns the cell and its checksum.
#[inline]
pub(super) fn attribute_cell<'a>(
    cursor: &mut Cursor<'a>,
    name: &'a str,
    crc: u8,
    timestamps: &mut crc8::WordMemo,
) -> Option<(CellRef<'a>, u8)> {
    let buf = cursor.buffer();
    let start = cursor.position();
    // `TAG_CELL TAG_CELL_NAME length name TAG_CELL_VALUE total_len type length`.
    let cell_head = 16 + name.len();
    let FastValue { value, end, crc } = read_value(buf, start, crc, cell_head)?;
    let trailer = buf.get(end..)?;
    let (timestamp, crc, found, next) = match trailer.first_chunk::<11>() {
        Some(&[TAG_CELL_TIMESTAMP, ts @ .., TAG_CELL_CHECKSUM, found]) => (
            Some(i64::from_le_bytes(ts)),
            timestamps.update_word(crc, ts),
            found,
            end + 11,
        ),
        _ => match trailer.first_chunk::<2>() {
            Some(&[TAG_CELL_CHECKSUM, found]) => (None, crc, found, end + 2),
            _ => return None,
        },
    };
    if found != crc {
        return None;
    }
    cursor.advance_to(next);
    Some((
        CellRef {
            name,
            value: Some(value),
            op: None,
            timestamp,
        },
        crc,
    ))
}

/// The rest of a primary-key cell after its name: an integer, string or binary value.
/// `crc` is the name's checksum. Returns the value and the cell's checksum.
#[inline]
pub(super) fn key_cell<'a>(
    cursor: &mut Cursor<'a>,
    crc: u8,
) -> Option<(PrimaryKeyValueRef<'a>, u8)> {
    let buf = cursor.buffer();
    let start = cursor.position();
    let FastValue { value, end, crc } = read_value(buf, start, crc, 0)?;
    let key = match value {
        ValueRef::Integer(v) => PrimaryKeyValueRef::Integer(v),
        ValueRef::String(v) => PrimaryKeyValueRef::String(v),
        ValueRef::Binary(v) => PrimaryKeyValueRef::Binary(v),
        // Not key types: the general parser reports them.
        ValueRef::Double(_) | ValueRef::Boolean(_) => return None,
    };
    let &[TAG_CELL_CHECKSUM, found] = buf.get(end..)?.first_chunk::<2>()? else {
        return None;
    };
    if found != crc {
        return None;
    }
    cursor.advance_to(end + 2);
    Some((key, crc))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn a_valid_window_does_not_accept_text_starting_inside_a_character() {
        // The window `... é` is valid UTF-8, but the text is only the second byte of `é`.
        let mut buf = vec![b'a'; 62];
        buf.extend_from_slice("é".as_bytes());
        assert_eq!(super::utf8(&buf, 63, &buf[63..], false, 63), None);
        // And the whole `é` is accepted through the same window.
        assert_eq!(super::utf8(&buf, 62, &buf[62..], false, 62), Some("é"));
    }

    proptest! {
        #[test]
        fn utf8_accepts_exactly_what_std_accepts(
            bytes in proptest::collection::vec(any::<u8>(), 0..100),
        ) {
            let std = std::str::from_utf8(&bytes).ok();
            prop_assert_eq!(super::utf8(&bytes, 0, &bytes, bytes.is_ascii(), 0), std);
            // The hint is only a hint: wrong either way, the answer stays right.
            prop_assert_eq!(super::utf8(&bytes, 0, &bytes, !bytes.is_ascii(), 0), std);
        }

        #[test]
        fn utf8_through_a_window_accepts_exactly_what_std_accepts(
            head in prop_oneof![
                proptest::collection::vec(0u8..0x80, 0..70),
                "\\PC{0,30}".prop_map(String::into_bytes),
                proptest::collection::vec(any::<u8>(), 0..70),
            ],
            text in "\\PC{0,40}",
            at in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            spoil in any::<bool>(),
        ) {
            // `head` plays the cell's tags, name and lengths before the text: valid UTF-8 or
            // not, ending inside a character or not.
            let mut text = text.into_bytes();
            if spoil && !text.is_empty() {
                let at = at.index(text.len());
                text[at] = byte;
            }
            let mut buf = head.clone();
            buf.extend_from_slice(&text);
            let found = super::utf8(&buf, head.len(), &buf[head.len()..], false, head.len());
            prop_assert_eq!(found, std::str::from_utf8(&text).ok());
        }

        #[test]
        fn utf8_accepts_valid_text_of_any_length(text in "\\PC{0,90}") {
            prop_assert_eq!(super::utf8(text.as_bytes(), 0, text.as_bytes(), text.is_ascii(), 0), Some(text.as_str()));
        }

        #[test]
        fn utf8_rejects_text_with_one_broken_byte(
            text in "\\PC{1,90}",
            at in any::<prop::sample::Index>(),
            byte in 0x80u8..,
        ) {
            let mut bytes = text.into_bytes();
            let at = at.index(bytes.len());
            bytes[at] = byte;
            prop_assert_eq!(super::utf8(&bytes, 0, &bytes, bytes.is_ascii(), 0), std::str::from_utf8(&bytes).ok());
        }
    }
}
