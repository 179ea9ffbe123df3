//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

/// Parses hex written with any whitespace between bytes, as in the spec.
pub fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).expect("ascii"), 16).expect("hex"))
        .collect()
}

pub fn key(name: &str, value: PrimaryKeyValue) -> (String, PrimaryKeyValue) {
    (name.to_owned(), value)
}

pub fn cell(name: &str, value: Value, timestamp: Option<i64>) -> Cell {
    Cell {
        name: name.to_owned(),
        value: Some(value),
        timestamp,
    }
}

/// Rows compared with doubles by bit pattern, so NaN equals itself.
pub fn same_row(a: &Row, b: &Row) -> bool {
    a.primary_key == b.primary_key
        && a.cells.len() == b.cells.len()
        && a.cells.iter().zip(&b.cells).all(|(x, y)| {
            x.name == y.name
                && x.timestamp == y.timestamp
                && match (&x.value, &y.value) {
                    (Some(Value::Double(p)), Some(Value::Double(q))) => p.to_bits() == q.to_bits(),
                    (p, q) => p == q,
                }
        })
}
