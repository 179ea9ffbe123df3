//! PlainBuffer, the row encoding inside Tablestore's protobuf `bytes` fields (spec section 5).
//!
//! Encoding mirrors the official SDK writers byte for byte. Decoding borrows names, strings and
//! blobs from the input and streams rows one at a time ([`RowReader`]); every malformed input
//! yields a [`crate::WireError`], never a panic, and no allocation is sized by a length read
//! from the input.

pub mod consts;
mod crc8;
mod cursor;
mod fast_cell;
#[cfg(test)]
mod fast_cell_differential;
mod name_cache;
mod reader;
mod row_ref;
mod update;
mod writer;

pub use crc8::update as crc8_update;
pub use reader::{decode_primary_key, decode_row, RowReader};
pub use row_ref::{CellOp, CellRef, RowRef};
pub use update::CellUpdate;
pub use writer::{
    encode_delete_row, encode_primary_key, encode_row, encode_row_ref, encode_update_row,
    RowsWriter,
};
