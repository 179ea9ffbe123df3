//! The crate's one error type: what was wrong with a buffer, and where.

/// Why bytes could not be decoded (or a value could not be encoded).
///
/// Offsets count bytes from the start of the buffer handed to the decoder, so a report can be
/// matched against a hex dump.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("PlainBuffer header is {found:#010x}; expected 0x00000075")]
    BadHeader { found: u32 },

    #[error("PlainBuffer ends at byte {offset} while reading {what}")]
    Truncated { offset: usize, what: &'static str },

    #[error("unexpected tag {found:#04x} at byte {offset}; expected {expected}")]
    UnexpectedTag {
        offset: usize,
        found: u8,
        expected: &'static str,
    },

    #[error("{what} length {length} at byte {offset} is negative")]
    NegativeLength {
        offset: usize,
        what: &'static str,
        length: i32,
    },

    #[error(
        "{what} length {length} at byte {offset} runs past the end of the buffer \
         ({remaining} bytes left)"
    )]
    LengthPastEnd {
        offset: usize,
        what: &'static str,
        length: usize,
        remaining: usize,
    },

    #[error("unknown value type {found:#04x} at byte {offset}")]
    UnknownValueType { offset: usize, found: u8 },

    #[error("value type {found:#04x} at byte {offset} is not allowed in {context}")]
    ValueTypeNotAllowed {
        offset: usize,
        found: u8,
        context: &'static str,
    },

    #[error("boolean byte {found:#04x} at byte {offset} is neither 0 nor 1")]
    InvalidBoolean { offset: usize, found: u8 },

    #[error("unknown cell operation {found:#04x} at byte {offset}")]
    UnknownCellOp { offset: usize, found: u8 },

    #[error("{what} at byte {offset} is not valid UTF-8")]
    InvalidUtf8 { offset: usize, what: &'static str },

    #[error(
        "cell checksum at byte {offset} is {found:#04x} but the cell hashes to {computed:#04x}"
    )]
    CellChecksumMismatch {
        offset: usize,
        found: u8,
        computed: u8,
    },

    #[error("row checksum at byte {offset} is {found:#04x} but the row hashes to {computed:#04x}")]
    RowChecksumMismatch {
        offset: usize,
        found: u8,
        computed: u8,
    },

    #[error("{count} unexpected bytes follow the row, starting at byte {offset}")]
    TrailingBytes { offset: usize, count: usize },

    #[error("cell '{name}' is not a valid update: {reason}")]
    InvalidCellUpdate { name: String, reason: &'static str },

    #[error("{what} is {length} bytes; PlainBuffer lengths must fit in a signed 32-bit integer")]
    TooLong { what: &'static str, length: usize },

    #[error("protobuf message {message} is missing required field {field}")]
    MissingRequiredField {
        message: &'static str,
        field: &'static str,
    },

    #[error("malformed protobuf at byte {offset}: {reason}")]
    MalformedProtobuf { offset: usize, reason: &'static str },

    #[error("malformed protobuf: {0}")]
    Protobuf(#[from] prost::DecodeError),
}
