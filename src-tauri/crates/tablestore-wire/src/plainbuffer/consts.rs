//! PlainBuffer tag, value-type and cell-operation bytes (spec section 5.1).

pub const HEADER: u32 = 0x75;

pub const TAG_ROW_PK: u8 = 0x01;
pub const TAG_ROW_DATA: u8 = 0x02;
pub const TAG_CELL: u8 = 0x03;
pub const TAG_CELL_NAME: u8 = 0x04;
pub const TAG_CELL_VALUE: u8 = 0x05;
pub const TAG_CELL_TYPE: u8 = 0x06;
pub const TAG_CELL_TIMESTAMP: u8 = 0x07;
pub const TAG_DELETE_ROW_MARKER: u8 = 0x08;
pub const TAG_ROW_CHECKSUM: u8 = 0x09;
pub const TAG_CELL_CHECKSUM: u8 = 0x0A;
/// Only the Java reader knows it (stream data); readers skip it, writers never emit it.
pub const TAG_EXTENSION: u8 = 0x0B;

pub const VT_INTEGER: u8 = 0x00;
pub const VT_DOUBLE: u8 = 0x01;
pub const VT_BOOLEAN: u8 = 0x02;
pub const VT_STRING: u8 = 0x03;
pub const VT_BLOB: u8 = 0x07;
pub const VT_INF_MIN: u8 = 0x09;
pub const VT_INF_MAX: u8 = 0x0A;
pub const VT_AUTO_INCREMENT: u8 = 0x0B;

pub const OP_DELETE_ALL_VERSIONS: u8 = 0x01;
pub const OP_DELETE_ONE_VERSION: u8 = 0x03;
pub const OP_INCREMENT: u8 = 0x04;
