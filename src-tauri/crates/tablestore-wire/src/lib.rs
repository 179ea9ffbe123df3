//! Tablestore wire formats shared by the client and the sandbox: typed values and rows
//! (this file), the PlainBuffer codec and the protobuf messages. No I/O happens here.

pub mod value;

pub use value::{Cell, PrimaryKeyValue, Row, Value, ValueRef};
