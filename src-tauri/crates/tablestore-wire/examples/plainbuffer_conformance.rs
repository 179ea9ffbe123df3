//! Helper binary for the cross-checks against the official Python SDK
//! (`tests/conformance/plainbuffer/`). Subcommands:
//!
//! * `exchange CASES.json OUT.json` — for every case, decode the Python-encoded bytes and
//!   encode the case's rows; write both as JSON for the Python side to compare.
//! * `write-page OUT.bin` — write the benchmark's realistic 4 MB GetRange page.
//! * `time-decode PAGE.bin ITERATIONS` — decode the page repeatedly, print `seconds_per_decode`.
//!
//! JSON row form (shared with `conformance.py`): `{"pk": [[name, value]], "cells": [[name,
//! value|null, timestamp|null, op|null]], "delete": bool}`; values are `{"t": "int", "v": "-5"}`
//! (64-bit integers as strings), `{"t": "double", "bits": "7ff8000000000000"}`, `{"t": "bool",
//! "v": true}`, `{"t": "str", "v": ".."}`, `{"t": "bin", "v": "hex"}`, `{"t": "inf_min"}`,
//! `{"t": "inf_max"}`, `{"t": "auto_inc"}`; timestamps are strings too.

use std::time::Instant;

use serde_json::{json, Value as Json};
use tablestore_wire::plainbuffer::{
    encode_delete_row, encode_primary_key, encode_row, encode_update_row, CellOp, CellRef,
    CellUpdate, RowReader, RowRef, RowsWriter,
};
use tablestore_wire::{Cell, PrimaryKeyValue, PrimaryKeyValueRef, Row, Value, ValueRef};

#[path = "../benches/support/page.rs"]
mod page;

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["exchange", cases, out] => exchange(cases, out),
        ["write-page", out] => Ok(std::fs::write(out, page::realistic_page(page::PAGE_BYTES))?),
        ["time-decode", page, iterations] => time_decode(page, iterations.parse()?),
        _ => Err("usage: exchange CASES OUT | write-page OUT | time-decode PAGE N".into()),
    }
}

fn exchange(cases_path: &str, out_path: &str) -> Result<(), Failure> {
    let cases: Json = serde_json::from_str(&std::fs::read_to_string(cases_path)?)?;
    let mut results = Vec::new();
    for case in cases.as_array().ok_or("cases must be an array")? {
        let python_bytes = from_hex(case["python_hex"].as_str().ok_or("python_hex")?)?;
        let decoded = match decode_all(&python_bytes) {
            Ok(rows) => json!({ "rows": rows }),
            Err(error) => json!({ "error": error }),
        };
        let encoded = match encode_case(case) {
            Ok(bytes) => json!({ "hex": to_hex(&bytes) }),
            Err(error) => json!({ "error": error.to_string() }),
        };
        results.push(json!({ "id": case["id"], "decoded": decoded, "encoded": encoded }));
    }
    std::fs::write(out_path, serde_json::to_string(&results)?)?;
    Ok(())
}

fn time_decode(path: &str, iterations: u32) -> Result<(), Failure> {
    let page = std::fs::read(path)?;
    let mut cells = 0usize;
    let started = Instant::now();
    for _ in 0..iterations {
        for row in RowReader::new(std::hint::black_box(&page))? {
            cells += row?.cells.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64() / f64::from(iterations);
    println!("{{\"seconds_per_decode\": {seconds}, \"cells\": {cells}}}");
    Ok(())
}

fn decode_all(bytes: &[u8]) -> Result<Vec<Json>, String> {
    RowReader::new(bytes)
        .map_err(|e| e.to_string())?
        .map(|row| row.map(|row| row_json(&row)).map_err(|e| e.to_string()))
        .collect()
}

fn row_json(row: &RowRef<'_>) -> Json {
    let pk: Vec<Json> = row
        .primary_key
        .iter()
        .map(|(name, value)| json!([name, key_json(*value)]))
        .collect();
    let cells: Vec<Json> = row.cells.iter().map(cell_json).collect();
    json!({ "pk": pk, "cells": cells, "delete": row.delete_marker })
}

fn cell_json(cell: &CellRef<'_>) -> Json {
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

fn key_json(value: PrimaryKeyValueRef<'_>) -> Json {
    match value {
        PrimaryKeyValueRef::InfMin => json!({ "t": "inf_min" }),
        PrimaryKeyValueRef::InfMax => json!({ "t": "inf_max" }),
        PrimaryKeyValueRef::AutoIncrement => json!({ "t": "auto_inc" }),
        PrimaryKeyValueRef::Integer(v) => value_json(ValueRef::Integer(v)),
        PrimaryKeyValueRef::String(v) => value_json(ValueRef::String(v)),
        PrimaryKeyValueRef::Binary(v) => value_json(ValueRef::Binary(v)),
    }
}

fn value_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Integer(v) => json!({ "t": "int", "v": v.to_string() }),
        ValueRef::Double(v) => json!({ "t": "double", "bits": format!("{:016x}", v.to_bits()) }),
        ValueRef::Boolean(v) => json!({ "t": "bool", "v": v }),
        ValueRef::String(v) => json!({ "t": "str", "v": v }),
        ValueRef::Binary(v) => json!({ "t": "bin", "v": to_hex(v) }),
    }
}

fn encode_case(case: &Json) -> Result<Vec<u8>, Failure> {
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

fn parse_key(row: &Json) -> Result<Vec<(String, PrimaryKeyValue)>, Failure> {
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

fn parse_row(row: &Json) -> Result<Row, Failure> {
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

fn parse_updates(row: &Json) -> Result<Vec<CellUpdate>, Failure> {
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

fn parse_timestamp(json: &Json) -> Result<Option<i64>, Failure> {
    Ok(match json.as_str() {
        Some(text) => Some(text.parse()?),
        None => None,
    })
}

fn parse_value(json: &Json) -> Result<Value, Failure> {
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

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

fn from_hex(text: &str) -> Result<Vec<u8>, Failure> {
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
