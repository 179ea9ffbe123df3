//! Row operations: GetRow, GetRange, PutRow, UpdateRow, DeleteRow, BatchWriteRow.

use std::collections::HashSet;

use bytes::Bytes;
use tablestore_wire::plainbuffer::decode_primary_key;
use tablestore_wire::proto::{
    BatchWriteRowRequest, BatchWriteRowResponse, CapacityUnit, Condition, ConsumedCapacity,
    DeleteRowRequest, DeleteRowResponse, Direction, GetRangeRequest, GetRangeResponse,
    GetRowRequest, GetRowResponse, OperationType, PutRowRequest, PutRowResponse, ReturnContent,
    RowInBatchWriteRowResponse, TableInBatchWriteRowResponse, UpdateRowRequest, UpdateRowResponse,
};

use super::error::OtsError;
use super::read::{self, Selection};
use super::schema::{Key, KeyUse};
use super::table::Table;
use super::write::RowWrite;
use super::Tables;

/// Rows one BatchWriteRow may carry (spec section 6).
pub const MAX_BATCH_WRITE_ROWS: usize = 200;
/// Data one PutRow / UpdateRow / BatchWriteRow may carry (spec section 6).
pub const MAX_WRITE_BYTES: usize = 4 * 1024 * 1024;
/// Capacity units are charged per started 4 KB.
const CAPACITY_UNIT_BYTES: usize = 4096;

fn consumed(read: usize, write: usize) -> ConsumedCapacity {
    let units = |bytes: usize| {
        if bytes == 0 {
            0
        } else {
            i32::try_from(bytes.div_ceil(CAPACITY_UNIT_BYTES)).unwrap_or(i32::MAX)
        }
    };
    ConsumedCapacity {
        capacity_unit: CapacityUnit {
            read: Some(units(read)),
            write: Some(units(write)),
        },
    }
}

fn table<'a>(tables: &'a Tables, name: &str) -> Result<&'a Table, OtsError> {
    tables.get(name).ok_or_else(OtsError::table_not_exist)
}

fn table_mut<'a>(tables: &'a mut Tables, name: &str) -> Result<&'a mut Table, OtsError> {
    tables.get_mut(name).ok_or_else(OtsError::table_not_exist)
}

fn key_from(table: &Table, bytes: &[u8], usage: KeyUse, what: &str) -> Result<Key, OtsError> {
    let given = decode_primary_key(bytes)?
        .ok_or_else(|| OtsError::parameter_invalid(format!("The {what} is empty.")))?;
    table.schema.key_of(&given, usage)
}

fn check_write_size(bytes: usize) -> Result<(), OtsError> {
    if bytes > MAX_WRITE_BYTES {
        return Err(OtsError::row_size_limit(format!(
            "The data of one write exceeds {MAX_WRITE_BYTES} bytes."
        )));
    }
    Ok(())
}

pub fn get_row(
    tables: &Tables,
    request: GetRowRequest,
    now_ms: i64,
) -> Result<GetRowResponse, OtsError> {
    let table = table(tables, &request.table_name)?;
    unsupported_filter(request.filter.as_ref())?;
    let key = key_from(table, &request.primary_key, KeyUse::Row, "primary key")?;
    let selection = Selection::new(
        table,
        request.columns_to_get,
        request.max_versions,
        request.time_range,
        now_ms,
    )?;
    let row = read::get_row(table, &key, &selection)?;
    Ok(GetRowResponse {
        consumed: consumed(row.len().max(1), 0),
        row: Bytes::from(row),
        next_token: None,
    })
}

pub fn get_range(
    tables: &Tables,
    request: GetRangeRequest,
    now_ms: i64,
) -> Result<GetRangeResponse, OtsError> {
    let table = table(tables, &request.table_name)?;
    unsupported_filter(request.filter.as_ref())?;
    let backward = match Direction::try_from(request.direction) {
        Ok(Direction::Forward) => false,
        Ok(Direction::Backward) => true,
        Err(_) => return Err(OtsError::parameter_invalid("Invalid direction.")),
    };
    let limit = match request.limit {
        Some(n) if n <= 0 => {
            return Err(OtsError::parameter_invalid(format!(
                "limit must be positive, got {n}."
            )))
        }
        Some(n) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        None => None,
    };
    let start = key_from(
        table,
        &request.inclusive_start_primary_key,
        KeyUse::Bound,
        "inclusive start primary key",
    )?;
    let end = key_from(
        table,
        &request.exclusive_end_primary_key,
        KeyUse::Bound,
        "exclusive end primary key",
    )?;
    let selection = Selection::new(
        table,
        request.columns_to_get,
        request.max_versions,
        request.time_range,
        now_ms,
    )?;
    let page = read::get_range(table, &start, &end, backward, limit, &selection)?;
    Ok(GetRangeResponse {
        consumed: consumed(page.rows.len().max(1), 0),
        rows: page.rows,
        next_start_primary_key: page.next_start.map(Bytes::from),
        next_token: None,
        data_block_type: None,
        compress_type: None,
    })
}

fn unsupported_filter(filter: Option<&Bytes>) -> Result<(), OtsError> {
    if filter.is_some_and(|f| !f.is_empty()) {
        return Err(OtsError::parameter_invalid(
            "Filters are not supported by the sandbox.",
        ));
    }
    Ok(())
}

fn write_one(
    tables: &mut Tables,
    table_name: &str,
    kind: OperationType,
    bytes: &[u8],
    condition: &Condition,
    return_content: Option<&ReturnContent>,
    now_ms: i64,
) -> Result<(Option<Vec<u8>>, ConsumedCapacity), OtsError> {
    check_write_size(bytes.len())?;
    let table = table_mut(tables, table_name)?;
    let write = RowWrite::decode(&table.schema, kind, bytes, condition, return_content)?;
    let row = write.apply(table, now_ms)?;
    Ok((row, consumed(0, bytes.len())))
}

pub fn put_row(
    tables: &mut Tables,
    request: &PutRowRequest,
    now_ms: i64,
) -> Result<PutRowResponse, OtsError> {
    let (row, consumed) = write_one(
        tables,
        &request.table_name,
        OperationType::Put,
        &request.row,
        &request.condition,
        request.return_content.as_ref(),
        now_ms,
    )?;
    Ok(PutRowResponse {
        consumed,
        row: row.map(Bytes::from),
    })
}

pub fn update_row(
    tables: &mut Tables,
    request: &UpdateRowRequest,
    now_ms: i64,
) -> Result<UpdateRowResponse, OtsError> {
    let (row, consumed) = write_one(
        tables,
        &request.table_name,
        OperationType::Update,
        &request.row_change,
        &request.condition,
        request.return_content.as_ref(),
        now_ms,
    )?;
    Ok(UpdateRowResponse {
        consumed,
        row: row.map(Bytes::from),
    })
}

pub fn delete_row(
    tables: &mut Tables,
    request: &DeleteRowRequest,
    now_ms: i64,
) -> Result<DeleteRowResponse, OtsError> {
    let (row, consumed) = write_one(
        tables,
        &request.table_name,
        OperationType::Delete,
        &request.primary_key,
        &request.condition,
        request.return_content.as_ref(),
        now_ms,
    )?;
    Ok(DeleteRowResponse {
        consumed,
        row: row.map(Bytes::from),
    })
}

/// Each row succeeds or fails on its own; only the request's shape fails the whole call.
pub fn batch_write_row(
    tables: &mut Tables,
    request: &BatchWriteRowRequest,
    now_ms: i64,
) -> Result<BatchWriteRowResponse, OtsError> {
    let row_count: usize = request.tables.iter().map(|t| t.rows.len()).sum();
    if row_count == 0 {
        return Err(OtsError::parameter_invalid("No row is specified."));
    }
    if row_count > MAX_BATCH_WRITE_ROWS {
        return Err(OtsError::parameter_invalid(format!(
            "Rows count exceeds the upper limit: {MAX_BATCH_WRITE_ROWS}."
        )));
    }
    check_write_size(
        request
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .map(|r| r.row_change.len())
            .sum(),
    )?;
    let mut seen_tables = HashSet::new();
    for table_request in &request.tables {
        if !seen_tables.insert(table_request.table_name.as_str()) {
            return Err(OtsError::parameter_invalid(
                "The same table appears more than once in the request.",
            ));
        }
        let mut seen_rows = HashSet::new();
        for row in &table_request.rows {
            // Two changes of one row in one batch are refused, as by the service.
            let key = decode_primary_key(&row.row_change)
                .ok()
                .flatten()
                .map(|k| format!("{k:?}"));
            if let Some(key) = key {
                if !seen_rows.insert(key) {
                    return Err(OtsError::parameter_invalid(
                        "Duplicated primary key in request.",
                    ));
                }
            }
        }
    }
    let mut response = BatchWriteRowResponse::default();
    for table_request in &request.tables {
        let mut results = Vec::with_capacity(table_request.rows.len());
        for row in &table_request.rows {
            let outcome = OperationType::try_from(row.r#type)
                .map_err(|_| OtsError::parameter_invalid("Invalid operation type."))
                .and_then(|kind| {
                    write_one(
                        tables,
                        &table_request.table_name,
                        kind,
                        &row.row_change,
                        &row.condition,
                        row.return_content.as_ref(),
                        now_ms,
                    )
                });
            results.push(match outcome {
                Ok((row, consumed)) => RowInBatchWriteRowResponse {
                    is_ok: true,
                    error: None,
                    consumed: Some(consumed),
                    row: row.map(Bytes::from),
                },
                Err(error) => RowInBatchWriteRowResponse {
                    is_ok: false,
                    error: Some(error.to_proto()),
                    consumed: None,
                    row: None,
                },
            });
        }
        response.tables.push(TableInBatchWriteRowResponse {
            table_name: table_request.table_name.clone(),
            rows: results,
        });
    }
    Ok(response)
}
