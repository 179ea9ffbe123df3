//! Tablestore wire formats shared by the client and the sandbox: typed values and rows, the
//! PlainBuffer row codec, and the protobuf messages of the operations we use.
//!
//! This crate owns bytes-in/bytes-out only. It does no I/O, no HTTP, no signing and knows
//! nothing of tables' meaning; callers hand it buffers and get typed values or a `WireError`.

mod error;
pub mod plainbuffer;
pub mod proto;
mod required;
pub mod value;

pub use error::WireError;
pub use required::{decode_checked, MessageRules, RequiredFields};
pub use value::{Cell, PrimaryKeyValue, PrimaryKeyValueRef, Row, Value, ValueRef};
