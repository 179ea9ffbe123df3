//! A table's shape: its primary key, defined columns and options, and the checks the service
//! applies to names and keys (spec section 6).

use tablestore_wire::proto::{DefinedColumnType, PrimaryKeyType};
use tablestore_wire::{PrimaryKeyValue, PrimaryKeyValueRef};

use super::error::OtsError;

/// A primary key as stored: the values in schema order (the names live in the schema).
/// `PrimaryKeyValue`'s derived order (`InfMin` < values < `InfMax`) compares one column after
/// another exactly as the service orders rows, because every column holds one type.
pub type Key = Vec<PrimaryKeyValue>;

pub const MAX_KEY_COLUMNS: usize = 4;
pub const MAX_DEFINED_COLUMNS: usize = 32;
pub const MAX_NAME_BYTES: usize = 255;
pub const MAX_KEY_VALUE_BYTES: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    Integer,
    String,
    Binary,
}

impl KeyType {
    pub fn from_proto(value: i32) -> Option<Self> {
        match PrimaryKeyType::try_from(value).ok()? {
            PrimaryKeyType::Integer => Some(Self::Integer),
            PrimaryKeyType::String => Some(Self::String),
            PrimaryKeyType::Binary => Some(Self::Binary),
            // Boolean keys exist only in the Python SDK's .proto; the service refuses them.
            PrimaryKeyType::PkBoolean => None,
        }
    }

    pub fn to_proto(self) -> PrimaryKeyType {
        match self {
            Self::Integer => PrimaryKeyType::Integer,
            Self::String => PrimaryKeyType::String,
            Self::Binary => PrimaryKeyType::Binary,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyColumn {
    pub name: String,
    pub key_type: KeyType,
    pub auto_increment: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedColumn {
    pub name: String,
    pub column_type: DefinedColumnType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    /// Seconds a version lives; -1 keeps it forever.
    pub time_to_live: i32,
    pub max_versions: i32,
    /// How far a written version's timestamp may be from now, in seconds.
    pub deviation_seconds: i64,
}

impl Default for TableOptions {
    fn default() -> Self {
        Self {
            time_to_live: -1,
            max_versions: 1,
            deviation_seconds: 86_400,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSchema {
    pub name: String,
    pub primary_key: Vec<KeyColumn>,
    pub defined_columns: Vec<DefinedColumn>,
}

/// Which key values a request may use in a given place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyUse {
    /// A row to read, write or delete: real values only.
    Row,
    /// A row to put: an auto-increment column may carry the placeholder.
    Put,
    /// A GetRange bound: `INF_MIN` / `INF_MAX` allowed.
    Bound,
}

impl TableSchema {
    pub fn is_key_column(&self, name: &str) -> bool {
        self.primary_key.iter().any(|c| c.name == name)
    }

    /// Checks a decoded key against the schema: every column, in order, of its type.
    pub fn key_of(
        &self,
        given: &[(&str, PrimaryKeyValueRef<'_>)],
        usage: KeyUse,
    ) -> Result<Key, OtsError> {
        if given.len() != self.primary_key.len() {
            return Err(OtsError::invalid_pk(format!(
                "The number of primary key columns must be {}, got {}.",
                self.primary_key.len(),
                given.len()
            )));
        }
        let mut key = Vec::with_capacity(given.len());
        for (column, (name, value)) in self.primary_key.iter().zip(given) {
            if column.name != *name {
                return Err(OtsError::invalid_pk("Validate PK name fail."));
            }
            let fits = match (value, column.key_type) {
                (PrimaryKeyValueRef::Integer(_), KeyType::Integer) => true,
                (PrimaryKeyValueRef::String(s), KeyType::String) => {
                    check_key_size(column, s.len())?;
                    true
                }
                (PrimaryKeyValueRef::Binary(b), KeyType::Binary) => {
                    check_key_size(column, b.len())?;
                    true
                }
                (PrimaryKeyValueRef::InfMin | PrimaryKeyValueRef::InfMax, _) => {
                    usage == KeyUse::Bound
                }
                (PrimaryKeyValueRef::AutoIncrement, _) => {
                    usage == KeyUse::Put && column.auto_increment
                }
                _ => false,
            };
            if !fits {
                return Err(OtsError::invalid_pk("Validate PK type fail."));
            }
            key.push(value.to_owned_key());
        }
        Ok(key)
    }

    /// The key with its column names, as PlainBuffer writes it.
    pub fn named_key(&self, key: &Key) -> Vec<(String, PrimaryKeyValue)> {
        self.primary_key
            .iter()
            .zip(key)
            .map(|(column, value)| (column.name.clone(), value.clone()))
            .collect()
    }
}

fn check_key_size(column: &KeyColumn, length: usize) -> Result<(), OtsError> {
    if length > MAX_KEY_VALUE_BYTES {
        return Err(OtsError::parameter_invalid(format!(
            "The length of primary key column '{}' exceeds the MaxLength {MAX_KEY_VALUE_BYTES}.",
            column.name
        )));
    }
    Ok(())
}

/// Table and column names: 1-255 bytes of `[A-Za-z_][A-Za-z0-9_]*`.
pub fn check_name(what: &str, name: &str) -> Result<(), OtsError> {
    let mut bytes = name.bytes();
    let valid_start = bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
    let valid = valid_start
        && name.len() <= MAX_NAME_BYTES
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(OtsError::parameter_invalid(format!(
            "Invalid {what} name: '{name}'."
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                    key_type: KeyType::Integer,
                    auto_increment: true,
                },
            ],
            defined_columns: Vec::new(),
        }
    }

    #[test]
    fn a_key_must_name_every_column_in_order_with_its_type() {
        let s = schema();
        let good = [
            ("a", PrimaryKeyValueRef::String("x")),
            ("b", PrimaryKeyValueRef::Integer(1)),
        ];
        assert_eq!(
            s.key_of(&good, KeyUse::Row).expect("valid"),
            vec![
                PrimaryKeyValue::String("x".to_owned()),
                PrimaryKeyValue::Integer(1)
            ]
        );
        let swapped = [good[1], good[0]];
        assert_eq!(
            s.key_of(&swapped, KeyUse::Row).expect_err("order").code,
            "OTSInvalidPK"
        );
        let wrong_type = [good[0], ("b", PrimaryKeyValueRef::String("1"))];
        assert_eq!(
            s.key_of(&wrong_type, KeyUse::Row)
                .expect_err("type")
                .message,
            "Validate PK type fail."
        );
        assert!(s.key_of(&good[..1], KeyUse::Row).is_err());
    }

    #[test]
    fn infinite_bounds_only_in_ranges_and_auto_increment_only_in_puts() {
        let s = schema();
        let bound = [
            ("a", PrimaryKeyValueRef::InfMin),
            ("b", PrimaryKeyValueRef::InfMax),
        ];
        assert!(s.key_of(&bound, KeyUse::Bound).is_ok());
        assert!(s.key_of(&bound, KeyUse::Row).is_err());
        let auto = [
            ("a", PrimaryKeyValueRef::String("x")),
            ("b", PrimaryKeyValueRef::AutoIncrement),
        ];
        assert!(s.key_of(&auto, KeyUse::Put).is_ok());
        assert!(s.key_of(&auto, KeyUse::Row).is_err());
    }

    #[test]
    fn keys_order_column_by_column_with_infinities_at_the_ends() {
        let k = |a: PrimaryKeyValue, b: PrimaryKeyValue| -> Key { vec![a, b] };
        let s = |v: &str| PrimaryKeyValue::String(v.to_owned());
        let i = PrimaryKeyValue::Integer;
        assert!(k(s("a"), i(9)) < k(s("b"), i(0)));
        assert!(k(s("a"), i(-1)) < k(s("a"), i(0)));
        assert!(k(s("a"), PrimaryKeyValue::InfMin) < k(s("a"), i(i64::MIN)));
        assert!(k(s("a"), PrimaryKeyValue::InfMax) < k(s("a\0"), PrimaryKeyValue::InfMin));
        assert!(k(PrimaryKeyValue::InfMax, i(0)) > k(s("\u{10ffff}"), i(0)));
    }

    #[test]
    fn names_follow_the_service_character_rules() {
        assert!(check_name("table", "orders_2024").is_ok());
        assert!(check_name("table", "_x").is_ok());
        assert!(check_name("table", "2024").is_err());
        assert!(check_name("table", "").is_err());
        assert!(check_name("column", "a-b").is_err());
        assert!(check_name("column", &"a".repeat(256)).is_err());
    }
}
