//! Typed Tablestore values and rows, owned and borrowed.

/// An attribute value as Tablestore stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Double(f64),
    Boolean(bool),
    String(String),
    Binary(Vec<u8>),
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
