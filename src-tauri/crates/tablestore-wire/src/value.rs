//! Typed Tablestore values and rows, owned and borrowed.
//!
//! The owned forms (`Value`, `PrimaryKeyValue`, `Cell`, `Row`) are what the rest of the app
//! passes around; the borrowed forms (`ValueRef`, `PrimaryKeyValueRef`) point into a response
//! buffer so that decoding a page copies no strings or blobs.

/// An attribute value as Tablestore stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Double(f64),
    Boolean(bool),
    String(String),
    Binary(Vec<u8>),
}

impl Value {
    /// A borrowed view, e.g. to encode without cloning.
    pub fn as_value_ref(&self) -> ValueRef<'_> {
        match self {
            Value::Integer(v) => ValueRef::Integer(*v),
            Value::Double(v) => ValueRef::Double(*v),
            Value::Boolean(v) => ValueRef::Boolean(*v),
            Value::String(v) => ValueRef::String(v),
            Value::Binary(v) => ValueRef::Binary(v),
        }
    }
}

/// A value borrowed from a response buffer (zero-copy decoding).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Integer(i64),
    Double(f64),
    Boolean(bool),
    String(&'a str),
    Binary(&'a [u8]),
}

impl ValueRef<'_> {
    pub fn to_owned_value(self) -> Value {
        match self {
            ValueRef::Integer(v) => Value::Integer(v),
            ValueRef::Double(v) => Value::Double(v),
            ValueRef::Boolean(v) => Value::Boolean(v),
            ValueRef::String(v) => Value::String(v.to_owned()),
            ValueRef::Binary(v) => Value::Binary(v.to_vec()),
        }
    }
}

/// A primary-key value: only integer, string and binary are allowed as keys; the two
/// infinities bound range reads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrimaryKeyValue {
    InfMin,
    Integer(i64),
    String(String),
    Binary(Vec<u8>),
    InfMax,
    /// Auto-increment placeholder sent on PutRow; the service assigns the value.
    AutoIncrement,
}

impl PrimaryKeyValue {
    /// A borrowed view, e.g. to encode without cloning.
    pub fn as_key_ref(&self) -> PrimaryKeyValueRef<'_> {
        match self {
            PrimaryKeyValue::InfMin => PrimaryKeyValueRef::InfMin,
            PrimaryKeyValue::Integer(v) => PrimaryKeyValueRef::Integer(*v),
            PrimaryKeyValue::String(v) => PrimaryKeyValueRef::String(v),
            PrimaryKeyValue::Binary(v) => PrimaryKeyValueRef::Binary(v),
            PrimaryKeyValue::InfMax => PrimaryKeyValueRef::InfMax,
            PrimaryKeyValue::AutoIncrement => PrimaryKeyValueRef::AutoIncrement,
        }
    }
}

/// A primary-key value borrowed from a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimaryKeyValueRef<'a> {
    InfMin,
    Integer(i64),
    String(&'a str),
    Binary(&'a [u8]),
    InfMax,
    AutoIncrement,
}

impl PrimaryKeyValueRef<'_> {
    pub fn to_owned_key(self) -> PrimaryKeyValue {
        match self {
            PrimaryKeyValueRef::InfMin => PrimaryKeyValue::InfMin,
            PrimaryKeyValueRef::Integer(v) => PrimaryKeyValue::Integer(v),
            PrimaryKeyValueRef::String(v) => PrimaryKeyValue::String(v.to_owned()),
            PrimaryKeyValueRef::Binary(v) => PrimaryKeyValue::Binary(v.to_vec()),
            PrimaryKeyValueRef::InfMax => PrimaryKeyValue::InfMax,
            PrimaryKeyValueRef::AutoIncrement => PrimaryKeyValue::AutoIncrement,
        }
    }
}

/// One attribute cell: a column name, a value (absent for delete markers) and an optional
/// timestamp in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub name: String,
    pub value: Option<Value>,
    pub timestamp: Option<i64>,
}

/// An owned row: primary key columns in schema order, then attribute cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub primary_key: Vec<(String, PrimaryKeyValue)>,
    pub cells: Vec<Cell>,
}
