//! Rows and keys in saved state, in the service's own row format (PlainBuffer, with its
//! per-row checksums) rather than a JSON mirror: every value type round-trips exactly (doubles
//! bit for bit, binary as bytes), and a damaged row fails its checksum instead of loading
//! wrong. Each list is one PlainBuffer, base64-encoded into the JSON snapshot.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use tablestore_wire::plainbuffer::{RowReader, RowsWriter};
use tablestore_wire::{Cell, Row, WireError};

use crate::tablestore::schema::{Key, TableSchema};
use crate::tablestore::table::{StoredRow, Version};

/// Why saved rows could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum RowCodecError {
    #[error("not base64: {0}")]
    Base64(#[from] base64::DecodeError),
    #[error("not a valid row list: {0}")]
    Wire(#[from] WireError),
    #[error("a cell of column `{0}` has no value or no timestamp")]
    IncompleteCell(String),
}

/// A row as PlainBuffer: the key named by the schema, then every version of every column
/// (newest first, as stored), each with its timestamp.
fn to_wire(schema: &TableSchema, key: &Key, row: Option<&StoredRow>) -> Row {
    let cells = row
        .into_iter()
        .flat_map(|row| &row.columns)
        .flat_map(|(name, versions)| {
            versions.iter().map(move |version| Cell {
                name: name.clone(),
                value: Some(version.value.clone()),
                timestamp: Some(version.timestamp),
            })
        })
        .collect();
    Row {
        primary_key: schema.named_key(key),
        cells,
    }
}

/// Encodes rows (or bare keys, when `row` is `None`) into one base64 text.
pub fn encode<'a>(
    schema: &TableSchema,
    rows: impl IntoIterator<Item = (&'a Key, Option<&'a StoredRow>)>,
) -> Result<String, WireError> {
    let mut writer = RowsWriter::new();
    for (key, row) in rows {
        writer.push(&to_wire(schema, key, row))?;
    }
    Ok(STANDARD.encode(writer.finish()))
}

/// Decodes what [`encode`] wrote: each key, and its row (empty for bare keys).
pub fn decode(text: &str) -> Result<Vec<(Key, StoredRow)>, RowCodecError> {
    let bytes = STANDARD.decode(text)?;
    let mut rows = Vec::new();
    for row in RowReader::new(&bytes)? {
        let row = row?;
        let key: Key = row
            .primary_key
            .iter()
            .map(|(_, value)| value.to_owned_key())
            .collect();
        let mut stored = StoredRow::default();
        for cell in &row.cells {
            let (Some(value), Some(timestamp)) = (cell.value, cell.timestamp) else {
                return Err(RowCodecError::IncompleteCell(cell.name.to_owned()));
            };
            stored
                .columns
                .entry(cell.name.to_owned())
                .or_default()
                .push(Version {
                    timestamp,
                    value: value.to_owned_value(),
                });
        }
        rows.push((key, stored));
    }
    Ok(rows)
}

/// Encodes bare keys (no schema at hand: the names are placeholders, only values matter).
pub fn encode_keys<'a>(keys: impl IntoIterator<Item = &'a Key>) -> Result<String, WireError> {
    let mut writer = RowsWriter::new();
    for key in keys {
        let primary_key = key
            .iter()
            .enumerate()
            .map(|(i, value)| (format!("k{i}"), value.clone()))
            .collect();
        writer.push(&Row {
            primary_key,
            cells: Vec::new(),
        })?;
    }
    Ok(STANDARD.encode(writer.finish()))
}

/// Decodes what [`encode_keys`] (or [`encode`]) wrote, keeping only the keys.
pub fn decode_keys(text: &str) -> Result<Vec<Key>, RowCodecError> {
    Ok(decode(text)?.into_iter().map(|(key, _)| key).collect())
}

/// One key alone (a delivery cursor), or `None`.
pub fn encode_key(key: Option<&Key>) -> Result<Option<String>, WireError> {
    key.map(|key| encode_keys([key])).transpose()
}

pub fn decode_key(text: Option<&str>) -> Result<Option<Key>, RowCodecError> {
    Ok(match text {
        Some(text) => decode_keys(text)?.into_iter().next(),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tablestore::schema::{KeyColumn, KeyType};
    use tablestore_wire::{PrimaryKeyValue, Value};

    fn schema() -> TableSchema {
        TableSchema {
            name: "t".to_owned(),
            primary_key: vec![
                KeyColumn {
                    name: "a".to_owned(),
                    key_type: KeyType::String,
                    auto_increment: false,
                },
                KeyColumn {
                    name: "b".to_owned(),
                    key_type: KeyType::Binary,
                    auto_increment: false,
                },
            ],
            defined_columns: Vec::new(),
        }
    }

    #[test]
    fn rows_of_every_value_type_and_several_versions_come_back_exactly() {
        let key: Key = vec![
            PrimaryKeyValue::String("ключ".to_owned()),
            PrimaryKeyValue::Binary(vec![0, 255]),
        ];
        let mut row = StoredRow::default();
        row.columns.insert(
            "d".to_owned(),
            vec![
                Version {
                    timestamp: 20,
                    value: Value::Double(-0.0),
                },
                Version {
                    timestamp: 10,
                    value: Value::Double(f64::MIN_POSITIVE),
                },
            ],
        );
        for (name, value) in [
            ("i", Value::Integer(i64::MIN)),
            ("s", Value::String("名前".to_owned())),
            ("x", Value::Binary(vec![1, 2, 3])),
            ("y", Value::Boolean(true)),
        ] {
            row.columns.insert(
                name.to_owned(),
                vec![Version {
                    timestamp: 5,
                    value,
                }],
            );
        }
        let text = encode(&schema(), [(&key, Some(&row))]).expect("encodes");
        let back = decode(&text).expect("decodes");
        assert_eq!(back, vec![(key.clone(), row)]);
        let Value::Double(zero) = back[0].1.columns["d"][0].value else {
            unreachable!("a double")
        };
        assert!(zero.is_sign_negative(), "-0.0 keeps its sign");

        let keys = encode_keys([&key, &key]).expect("encodes");
        assert_eq!(decode_keys(&keys).expect("decodes"), vec![key.clone(), key]);
        assert_eq!(decode_keys("").expect("empty"), Vec::<Key>::new());
    }

    #[test]
    fn a_damaged_row_is_refused_by_its_checksum() {
        let key: Key = vec![PrimaryKeyValue::Integer(7)];
        let text = encode_keys([&key]).expect("encodes");
        let mut bytes = STANDARD.decode(&text).expect("base64");
        let last = bytes.len() - 3;
        bytes[last] ^= 0x40;
        assert!(decode(&STANDARD.encode(bytes)).is_err());
    }
}
