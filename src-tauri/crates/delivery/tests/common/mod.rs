//! Shared sample data for the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use delivery::{
    validate_draft, ColumnOrigin, CreateDeliveryTaskRequest, EventTimeDraft, EventTimeFormat,
    ParquetType, SchemaEntryDraft, SourceColumn, TablestoreType, TaskDraft, TaskType,
    ValidationContext,
};
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

pub fn entry(source: &str, output: &str, parquet_type: ParquetType) -> SchemaEntryDraft {
    SchemaEntryDraft {
        source_column: source.into(),
        output_name: output.into(),
        parquet_type: Some(parquet_type),
    }
}

/// A complete, valid draft for an `orders` table.
pub fn orders_draft() -> TaskDraft {
    TaskDraft {
        table_name: "orders".into(),
        task_name: "orders-daily".into(),
        task_type: TaskType::BaseInc,
        oss_bucket: "analytics-hz".into(),
        oss_endpoint: "oss-cn-hangzhou.aliyuncs.com".into(),
        oss_prefix: "exports/orders/year=$yyyy/month=$MM/day=$dd".into(),
        role_arn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery".into(),
        event_time: Some(EventTimeDraft {
            column_name: "created_at".into(),
            time_format: Some(EventTimeFormat::Rfc3339),
        }),
        schema: vec![
            entry("order_id", "order_id", ParquetType::Utf8),
            entry("amount", "amount_cny", ParquetType::Double),
            entry("quantity", "quantity", ParquetType::Int64),
            entry("paid", "is_paid", ParquetType::Bool),
        ],
    }
}

pub fn orders_columns() -> Vec<SourceColumn> {
    vec![
        SourceColumn::new(
            "order_id",
            ColumnOrigin::PrimaryKey,
            &[TablestoreType::String],
        ),
        SourceColumn::new("amount", ColumnOrigin::Defined, &[TablestoreType::Double]),
        SourceColumn::new(
            "quantity",
            ColumnOrigin::Sampled,
            &[TablestoreType::Integer],
        ),
        SourceColumn::new("paid", ColumnOrigin::Sampled, &[TablestoreType::Boolean]),
        SourceColumn::new(
            "created_at",
            ColumnOrigin::Sampled,
            &[TablestoreType::String],
        ),
    ]
}

pub fn orders_request() -> CreateDeliveryTaskRequest {
    let columns = orders_columns();
    let context = ValidationContext {
        source_columns: &columns,
        ..ValidationContext::default()
    };
    let outcome = validate_draft(&orders_draft(), &context);
    outcome.request.expect("the sample draft is valid")
}

pub fn cell(name: &str, value: Value) -> Cell {
    Cell {
        name: name.into(),
        value: Some(value),
        timestamp: None,
    }
}

pub fn row(pk: &[(&str, PrimaryKeyValue)], cells: Vec<Cell>) -> Row {
    Row {
        primary_key: pk
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect(),
        cells,
    }
}
