//! Corrupt input gets a typed error that says what and where — never a panic, and never an
//! allocation sized by a length field (lengths are checked against the bytes actually left).
//!
//! Byte positions refer to the spec's 55-byte PutRow example (5.9), laid out as:
//!
//! ```text
//! 0-3 header | 4 ROW_PK | 5 CELL | 6 NAME | 7-10 len 2 | 11-12 "id" | 13 VALUE | 14-17 total_len |
//! 18 type INTEGER | 19-26 int 1 | 27 CELL_CHECKSUM | 28 0x0a | 29 ROW_DATA | 30 CELL | 31 NAME |
//! 32-35 len 4 | 36-39 "name" | 40 VALUE | 41-44 total_len | 45 type STRING | 46-49 strlen 1 |
//! 50 "a" | 51 CELL_CHECKSUM | 52 0x37 | 53 ROW_CHECKSUM | 54 0x15
//! ```

mod common;

use common::hex;
use tablestore_wire::plainbuffer::{decode_row, RowReader};
use tablestore_wire::WireError;

fn put_row() -> Vec<u8> {
    hex("75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00
         01 00 00 00 00 00 00 00 0a 0a 02 03 04 04 00 00 00 6e 61 6d 65 05 06 00 00 00 03
         01 00 00 00 61 0a 37 09 15")
}

fn patched(at: usize, bytes: &[u8]) -> Vec<u8> {
    let mut buf = put_row();
    buf[at..at + bytes.len()].copy_from_slice(bytes);
    buf
}

fn error_of(buf: &[u8]) -> WireError {
    decode_row(buf).expect_err("corrupt input must not decode")
}

#[test]
fn wrong_header_is_reported_with_its_value() {
    let err = error_of(&patched(0, &[0x76]));
    assert!(
        matches!(err, WireError::BadHeader { found: 0x76 }),
        "{err:?}"
    );
}

#[test]
fn flipped_cell_checksum_is_a_cell_checksum_mismatch() {
    let err = error_of(&patched(52, &[0x38]));
    assert!(
        matches!(
            err,
            WireError::CellChecksumMismatch {
                offset: 52,
                found: 0x38,
                computed: 0x37
            }
        ),
        "{err:?}"
    );
}

#[test]
fn changed_value_under_an_intact_checksum_is_detected() {
    let err = error_of(&patched(50, b"b"));
    assert!(
        matches!(err, WireError::CellChecksumMismatch { offset: 52, .. }),
        "{err:?}"
    );
}

#[test]
fn flipped_row_checksum_is_a_row_checksum_mismatch() {
    let err = error_of(&patched(54, &[0x16]));
    assert!(
        matches!(
            err,
            WireError::RowChecksumMismatch {
                offset: 54,
                found: 0x16,
                computed: 0x15
            }
        ),
        "{err:?}"
    );
}

#[test]
fn every_truncation_is_an_error_not_a_panic() {
    let full = put_row();
    for len in 1..full.len() {
        let err = error_of(&full[..len]);
        assert!(
            matches!(
                err,
                WireError::Truncated { .. }
                    | WireError::LengthPastEnd { .. }
                    | WireError::BadHeader { .. }
            ),
            "prefix of {len} bytes gave {err:?}"
        );
    }
}

#[test]
fn truncated_cell_reports_where_it_ended() {
    let err = error_of(&put_row()[..47]);
    assert!(
        matches!(err, WireError::Truncated { offset: 46, .. }),
        "{err:?}"
    );
}

#[test]
fn wrong_tag_where_a_cell_name_belongs_is_an_unexpected_tag() {
    let err = error_of(&patched(31, &[0x05]));
    assert!(
        matches!(
            err,
            WireError::UnexpectedTag {
                offset: 31,
                found: 0x05,
                expected: "TAG_CELL_NAME"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn row_not_starting_with_the_pk_tag_is_an_unexpected_tag() {
    let err = error_of(&patched(4, &[0x02]));
    assert!(
        matches!(
            err,
            WireError::UnexpectedTag {
                offset: 4,
                found: 0x02,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn missing_row_checksum_tag_is_an_unexpected_tag() {
    let err = error_of(&patched(53, &[0x0a]));
    assert!(
        matches!(
            err,
            WireError::UnexpectedTag {
                offset: 53,
                expected: "TAG_ROW_CHECKSUM",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn name_length_past_the_end_is_rejected_before_reading() {
    let err = error_of(&patched(32, &1000i32.to_le_bytes()));
    assert!(
        matches!(
            err,
            WireError::LengthPastEnd {
                offset: 32,
                length: 1000,
                remaining: 19,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn absurd_lengths_are_rejected_without_allocating() {
    for at in [7, 32, 46] {
        let err = error_of(&patched(at, &i32::MAX.to_le_bytes()));
        assert!(
            matches!(err, WireError::LengthPastEnd { length, .. } if length == 0x7FFF_FFFF),
            "length at {at} gave {err:?}"
        );
        let err = error_of(&patched(at, &(-1i32).to_le_bytes()));
        assert!(
            matches!(err, WireError::NegativeLength { length: -1, .. }),
            "{err:?}"
        );
    }
}

#[test]
fn unknown_value_type_is_reported() {
    // 0x06 is VT_NULL: defined by the Python SDK but never written by any encoder.
    let err = error_of(&patched(45, &[0x06]));
    assert!(
        matches!(
            err,
            WireError::UnknownValueType {
                offset: 45,
                found: 0x06
            }
        ),
        "{err:?}"
    );
}

#[test]
fn double_is_not_a_primary_key_type() {
    let err = error_of(&patched(18, &[0x01]));
    assert!(
        matches!(
            err,
            WireError::ValueTypeNotAllowed {
                offset: 18,
                found: 0x01,
                context: "a primary key"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn infinity_is_not_an_attribute_value() {
    let err = error_of(&patched(45, &[0x0a]));
    assert!(
        matches!(
            err,
            WireError::ValueTypeNotAllowed {
                offset: 45,
                found: 0x0a,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn boolean_other_than_zero_or_one_is_rejected() {
    // {id:1} b=true from spec 5.9, with the boolean byte changed to 2.
    let mut buf = hex(
        "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00
                       0a 0a 02 03 04 01 00 00 00 62 05 02 00 00 00 02 01 0a 3e 09 00",
    );
    buf[43] = 2;
    let err = error_of(&buf);
    assert!(
        matches!(
            err,
            WireError::InvalidBoolean {
                offset: 43,
                found: 2
            }
        ),
        "{err:?}"
    );
}

#[test]
fn invalid_utf8_name_is_rejected() {
    let err = error_of(&patched(36, &[0xff]));
    assert!(
        matches!(
            err,
            WireError::InvalidUtf8 {
                offset: 36,
                what: "a cell name"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn invalid_utf8_string_value_is_rejected() {
    let err = error_of(&patched(50, &[0xc3]));
    assert!(
        matches!(err, WireError::InvalidUtf8 { offset: 50, .. }),
        "{err:?}"
    );
}

#[test]
fn unknown_cell_operation_is_rejected() {
    // DELETE_ALL cell "old" from the spec's UpdateRow example, with op byte 0x02.
    let buf = hex(
        "75 00 00 00 01 03 04 02 00 00 00 69 64 05 09 00 00 00 00 01 00 00 00 00 00 00 00
                   0a 0a 02 03 04 03 00 00 00 6f 6c 64 06 02 0a 1e 09 00",
    );
    let err = error_of(&buf);
    assert!(
        matches!(
            err,
            WireError::UnknownCellOp {
                offset: 40,
                found: 2
            }
        ),
        "{err:?}"
    );
}

#[test]
fn bytes_after_a_single_row_are_trailing_bytes() {
    let mut buf = put_row();
    buf.push(0x01);
    let err = error_of(&buf);
    assert!(
        matches!(
            err,
            WireError::TrailingBytes {
                offset: 55,
                count: 1
            }
        ),
        "{err:?}"
    );
}

#[test]
fn reader_yields_good_rows_then_one_error_then_stops() {
    let good = put_row();
    let mut page = good.clone();
    page.extend_from_slice(&good[4..]);
    page.extend_from_slice(&good[4..50]); // a third row cut short
    let results: Vec<_> = RowReader::new(&page).expect("header").collect();
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    assert!(
        matches!(
            results[2],
            Err(WireError::LengthPastEnd {
                offset: 148,
                length: 1,
                remaining: 0,
                ..
            })
        ),
        "{:?}",
        results[2]
    );
}

#[test]
fn java_style_row_extension_is_skipped_outside_the_checksum() {
    let mut buf = put_row();
    let checksum_at = buf.len() - 2;
    let extension = [0x0b, 3, 0, 0, 0, 0xaa, 0xbb, 0xcc];
    buf.splice(checksum_at..checksum_at, extension);
    let row = decode_row(&buf).expect("decodes").expect("one row");
    assert_eq!(row.cells.len(), 1);
}
