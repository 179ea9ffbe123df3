//! The generated protobuf messages: wire bytes match what the Python SDK sends, and the
//! required-field check catches what prost lets through.

mod common;

use common::hex;
use prost::Message;
use tablestore_wire::plainbuffer::encode_primary_key;
use tablestore_wire::proto::{
    ConsumedCapacity, CreateDeliveryTaskRequest, Direction, GetRangeRequest, GetRangeResponse,
    OssTaskConfig, ParquetSchema, PutRowRequest,
};
use tablestore_wire::{decode_checked, PrimaryKeyValue, WireError};

fn full_scan_request() -> GetRangeRequest {
    let start = encode_primary_key(&[("id".into(), PrimaryKeyValue::InfMin)]).expect("encodes");
    let end = encode_primary_key(&[("id".into(), PrimaryKeyValue::InfMax)]).expect("encodes");
    GetRangeRequest {
        table_name: "t1".into(),
        direction: Direction::Forward.into(),
        max_versions: Some(1),
        limit: Some(10),
        inclusive_start_primary_key: start.into(),
        exclusive_end_primary_key: end.into(),
        ..Default::default()
    }
}

#[test]
fn get_range_request_matches_the_bytes_the_python_sdk_sends() {
    // Spec section 3, "Observed PY request" for get_range('t1', FORWARD, INF_MIN.., INF_MAX.., limit=10).
    let expected = hex("0a 02 74 31 10 00 28 01 30 0a
         3a 17 75 00 00 00 01 03 04 02 00 00 00 69 64 05 01 00 00 00 09 0a 61 09 e0
         42 17 75 00 00 00 01 03 04 02 00 00 00 69 64 05 01 00 00 00 0a 0a 68 09 5d");
    assert_eq!(full_scan_request().encode_to_vec(), expected);
}

#[test]
fn complete_get_range_request_passes_the_required_field_check() {
    let bytes = full_scan_request().encode_to_vec();
    let decoded: GetRangeRequest = decode_checked(&bytes).expect("all required fields present");
    assert_eq!(decoded, full_scan_request());
}

#[test]
fn empty_body_decodes_with_prost_but_fails_the_required_field_check() {
    assert!(
        GetRangeRequest::decode(&[][..]).is_ok(),
        "prost does not enforce required"
    );
    let err = decode_checked::<GetRangeRequest>(&[]).expect_err("table_name is required");
    assert!(
        matches!(
            err,
            WireError::MissingRequiredField {
                message: "GetRangeRequest",
                field: "table_name"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn missing_required_field_inside_a_sub_message_is_found() {
    // PutRowRequest.condition is present but its required row_existence is not.
    let request = PutRowRequest {
        table_name: "t".into(),
        row: vec![1].into(),
        condition: tablestore_wire::proto::Condition::default(),
        ..Default::default()
    };
    let mut bytes = request.encode_to_vec();
    // prost always writes required scalars, so drop field 1 of the condition by hand: the
    // condition is the last field (tag 0x1a), holding `08 00`.
    let tail = bytes.len() - 4;
    assert_eq!(&bytes[tail..], &[0x1a, 0x02, 0x08, 0x00]);
    bytes.truncate(tail);
    bytes.extend_from_slice(&[0x1a, 0x00]);
    let err = decode_checked::<PutRowRequest>(&bytes).expect_err("row_existence is required");
    assert!(
        matches!(
            err,
            WireError::MissingRequiredField {
                message: "Condition",
                field: "row_existence"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn get_range_response_shares_the_rows_buffer_when_decoded_from_bytes() {
    let response = GetRangeResponse {
        consumed: ConsumedCapacity::default(),
        rows: vec![0x75, 0, 0, 0].into(),
        ..Default::default()
    };
    let body = prost::bytes::Bytes::from(response.encode_to_vec());
    let decoded = GetRangeResponse::decode(body.clone()).expect("decodes");
    assert!(body.as_ptr_range().contains(&decoded.rows.as_ptr()));
}

#[test]
fn delivery_task_request_round_trips_with_parquet_schema() {
    let request = CreateDeliveryTaskRequest {
        table_name: Some("orders".into()),
        task_name: Some("orders-daily".into()),
        task_config: Some(OssTaskConfig {
            oss_prefix: Some("exports/orders".into()),
            oss_bucket: Some("my-bucket".into()),
            oss_endpoint: Some("oss-cn-hangzhou-internal.aliyuncs.com".into()),
            oss_sts_role: Some("AliyunTableStoreOssRole".into()),
            format: Some(0),
            schema: vec![ParquetSchema {
                column_name: Some("id".into()),
                oss_column_name: Some("id".into()),
                r#type: Some(1),
                encode: Some(0),
                type_extend: None,
            }],
            ..Default::default()
        }),
        task_type: Some(2),
    };
    let bytes = request.encode_to_vec();
    // Field numbers as in the SDKs' delivery.proto: tableName 1, taskName 2, taskConfig 3,
    // taskType 4 (varint 2 = BASE_INC), and the schema entry is field 11 of the config.
    let mut prefix = vec![0x0a, 6];
    prefix.extend_from_slice(b"orders");
    prefix.extend_from_slice(&[0x12, 12]);
    prefix.extend_from_slice(b"orders-daily");
    prefix.push(0x1a);
    assert!(bytes.starts_with(&prefix));
    assert!(bytes.ends_with(&[0x20, 0x02]));
    let config = OssTaskConfig::decode(&bytes[prefix.len() + 1..bytes.len() - 2]).expect("config");
    assert_eq!(config.schema.len(), 1);
    let schema_entry = config.schema[0].encode_to_vec();
    let mut entry_field = vec![0x5a, u8::try_from(schema_entry.len()).expect("small")];
    entry_field.extend_from_slice(&schema_entry);
    assert!(bytes
        .windows(entry_field.len())
        .any(|w| w == entry_field.as_slice()));
    let decoded: CreateDeliveryTaskRequest = decode_checked(&bytes).expect("no required fields");
    assert_eq!(decoded, request);
}

#[test]
fn each_element_of_a_repeated_sub_message_is_checked() {
    use tablestore_wire::proto::{
        BatchWriteRowRequest, OperationType, RowInBatchWriteRowRequest, TableInBatchWriteRowRequest,
    };
    let good_row = RowInBatchWriteRowRequest {
        r#type: OperationType::Put.into(),
        row_change: vec![1].into(),
        ..Default::default()
    };
    let request = BatchWriteRowRequest {
        tables: vec![TableInBatchWriteRowRequest {
            table_name: "t".into(),
            rows: vec![good_row.clone(), good_row],
        }],
        ..Default::default()
    };
    let bytes = request.encode_to_vec();
    decode_checked::<BatchWriteRowRequest>(&bytes).expect("complete request passes");

    // The same request with an empty second row: prost accepts it, the check names the field.
    let mut table = request.tables[0].encode_to_vec();
    table.extend_from_slice(&[0x12, 0x00]); // rows (field 2), zero-length message
    let mut broken = vec![0x0a, u8::try_from(table.len()).expect("small")];
    broken.extend_from_slice(&table);
    assert!(BatchWriteRowRequest::decode(&broken[..]).is_ok());
    let err = decode_checked::<BatchWriteRowRequest>(&broken).expect_err("empty row");
    assert!(
        matches!(
            err,
            WireError::MissingRequiredField {
                message: "RowInBatchWriteRowRequest",
                field: "type"
            }
        ),
        "{err:?}"
    );
}

proptest::proptest! {
    #[test]
    fn required_field_check_never_panics_on_arbitrary_bytes(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
    ) {
        let _ = decode_checked::<GetRangeRequest>(&bytes);
        let _ = decode_checked::<tablestore_wire::proto::BatchWriteRowRequest>(&bytes);
        let _ = decode_checked::<tablestore_wire::proto::DescribeTableResponse>(&bytes);
    }
}
