//! Listing tables and reading a table's schema.

use tablestore_wire::proto;

use super::TablestoreClient;
use crate::retry::Idempotency;
use crate::ClientError;

/// Primary-key column types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimaryKeyType {
    Integer,
    String,
    Binary,
}

/// Attribute (defined column) types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Double,
    Boolean,
    String,
    Binary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryKeyColumn {
    pub name: String,
    pub column_type: PrimaryKeyType,
    pub auto_increment: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedColumn {
    pub name: String,
    pub column_type: ColumnType,
}

/// A table's schema and options, as DescribeTable reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDescription {
    pub name: String,
    pub primary_key: Vec<PrimaryKeyColumn>,
    pub defined_columns: Vec<DefinedColumn>,
    /// Seconds; -1 keeps data forever.
    pub time_to_live: Option<i32>,
    pub max_versions: Option<i32>,
}

impl TablestoreClient {
    /// The names of the instance's tables, sorted.
    pub async fn list_tables(&self) -> Result<Vec<String>, ClientError> {
        let (response, _): (proto::ListTableResponse, _) = self
            .call(
                "ListTable",
                Idempotency::Idempotent,
                &proto::ListTableRequest {},
            )
            .await?;
        let mut names = response.table_names;
        names.sort();
        Ok(names)
    }

    pub async fn describe_table(&self, table: &str) -> Result<TableDescription, ClientError> {
        let request = proto::DescribeTableRequest {
            table_name: table.to_owned(),
        };
        let (response, meta): (proto::DescribeTableResponse, _) = self
            .call("DescribeTable", Idempotency::Idempotent, &request)
            .await?;
        let corrupt = |detail: String| ClientError::ResponseCorrupt {
            service: crate::Service::Tablestore,
            detail,
            request_id: meta.request_id.clone(),
        };
        let primary_key = response
            .table_meta
            .primary_key
            .iter()
            .map(|pk| {
                let column_type = match proto::PrimaryKeyType::try_from(pk.r#type) {
                    Ok(proto::PrimaryKeyType::Integer) => PrimaryKeyType::Integer,
                    Ok(proto::PrimaryKeyType::String) => PrimaryKeyType::String,
                    Ok(proto::PrimaryKeyType::Binary) => PrimaryKeyType::Binary,
                    _ => return Err(corrupt(format!("unknown primary-key type {}", pk.r#type))),
                };
                Ok(PrimaryKeyColumn {
                    name: pk.name.clone(),
                    column_type,
                    auto_increment: pk.option
                        == Some(proto::PrimaryKeyOption::AutoIncrement as i32),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let defined_columns = response
            .table_meta
            .defined_column
            .iter()
            .map(|c| {
                let column_type = match proto::DefinedColumnType::try_from(c.r#type) {
                    Ok(proto::DefinedColumnType::DctInteger) => ColumnType::Integer,
                    Ok(proto::DefinedColumnType::DctDouble) => ColumnType::Double,
                    Ok(proto::DefinedColumnType::DctBoolean) => ColumnType::Boolean,
                    Ok(proto::DefinedColumnType::DctString) => ColumnType::String,
                    Ok(proto::DefinedColumnType::DctBlob) => ColumnType::Binary,
                    Err(_) => return Err(corrupt(format!("unknown column type {}", c.r#type))),
                };
                Ok(DefinedColumn {
                    name: c.name.clone(),
                    column_type,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TableDescription {
            name: response.table_meta.table_name,
            primary_key,
            defined_columns,
            time_to_live: response.table_options.time_to_live,
            max_versions: response.table_options.max_versions,
        })
    }
}
