//! Rows as JSON, the form `tests/conformance/plainbuffer/conformance.py` exchanges with the
//! `plainbuffer_conformance` example and stores in `tests/fixtures/python_sdk_cases.json`.
//!
//! A row is `{"pk": [[name, value]], "cells": [[name, value|null, timestamp|null, op|null]],
//! "delete": bool}`; values are `{"t": "int", "v": "-5"}` (64-bit integers as strings),
//! `{"t": "double", "bits": "7ff8000000000000"}`, `{"t": "bool", "v": true}`, `{"t": "str",
//! "v": ".."}`, `{"t": "bin", "v": "hex"}`, `{"t": "inf_min"}`, `{"t": "inf_max"}`,
//! `{"t": "auto_inc"}`; timestamps are strings too; op is `delete_all`, `delete_one` or
//! `increment`. A case is `{"id", "kind": put|returned|pk|delete|update|page, "rows",
//! "python_hex"}`.
#![allow(dead_code)] // shared by an example and a test; each uses a subset

use serde_json::{json, Value as Json};
use tablestore_wire::plainbuffer::{
    encode_delete_row, encode_primary_key, encode_row, encode_update_row, CellOp, CellRef,
    CellUpdate, RowReader, RowRef, RowsWriter,
};
use tablestore_wire::{Cell, PrimaryKeyValue, PrimaryKeyValueRef, Row, Value, ValueRef};

pub type Failure = Box<dyn std::error::Error>;

pub fn decode_all(bytes: &[u8]) -> Result<Vec<Json>, String> {
    RowReader::new(bytes)
        .map_err(|e| e.to_string())?
        .map(|row| row.map(|row| row_json(&row)).map_err(|e| e.to_string()))
        .collect()
}

pub fn row_json(row: &RowRef<'_>) -> Json {
    let pk: Vec<Json> = row
        .primary_key
        .iter()
        .map(|(name, value)| json!([name, key_json(*value)]))
        .collect();
    let cells: Vec<Json> = row.cells.iter().map(cell_json).collect();
    json!({ "pk": pk, "cells": cells, "delete": row.delete_marker })
}

pub fn cell_json(cell: &CellRef<'_>) -> Json {
    let op = cell.op.map(|op| match op {
        CellOp::DeleteAllVersions => "delete_all",
        CellOp::DeleteOneVersion => "delete_one",
        CellOp::Increment => "increment",
    });
    json!([
        cell.name,
        cell.value.map(value_json),
        cell.timestamp.map(|ts| ts.to_string()),
        op
    ])
}

pub fn key_json(value: PrimaryKeyValueRef<'_>) -> Json {
    match value {
        PrimaryKeyValueRef::InfMin => json!({ "t": "inf_min" }),
        PrimaryKeyValueRef::InfMax => json!({ "t": "inf_max" }),
        PrimaryKeyValueRef::AutoIncrement => json!({ "t": "auto_inc" }),
        PrimaryKeyValueRef::Integer(v) => value_json(ValueRef::Integer(v)),
        PrimaryKeyValueRef::String(v) => value_json(ValueRef::String(v)),
        PrimaryKeyValueRef::Binary(v) => value_json(ValueRef::Binary(v)),
    }
}

pub fn value_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Integer(v) => json!({ "t": "int", "v": v.to_string() }),
        ValueRef::Double(v) => json!({ "t": "double", "bits": format!("{:016x}", v.to_bits()) }),
        ValueRef::Boolean(v) => json!({ "t": "bool", "v": v }),
        ValueRef::String(v) => json!({ "t": "str", "v": v }),
        ValueRef::Binary(v) => json!({ "t": "bin", "v": to_hex(v) }),
    }
}

pub fn encode_case(case: &Json) -> Result<Vec<u8>, Failure> {
    let rows = case["rows"].as_array().ok_or("rows")?;
    let first = rows.first().ok_or("a case has at least one row")?;
    let pk = parse_key(first)?;
    Ok(match case["kind"].as_str().ok_or("kind")? {
        "pk" => encode_primary_key(&pk)?,
        "delete" => encode_delete_row(&pk)?,
        "put" | "returned" => encode_row(&parse_row(first)?)?,
        "update" => encode_update_row(&pk, &parse_updates(first)?)?,
        "page" => {
            let mut writer = RowsWriter::new();
            for row in rows {
                writer.push(&parse_row(row)?)?;
            }
            writer.finish()
        }
        other => return Err(format!("unknown kind {other}").into()),
    })
}

pub fn parse_key(row: &Json) -> Result<Vec<(String, PrimaryKeyValue)>, Failure> {
    row["pk"]
        .as_array()
        .ok_or("pk")?
        .iter()
        .map(|pair| {
            let name = pair[0].as_str().ok_or("pk name")?.to_owned();
            let value = match pair[1]["t"].as_str().ok_or("pk type")? {
                "inf_min" => PrimaryKeyValue::InfMin,
                "inf_max" => PrimaryKeyValue::InfMax,
                "auto_inc" => PrimaryKeyValue::AutoIncrement,
                _ => match parse_value(&pair[1])? {
                    Value::Integer(v) => PrimaryKeyValue::Integer(v),
                    Value::String(v) => PrimaryKeyValue::String(v),
                    Value::Binary(v) => PrimaryKeyValue::Binary(v),
                    other => return Err(format!("{other:?} is not a key type").into()),
                },
            };
            Ok((name, value))
        })
        .collect()
}

pub fn parse_row(row: &Json) -> Result<Row, Failure> {
    let cells = row["cells"]
        .as_array()
        .ok_or("cells")?
        .iter()
        .map(|cell| {
            Ok(Cell {
                name: cell[0].as_str().ok_or("cell name")?.to_owned(),
                value: if cell[1].is_null() {
                    None
                } else {
                    Some(parse_value(&cell[1])?)
                },
                timestamp: parse_timestamp(&cell[2])?,
            })
        })
        .collect::<Result<_, Failure>>()?;
    Ok(Row {
        primary_key: parse_key(row)?,
        cells,
    })
}

pub fn parse_updates(row: &Json) -> Result<Vec<CellUpdate>, Failure> {
    row["cells"]
        .as_array()
        .ok_or("cells")?
        .iter()
        .map(|cell| {
            let name = cell[0].as_str().ok_or("cell name")?.to_owned();
            let timestamp = parse_timestamp(&cell[2])?;
            Ok(match cell[3].as_str() {
                None => CellUpdate::Put {
                    name,
                    value: parse_value(&cell[1])?,
                    timestamp,
                },
                Some("delete_all") => CellUpdate::DeleteAllVersions { name },
                Some("delete_one") => CellUpdate::DeleteOneVersion {
                    name,
                    timestamp: timestamp.ok_or("delete_one needs a timestamp")?,
                },
                Some("increment") => match parse_value(&cell[1])? {
                    Value::Integer(by) => CellUpdate::Increment { name, by },
                    other => return Err(format!("increment by {other:?}").into()),
                },
                Some(other) => return Err(format!("unknown op {other}").into()),
            })
        })
        .collect()
}

pub fn parse_timestamp(json: &Json) -> Result<Option<i64>, Failure> {
    Ok(match json.as_str() {
        Some(text) => Some(text.parse()?),
        None => None,
    })
}

pub fn parse_value(json: &Json) -> Result<Value, Failure> {
    let text = || json["v"].as_str().ok_or("value text");
    Ok(match json["t"].as_str().ok_or("value type")? {
        "int" => Value::Integer(text()?.parse()?),
        "double" => Value::Double(f64::from_bits(u64::from_str_radix(
            json["bits"].as_str().ok_or("bits")?,
            16,
        )?)),
        "bool" => Value::Boolean(json["v"].as_bool().ok_or("bool")?),
        "str" => Value::String(text()?.to_owned()),
        "bin" => Value::Binary(from_hex(text()?)?),
        other => return Err(format!("unknown value type {other}").into()),
    })
}

pub fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

pub fn from_hex(text: &str) -> Result<Vec<u8>, Failure> {
    (0..text.len())
        .step_by(2)
        .map(|i| {
            Ok(u8::from_str_radix(
                text.get(i..i + 2).ok_or("odd hex")?,
                16,
            )?)
        })
        .collect()
}
