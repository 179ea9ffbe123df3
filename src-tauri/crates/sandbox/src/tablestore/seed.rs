//! The demo instance's tables: every primary-key shape and type, defined columns, attribute
//! columns of every type, columns missing in some rows, a column whose type varies, unicode
//! column names, an empty table and the large `orders` table (see [`super::seed_orders`]).
//!
//! Seed rows are put straight into the tables; unicode column names are outside the service's
//! naming rules but real exported data carries them, so the app must cope.

use std::sync::Arc;

use tablestore_wire::proto::DefinedColumnType;
use tablestore_wire::{PrimaryKeyValue, Value};

use super::schema::{DefinedColumn, KeyColumn, KeyType, TableOptions, TableSchema};
use super::seed_orders::{Orders, FIRST_ORDER_MS};
use super::table::{StoredRow, Table, Throughput, Version};
use super::Tables;
use crate::SandboxConfig;

/// When the seed tables were "created" (seconds).
const CREATED_AT: i64 = FIRST_ORDER_MS / 1000 - 86_400;

pub fn tables(config: &SandboxConfig) -> Tables {
    let mut tables = Tables::new();
    let rows = usize::try_from(config.large_table_rows).unwrap_or(usize::MAX);
    for table in [
        orders(rows),
        users(),
        page_views(),
        device_metrics(),
        audit_log(),
        blob_store(),
        empty_table(),
    ] {
        tables.insert(table.schema.name.clone(), table.seeded());
    }
    tables
}

fn key(name: &str, key_type: KeyType) -> KeyColumn {
    KeyColumn {
        name: name.to_owned(),
        key_type,
        auto_increment: false,
    }
}

fn defined(name: &str, column_type: DefinedColumnType) -> DefinedColumn {
    DefinedColumn {
        name: name.to_owned(),
        column_type,
    }
}

fn table(
    name: &str,
    primary_key: Vec<KeyColumn>,
    defined_columns: Vec<DefinedColumn>,
    options: TableOptions,
) -> Table {
    let schema = TableSchema {
        name: name.to_owned(),
        primary_key,
        defined_columns,
    };
    Table::new(
        schema,
        options,
        Throughput { read: 0, write: 0 },
        CREATED_AT,
    )
}

/// A row whose cells all carry one version at `timestamp`.
fn row(timestamp: i64, cells: Vec<(&str, Value)>) -> StoredRow {
    let mut row = StoredRow::default();
    for (name, value) in cells {
        row.columns
            .entry(name.to_owned())
            .or_default()
            .push(Version { timestamp, value });
    }
    row
}

fn text(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Small seed counters as doubles (they are far below 2^32, so exact).
fn real(v: usize) -> f64 {
    f64::from(u32::try_from(v).unwrap_or(u32::MAX))
}

fn orders(rows: usize) -> Table {
    table(
        "orders",
        vec![key("order_id", KeyType::Integer)],
        vec![
            defined("status", DefinedColumnType::DctString),
            defined("amount", DefinedColumnType::DctDouble),
            defined("event_time_ms", DefinedColumnType::DctInteger),
        ],
        TableOptions::default(),
    )
    .with_generated_rows(Arc::new(Orders { rows }))
}

/// One STRING key; every attribute type; `email` missing in some rows; `score` of mixed type;
/// unicode column names.
fn users() -> Table {
    let mut t = table(
        "users",
        vec![key("user_id", KeyType::String)],
        vec![
            defined("name", DefinedColumnType::DctString),
            defined("age", DefinedColumnType::DctInteger),
            defined("active", DefinedColumnType::DctBoolean),
        ],
        TableOptions::default(),
    );
    let names = [
        "Li Wei",
        "Zhang Min",
        "Ana Souza",
        "Jonas Berg",
        "Amira Haddad",
        "Kenji Sato",
    ];
    for i in 0..40 {
        let ts = FIRST_ORDER_MS + int(i) * 60_000;
        let mut cells = vec![
            ("name", text(format!("{} {i}", names[i % names.len()]))),
            ("age", Value::Integer(18 + int(i * 7 % 60))),
            ("balance", Value::Double(real(i * 1234 % 100_000) / 100.0)),
            ("active", Value::Boolean(i % 3 != 0)),
            (
                "avatar",
                Value::Binary(vec![0x89, b'P', b'N', b'G', u8::try_from(i).unwrap_or(0)]),
            ),
            (
                "score",
                match i % 4 {
                    0 => Value::Integer(int(i) * 10),
                    1 => Value::Double(real(i) + 0.5),
                    2 => text(format!("{}", i * 10)),
                    _ => Value::Boolean(i % 8 == 3),
                },
            ),
            ("名前", text(format!("ユーザー{i}"))),
            (
                "città",
                text(["Milano", "Roma", "Hangzhou", "São Paulo"][i % 4]),
            ),
        ];
        if i % 5 != 0 {
            cells.push(("email", text(format!("user{i}@example.com"))));
        }
        if i % 7 == 0 {
            cells.push(("note", text("VIP customer — 优先处理")));
        }
        t.put(
            vec![PrimaryKeyValue::String(format!("u{i:04}"))],
            row(ts, cells),
        );
    }
    t
}

/// Two keys (STRING, auto-increment INTEGER).
fn page_views() -> Table {
    let mut primary_key = vec![
        key("site", KeyType::String),
        key("view_id", KeyType::Integer),
    ];
    primary_key[1].auto_increment = true;
    let mut t = table(
        "page_views",
        primary_key,
        Vec::new(),
        TableOptions::default(),
    );
    let sites = ["shop.example.com", "blog.example.com", "docs.example.com"];
    for i in 0..60 {
        let ts = FIRST_ORDER_MS + int(i) * 45_000;
        let mut cells = vec![
            ("url", text(format!("/page/{}", i % 13))),
            ("duration_ms", Value::Integer(int(i * 379 % 20_000))),
            ("bounced", Value::Boolean(i % 4 == 0)),
        ];
        if i % 3 != 0 {
            cells.push(("referrer", text("https://search.example.org/")));
        }
        t.put(
            vec![
                PrimaryKeyValue::String(sites[i % 3].to_owned()),
                PrimaryKeyValue::Integer(ts * 1000 + int(i)),
            ],
            row(ts, cells),
        );
    }
    t
}

/// Three keys (STRING, INTEGER, INTEGER) and several versions per cell.
fn device_metrics() -> Table {
    let mut t = table(
        "device_metrics",
        vec![
            key("device_id", KeyType::String),
            key("day", KeyType::Integer),
            key("seq", KeyType::Integer),
        ],
        vec![defined("temperature", DefinedColumnType::DctDouble)],
        TableOptions {
            max_versions: 3,
            ..TableOptions::default()
        },
    );
    for device in 0..6 {
        for day in 0..5 {
            for seq in 0..10 {
                let n = device * 50 + day * 10 + seq;
                let ts = FIRST_ORDER_MS + int(n) * 1000;
                let mut r = row(
                    ts,
                    vec![
                        ("temperature", Value::Double(20.0 + real(n % 15) * 0.5)),
                        ("humidity", Value::Double(0.3 + real(n % 7) * 0.05)),
                        ("ok", Value::Boolean(n % 11 != 0)),
                        (
                            "raw",
                            Value::Binary(vec![u8::try_from(n % 256).unwrap_or(0); 4]),
                        ),
                    ],
                );
                if seq % 3 == 0 {
                    // Older readings of the same cell, as a table keeping 3 versions holds.
                    let temperature = r.columns.get_mut("temperature").expect("just added");
                    for back in 1..=2 {
                        temperature.push(Version {
                            timestamp: ts - back * 500,
                            value: Value::Double(19.0 + f64::from(u8::try_from(back).unwrap_or(0))),
                        });
                    }
                }
                if device == 5 {
                    r.columns.remove("humidity");
                }
                t.put(
                    vec![
                        PrimaryKeyValue::String(format!("dev-{device:02}")),
                        PrimaryKeyValue::Integer(20_260_101 + int(day)),
                        PrimaryKeyValue::Integer(int(seq)),
                    ],
                    r,
                );
            }
        }
    }
    t
}

/// Four keys (STRING, BINARY, INTEGER, INTEGER).
fn audit_log() -> Table {
    let mut t = table(
        "audit_log",
        vec![
            key("tenant", KeyType::String),
            key("object_hash", KeyType::Binary),
            key("ts", KeyType::Integer),
            key("seq", KeyType::Integer),
        ],
        vec![
            defined("action", DefinedColumnType::DctString),
            defined("size", DefinedColumnType::DctInteger),
        ],
        TableOptions::default(),
    );
    let actions = ["create", "read", "update", "delete"];
    for i in 0..120 {
        let ts = FIRST_ORDER_MS + int(i) * 90_000;
        let hash = [
            u8::try_from(i % 16).unwrap_or(0),
            0xAB,
            u8::try_from(i).unwrap_or(0),
        ];
        t.put(
            vec![
                PrimaryKeyValue::String(["acme", "globex", "initech"][i % 3].to_owned()),
                PrimaryKeyValue::Binary(hash.to_vec()),
                PrimaryKeyValue::Integer(ts),
                PrimaryKeyValue::Integer(int(i % 2)),
            ],
            row(
                ts,
                vec![
                    ("action", text(actions[i % 4])),
                    ("actor", text(format!("ram-user-{}", i % 9))),
                    (
                        "details",
                        text(format!(r#"{{"object":"obj-{i}","ok":{}}}"#, i % 6 != 0)),
                    ),
                    ("size", Value::Integer(int(i) * 512)),
                ],
            ),
        );
    }
    t
}

/// One BINARY key.
fn blob_store() -> Table {
    let mut t = table(
        "blob_store",
        vec![key("blob_key", KeyType::Binary)],
        Vec::new(),
        TableOptions::default(),
    );
    for i in 0..20u8 {
        let content: Vec<u8> = (0..u16::from(i) * 16).map(|b| (b % 251) as u8).collect();
        t.put(
            vec![PrimaryKeyValue::Binary(vec![0x00, i, 0xFF])],
            row(
                FIRST_ORDER_MS + i64::from(i),
                vec![
                    (
                        "size",
                        Value::Integer(i64::try_from(content.len()).unwrap_or(0)),
                    ),
                    ("content", Value::Binary(content)),
                    ("content_type", text("application/octet-stream")),
                ],
            ),
        );
    }
    t
}

fn empty_table() -> Table {
    table(
        "empty_table",
        vec![key("id", KeyType::Integer)],
        vec![defined("value", DefinedColumnType::DctString)],
        TableOptions::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_covers_every_key_shape_and_the_requested_large_table() {
        let tables = tables(&SandboxConfig {
            large_table_rows: 1234,
            ..SandboxConfig::default()
        });
        let key_counts: Vec<usize> = tables
            .values()
            .map(|t| t.schema.primary_key.len())
            .collect();
        for n in 1..=4 {
            assert!(key_counts.contains(&n), "a table with {n} key columns");
        }
        let all = (vec![PrimaryKeyValue::InfMin], vec![PrimaryKeyValue::InfMax]);
        let orders = &tables["orders"];
        let count = orders
            .scan(
                std::ops::Bound::Included(&all.0),
                std::ops::Bound::Excluded(&all.1),
                false,
            )
            .count();
        assert_eq!(count, 1234);
        let empty = &tables["empty_table"];
        assert_eq!(
            empty
                .scan(
                    std::ops::Bound::Included(&all.0),
                    std::ops::Bound::Excluded(&all.1),
                    false
                )
                .count(),
            0
        );
    }
}
