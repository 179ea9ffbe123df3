//! Tables and rows over HTTP: create/describe/delete, writes with conditions and versions,
//! BatchWriteRow per-row results, and GetRange paging with its limit, row and 4 MB caps.

mod tablestore_support;

use bytes::Bytes;
use tablestore_support::{encoded_key, int, key, range, rows_of, start, text, Client};
use tablestore_wire::plainbuffer::{encode_delete_row, encode_row, encode_update_row, CellUpdate};
use tablestore_wire::proto::{
    self, BatchWriteRowRequest, BatchWriteRowResponse, CapacityUnit, Condition, CreateTableRequest,
    DeleteTableRequest, DescribeTableRequest, DescribeTableResponse, Direction, GetRangeResponse,
    GetRowRequest, GetRowResponse, OperationType, PrimaryKeySchema, PrimaryKeyType, PutRowRequest,
    ReservedThroughput, RowExistenceExpectation, RowInBatchWriteRowRequest,
    TableInBatchWriteRowRequest, TableMeta, UpdateRowRequest,
};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

fn condition(expectation: RowExistenceExpectation) -> Condition {
    Condition {
        row_existence: expectation as i32,
        column_condition: None,
    }
}

fn create_request(name: &str, max_versions: i32) -> CreateTableRequest {
    CreateTableRequest {
        table_meta: TableMeta {
            table_name: name.to_owned(),
            primary_key: vec![
                PrimaryKeySchema {
                    name: "pk".to_owned(),
                    r#type: PrimaryKeyType::String as i32,
                    option: None,
                },
                PrimaryKeySchema {
                    name: "n".to_owned(),
                    r#type: PrimaryKeyType::Integer as i32,
                    option: None,
                },
            ],
            ..Default::default()
        },
        reserved_throughput: ReservedThroughput {
            capacity_unit: CapacityUnit {
                read: Some(0),
                write: Some(0),
            },
        },
        table_options: Some(proto::TableOptions {
            time_to_live: Some(-1),
            max_versions: Some(max_versions),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn put(table: &str, row: &Row, expectation: RowExistenceExpectation) -> PutRowRequest {
    PutRowRequest {
        table_name: table.to_owned(),
        row: Bytes::from(encode_row(row).expect("encodes")),
        condition: condition(expectation),
        ..Default::default()
    }
}

fn cell(name: &str, value: Value) -> Cell {
    Cell {
        name: name.to_owned(),
        value: Some(value),
        timestamp: None,
    }
}

fn get(table: &str, pk: &[(&str, PrimaryKeyValue)], max_versions: i32) -> GetRowRequest {
    GetRowRequest {
        table_name: table.to_owned(),
        primary_key: encoded_key(pk),
        max_versions: Some(max_versions),
        ..Default::default()
    }
}

/// A row with one attribute of every type.
fn sample_row(pk: &[(&str, PrimaryKeyValue)]) -> Row {
    Row {
        primary_key: key(pk),
        cells: vec![
            cell("i", Value::Integer(-7)),
            cell("d", Value::Double(2.5)),
            cell("b", Value::Boolean(true)),
            cell("s", Value::String("héllo".to_owned())),
            cell("x", Value::Binary(vec![0, 1, 255])),
        ],
    }
}

#[tokio::test]
async fn update_row_adds_versions_increments_and_deletes_columns() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    assert_eq!(
        client
            .call("CreateTable", &create_request("t1", 2))
            .await
            .status,
        200
    );
    let pk = [("pk", text("a")), ("n", int(1))];
    let put_sample = put("t1", &sample_row(&pk), RowExistenceExpectation::Ignore);
    assert_eq!(client.call("PutRow", &put_sample).await.status, 200);

    // UpdateRow: a second version, an increment and a deleted column.
    let update = UpdateRowRequest {
        table_name: "t1".to_owned(),
        row_change: Bytes::from(
            encode_update_row(
                &key(&pk),
                &[
                    CellUpdate::Put {
                        name: "s".to_owned(),
                        value: Value::String("second".to_owned()),
                        timestamp: Some(chrono::Utc::now().timestamp_millis() + 5),
                    },
                    CellUpdate::Increment {
                        name: "i".to_owned(),
                        by: 10,
                    },
                    CellUpdate::DeleteAllVersions {
                        name: "x".to_owned(),
                    },
                ],
            )
            .expect("encodes"),
        ),
        condition: condition(RowExistenceExpectation::ExpectExist),
        ..Default::default()
    };
    assert_eq!(client.call("UpdateRow", &update).await.status, 200);
    let got: GetRowResponse = client.call("GetRow", &get("t1", &pk, 2)).await.message();
    let row = &rows_of(&got.row)[0];
    let s_versions: Vec<&Value> = row
        .cells
        .iter()
        .filter(|c| c.name == "s")
        .map(|c| c.value.as_ref().expect("value"))
        .collect();
    assert_eq!(
        s_versions,
        vec![
            &Value::String("second".to_owned()),
            &Value::String("héllo".to_owned())
        ],
        "newest version first"
    );
    assert!(row.cells.iter().all(|c| c.name != "x"));
    let i = row.cells.iter().find(|c| c.name == "i").expect("i");
    assert_eq!(i.value, Some(Value::Integer(3)));

    sandbox.stop().await;
}

#[tokio::test]
async fn a_created_table_is_described_written_read_and_deleted() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    assert_eq!(
        client
            .call("CreateTable", &create_request("t1", 2))
            .await
            .status,
        200
    );
    let again = client.call("CreateTable", &create_request("t1", 2)).await;
    assert_eq!(
        (again.status, again.error().code.as_str()),
        (409, "OTSObjectAlreadyExist")
    );

    let described: DescribeTableResponse = client
        .call(
            "DescribeTable",
            &DescribeTableRequest {
                table_name: "t1".to_owned(),
            },
        )
        .await
        .message();
    assert_eq!(described.table_meta.primary_key.len(), 2);
    assert_eq!(described.table_options.max_versions, Some(2));

    let pk = [("pk", text("a")), ("n", int(1))];
    let row = sample_row(&pk);
    let reply = client
        .call(
            "PutRow",
            &put("t1", &row, RowExistenceExpectation::ExpectNotExist),
        )
        .await;
    assert_eq!(reply.status, 200);
    let refused = client
        .call(
            "PutRow",
            &put("t1", &row, RowExistenceExpectation::ExpectNotExist),
        )
        .await;
    assert_eq!(
        (refused.status, refused.error().code.as_str()),
        (403, "OTSConditionCheckFail")
    );

    let got: GetRowResponse = client.call("GetRow", &get("t1", &pk, 1)).await.message();
    let read = rows_of(&got.row);
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].primary_key, key(&pk));
    let values: Vec<(&str, &Value)> = read[0]
        .cells
        .iter()
        .map(|c| (c.name.as_str(), c.value.as_ref().expect("value")))
        .collect();
    assert_eq!(
        values,
        vec![
            ("b", &Value::Boolean(true)),
            ("d", &Value::Double(2.5)),
            ("i", &Value::Integer(-7)),
            ("s", &Value::String("héllo".to_owned())),
            ("x", &Value::Binary(vec![0, 1, 255])),
        ]
    );
    assert!(read[0].cells.iter().all(|c| c.timestamp.is_some()));

    let missing: GetRowResponse = client
        .call(
            "GetRow",
            &get("t1", &[("pk", text("zz")), ("n", int(1))], 1),
        )
        .await
        .message();
    assert!(missing.row.is_empty());
    let bad_key = client
        .call("GetRow", &get("t1", &[("pk", int(1)), ("n", int(1))], 1))
        .await;
    assert_eq!(
        (bad_key.status, bad_key.error().code.as_str()),
        (400, "OTSInvalidPK")
    );

    assert_eq!(
        client
            .call(
                "DeleteTable",
                &DeleteTableRequest {
                    table_name: "t1".to_owned()
                }
            )
            .await
            .status,
        200
    );
    let gone = client.call("GetRow", &get("t1", &pk, 1)).await;
    assert_eq!(
        (gone.status, gone.error().code.as_str()),
        (404, "OTSObjectNotExist")
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn batch_write_row_reports_each_row_on_its_own() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    assert_eq!(
        client
            .call("CreateTable", &create_request("t2", 1))
            .await
            .status,
        200
    );
    let row = |n: i64| Row {
        primary_key: key(&[("pk", text("k")), ("n", int(n))]),
        cells: vec![cell("v", Value::Integer(n))],
    };
    let item = |kind: OperationType, bytes: Vec<u8>, expectation| RowInBatchWriteRowRequest {
        r#type: kind as i32,
        row_change: Bytes::from(bytes),
        condition: condition(expectation),
        return_content: None,
    };
    let request = BatchWriteRowRequest {
        tables: vec![
            TableInBatchWriteRowRequest {
                table_name: "t2".to_owned(),
                rows: vec![
                    item(
                        OperationType::Put,
                        encode_row(&row(1)).expect("row"),
                        RowExistenceExpectation::Ignore,
                    ),
                    item(
                        OperationType::Put,
                        encode_row(&row(2)).expect("row"),
                        RowExistenceExpectation::ExpectExist,
                    ),
                    item(
                        OperationType::Delete,
                        encode_delete_row(&key(&[("pk", text("k")), ("n", int(3))])).expect("row"),
                        RowExistenceExpectation::Ignore,
                    ),
                ],
            },
            TableInBatchWriteRowRequest {
                table_name: "no_such_table".to_owned(),
                rows: vec![item(
                    OperationType::Put,
                    encode_row(&row(4)).expect("row"),
                    RowExistenceExpectation::Ignore,
                )],
            },
        ],
        ..Default::default()
    };
    let answer: BatchWriteRowResponse = client.call("BatchWriteRow", &request).await.message();
    let outcome: Vec<Vec<(bool, Option<String>)>> = answer
        .tables
        .iter()
        .map(|t| {
            t.rows
                .iter()
                .map(|r| (r.is_ok, r.error.as_ref().map(|e| e.code.clone())))
                .collect()
        })
        .collect();
    assert_eq!(
        outcome,
        vec![
            vec![
                (true, None),
                (false, Some("OTSConditionCheckFail".to_owned())),
                (true, None)
            ],
            vec![(false, Some("OTSObjectNotExist".to_owned()))],
        ]
    );
    let got: GetRowResponse = client
        .call("GetRow", &get("t2", &[("pk", text("k")), ("n", int(1))], 1))
        .await
        .message();
    assert_eq!(rows_of(&got.row)[0].cells[0].value, Some(Value::Integer(1)));
    sandbox.stop().await;
}

#[tokio::test]
async fn get_range_pages_through_the_large_table_at_the_row_cap_and_honours_the_limit() {
    let sandbox = start(12_000).await;
    let client = Client::demo(&sandbox);
    let mut start_key = encoded_key(&[("order_id", PrimaryKeyValue::InfMin)]);
    let mut pages = Vec::new();
    let mut last_id = 0;
    loop {
        let mut request = range("orders", &[], &[("order_id", PrimaryKeyValue::InfMax)]);
        request.inclusive_start_primary_key = start_key.clone();
        let page: GetRangeResponse = client.call("GetRange", &request).await.message();
        let rows = rows_of(&page.rows);
        for row in &rows {
            let PrimaryKeyValue::Integer(id) = row.primary_key[0].1 else {
                panic!("integer key")
            };
            assert_eq!(id, last_id + 1, "rows in key order without gaps");
            last_id = id;
        }
        pages.push(rows.len());
        match page.next_start_primary_key {
            Some(next) if !next.is_empty() => start_key = next,
            _ => break,
        }
    }
    assert_eq!(pages, vec![5000, 5000, 2000]);

    let mut limited = range(
        "orders",
        &[("order_id", int(100))],
        &[("order_id", int(10))],
    );
    limited.direction = Direction::Backward as i32;
    limited.limit = Some(7);
    limited.columns_to_get = vec!["status".to_owned(), "event_time_ms".to_owned()];
    let page: GetRangeResponse = client.call("GetRange", &limited).await.message();
    let rows = rows_of(&page.rows);
    let ids: Vec<PrimaryKeyValue> = rows.iter().map(|r| r.primary_key[0].1.clone()).collect();
    assert_eq!(ids, (94..=100).rev().map(int).collect::<Vec<_>>());
    assert!(rows.iter().all(|r| {
        r.cells.iter().map(|c| c.name.as_str()).collect::<Vec<_>>() == ["event_time_ms", "status"]
    }));
    let next = tablestore_wire::plainbuffer::decode_primary_key(
        page.next_start_primary_key.as_deref().expect("more rows"),
    )
    .expect("a key")
    .expect("not empty");
    assert_eq!(next[0].1.to_owned_key(), int(93));

    let backwards_in_forward = client
        .call(
            "GetRange",
            &range("orders", &[("order_id", int(5))], &[("order_id", int(5))]),
        )
        .await;
    assert_eq!(backwards_in_forward.status, 400);
    let empty: GetRangeResponse = client
        .call(
            "GetRange",
            &range(
                "empty_table",
                &[("id", PrimaryKeyValue::InfMin)],
                &[("id", PrimaryKeyValue::InfMax)],
            ),
        )
        .await
        .message();
    assert!(empty.rows.is_empty());
    assert!(empty.next_start_primary_key.is_none());
    sandbox.stop().await;
}

#[tokio::test]
async fn get_range_stops_before_four_megabytes_at_a_row_boundary() {
    let sandbox = start(100).await;
    let client = Client::demo(&sandbox);
    assert_eq!(
        client
            .call("CreateTable", &create_request("big", 1))
            .await
            .status,
        200
    );
    for n in 0..6 {
        let row = Row {
            primary_key: key(&[("pk", text("k")), ("n", int(n))]),
            cells: vec![cell("blob", Value::Binary(vec![7; 1024 * 1024]))],
        };
        assert_eq!(
            client
                .call("PutRow", &put("big", &row, RowExistenceExpectation::Ignore))
                .await
                .status,
            200
        );
    }
    let request = range(
        "big",
        &[
            ("pk", PrimaryKeyValue::InfMin),
            ("n", PrimaryKeyValue::InfMin),
        ],
        &[
            ("pk", PrimaryKeyValue::InfMax),
            ("n", PrimaryKeyValue::InfMax),
        ],
    );
    let page: GetRangeResponse = client.call("GetRange", &request).await.message();
    assert!(page.rows.len() <= 4 * 1024 * 1024);
    assert_eq!(rows_of(&page.rows).len(), 3);
    let next = page.next_start_primary_key.expect("more rows");
    let mut rest = request.clone();
    rest.inclusive_start_primary_key = next;
    let page: GetRangeResponse = client.call("GetRange", &rest).await.message();
    assert_eq!(rows_of(&page.rows).len(), 3);
    assert!(page.next_start_primary_key.is_none());
    sandbox.stop().await;
}
