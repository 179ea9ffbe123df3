//! Table operations: ListTable, DescribeTable, CreateTable, DeleteTable.

use tablestore_wire::proto::{
    CapacityUnit, CreateTableRequest, CreateTableResponse, DefinedColumnSchema, DefinedColumnType,
    DeleteTableRequest, DeleteTableResponse, DescribeTableRequest, DescribeTableResponse,
    ListTableResponse, PrimaryKeyOption, PrimaryKeySchema, ReservedThroughputDetails, SseDetails,
    StreamDetails, TableMeta, TableStatus,
};

use super::error::OtsError;
use super::schema::{
    check_name, DefinedColumn, KeyColumn, KeyType, TableOptions, TableSchema, MAX_DEFINED_COLUMNS,
    MAX_KEY_COLUMNS,
};
use super::table::{Table, Throughput};
use super::Tables;

/// Tables one instance may hold (spec section 6).
pub const MAX_TABLES: usize = 64;
const MAX_CAPACITY_UNITS: i32 = 100_000;
/// The shortest time to live the service accepts, in seconds (one day).
const MIN_TIME_TO_LIVE: i32 = 86_400;

pub fn list_table(tables: &Tables) -> ListTableResponse {
    ListTableResponse {
        table_names: tables.keys().cloned().collect(),
    }
}

pub fn describe_table(
    tables: &Tables,
    request: &DescribeTableRequest,
) -> Result<DescribeTableResponse, OtsError> {
    let table = tables
        .get(&request.table_name)
        .ok_or_else(OtsError::table_not_exist)?;
    Ok(DescribeTableResponse {
        table_meta: table_meta(&table.schema),
        reserved_throughput_details: ReservedThroughputDetails {
            capacity_unit: CapacityUnit {
                read: Some(table.reserved.read),
                write: Some(table.reserved.write),
            },
            last_increase_time: table.created_at,
            last_decrease_time: None,
        },
        table_options: tablestore_wire::proto::TableOptions {
            time_to_live: Some(table.options.time_to_live),
            max_versions: Some(table.options.max_versions),
            deviation_cell_version_in_sec: Some(table.options.deviation_seconds),
            allow_update: Some(true),
            ..Default::default()
        },
        table_status: Some(TableStatus::Active as i32),
        stream_details: Some(StreamDetails {
            enable_stream: false,
            ..Default::default()
        }),
        shard_splits: Vec::new(),
        sse_details: Some(SseDetails {
            enable: false,
            ..Default::default()
        }),
        index_metas: Vec::new(),
    })
}

fn table_meta(schema: &TableSchema) -> TableMeta {
    TableMeta {
        table_name: schema.name.clone(),
        primary_key: schema
            .primary_key
            .iter()
            .map(|column| PrimaryKeySchema {
                name: column.name.clone(),
                r#type: column.key_type.to_proto() as i32,
                option: column
                    .auto_increment
                    .then_some(PrimaryKeyOption::AutoIncrement as i32),
            })
            .collect(),
        defined_column: schema
            .defined_columns
            .iter()
            .map(|column| DefinedColumnSchema {
                name: column.name.clone(),
                r#type: column.column_type as i32,
            })
            .collect(),
        index_meta: Vec::new(),
    }
}

pub fn create_table(
    tables: &mut Tables,
    request: CreateTableRequest,
    now_seconds: i64,
) -> Result<CreateTableResponse, OtsError> {
    let meta = request.table_meta;
    check_name("table", &meta.table_name)?;
    let schema = table_schema(meta)?;
    let options = table_options(request.table_options.as_ref())?;
    let capacity = request.reserved_throughput.capacity_unit;
    let reserved = Throughput {
        read: capacity.read.unwrap_or(0),
        write: capacity.write.unwrap_or(0),
    };
    for units in [reserved.read, reserved.write] {
        if !(0..=MAX_CAPACITY_UNITS).contains(&units) {
            return Err(OtsError::parameter_invalid(format!(
                "Reserved capacity units must be between 0 and {MAX_CAPACITY_UNITS}, got {units}."
            )));
        }
    }
    if !request.index_metas.is_empty() {
        return Err(OtsError::parameter_invalid(
            "Secondary indexes are not supported by the sandbox.",
        ));
    }
    if tables.contains_key(&schema.name) {
        return Err(OtsError::table_already_exist());
    }
    if tables.len() >= MAX_TABLES {
        return Err(OtsError::quota_exhausted(
            "Number of tables exceeded the quota.",
        ));
    }
    tables.insert(
        schema.name.clone(),
        Table::new(schema, options, reserved, now_seconds),
    );
    Ok(CreateTableResponse {})
}

fn table_schema(meta: TableMeta) -> Result<TableSchema, OtsError> {
    if meta.primary_key.is_empty() || meta.primary_key.len() > MAX_KEY_COLUMNS {
        return Err(OtsError::parameter_invalid(format!(
            "The number of primary key columns must be in range: [1, {MAX_KEY_COLUMNS}]."
        )));
    }
    if meta.defined_column.len() > MAX_DEFINED_COLUMNS {
        return Err(OtsError::parameter_invalid(format!(
            "The number of defined columns must be at most {MAX_DEFINED_COLUMNS}."
        )));
    }
    let mut primary_key = Vec::new();
    for column in meta.primary_key {
        check_name("primary key column", &column.name)?;
        let key_type = KeyType::from_proto(column.r#type).ok_or_else(|| {
            OtsError::parameter_invalid(format!(
                "Unsupported primary key type of column '{}'.",
                column.name
            ))
        })?;
        let auto_increment = column.option == Some(PrimaryKeyOption::AutoIncrement as i32);
        if auto_increment && (key_type != KeyType::Integer || primary_key.is_empty()) {
            return Err(OtsError::parameter_invalid(
                "An auto-increment column must be an INTEGER column other than the partition key.",
            ));
        }
        primary_key.push(KeyColumn {
            name: column.name,
            key_type,
            auto_increment,
        });
    }
    let mut defined_columns = Vec::new();
    for column in meta.defined_column {
        check_name("defined column", &column.name)?;
        let column_type = DefinedColumnType::try_from(column.r#type).map_err(|_| {
            OtsError::parameter_invalid(format!("Unsupported type of column '{}'.", column.name))
        })?;
        defined_columns.push(DefinedColumn {
            name: column.name,
            column_type,
        });
    }
    let mut names: Vec<&str> = primary_key
        .iter()
        .map(|c| c.name.as_str())
        .chain(defined_columns.iter().map(|c| c.name.as_str()))
        .collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    if names.len() != count {
        return Err(OtsError::parameter_invalid("Duplicated column name."));
    }
    Ok(TableSchema {
        name: meta.table_name,
        primary_key,
        defined_columns,
    })
}

fn table_options(
    given: Option<&tablestore_wire::proto::TableOptions>,
) -> Result<TableOptions, OtsError> {
    let mut options = TableOptions::default();
    let Some(given) = given else {
        return Ok(options);
    };
    if let Some(ttl) = given.time_to_live {
        if ttl != -1 && ttl < MIN_TIME_TO_LIVE {
            return Err(OtsError::parameter_invalid(format!(
                "time_to_live must be -1 or at least {MIN_TIME_TO_LIVE} seconds, got {ttl}."
            )));
        }
        options.time_to_live = ttl;
    }
    if let Some(max_versions) = given.max_versions {
        if max_versions < 1 {
            return Err(OtsError::parameter_invalid(format!(
                "max_versions must be at least 1, got {max_versions}."
            )));
        }
        options.max_versions = max_versions;
    }
    if let Some(deviation) = given.deviation_cell_version_in_sec {
        if deviation <= 0 {
            return Err(OtsError::parameter_invalid(
                "deviation_cell_version_in_sec must be positive.",
            ));
        }
        options.deviation_seconds = deviation;
    }
    Ok(options)
}

/// Removes the table. Its delivery tasks go too: the caller deletes them while it still holds
/// the tables lock (`delivery::Store::delete_table_tasks`).
pub fn delete_table(
    tables: &mut Tables,
    request: &DeleteTableRequest,
) -> Result<DeleteTableResponse, OtsError> {
    tables
        .remove(&request.table_name)
        .map(|_| DeleteTableResponse {})
        .ok_or_else(OtsError::table_not_exist)
}
