//! The Parquet target types the delivery wire can carry (`ParquetSchema.DataType`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `ParquetSchema.DataType`; serialised with the proto enum names.
///
/// Only `Bool`, `Int64`, `Utf8` and `Double` are documented for delivery; see
/// [`crate::type_compat`] for what the app does with the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
pub enum ParquetType {
    Bool,
    Int64,
    Utf8,
    Double,
    Date,
    Decimal,
    TimeMillis,
    TimeMicros,
    TimestampMillis,
    TimestampMicros,
    List,
    Map,
    Interval,
    Float,
    Int32,
    Int96,
}

/// How far the app trusts a target type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TargetTier {
    /// One of the four documented targets; offered by default.
    Documented,
    /// Named by the Go SDK but not documented for delivery; only behind an "experimental" switch.
    Experimental,
    /// Only in the proto enum; never offered.
    Never,
}

impl ParquetType {
    /// Every value, in proto order.
    pub const ALL: [ParquetType; 16] = [
        ParquetType::Bool,
        ParquetType::Int64,
        ParquetType::Utf8,
        ParquetType::Double,
        ParquetType::Date,
        ParquetType::Decimal,
        ParquetType::TimeMillis,
        ParquetType::TimeMicros,
        ParquetType::TimestampMillis,
        ParquetType::TimestampMicros,
        ParquetType::List,
        ParquetType::Map,
        ParquetType::Interval,
        ParquetType::Float,
        ParquetType::Int32,
        ParquetType::Int96,
    ];

    /// The protobuf enum number.
    pub fn proto_value(self) -> i32 {
        match self {
            ParquetType::Bool => 0,
            ParquetType::Int64 => 1,
            ParquetType::Utf8 => 2,
            ParquetType::Double => 3,
            ParquetType::Date => 4,
            ParquetType::Decimal => 5,
            ParquetType::TimeMillis => 6,
            ParquetType::TimeMicros => 7,
            ParquetType::TimestampMillis => 8,
            ParquetType::TimestampMicros => 9,
            ParquetType::List => 10,
            ParquetType::Map => 11,
            ParquetType::Interval => 12,
            ParquetType::Float => 13,
            ParquetType::Int32 => 14,
            ParquetType::Int96 => 15,
        }
    }

    /// The type with this protobuf enum number.
    pub fn from_proto_value(value: i32) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.proto_value() == value)
    }

    /// The proto enum name, which is also the serialised form.
    pub fn proto_name(self) -> &'static str {
        match self {
            ParquetType::Bool => "BOOL",
            ParquetType::Int64 => "INT64",
            ParquetType::Utf8 => "UTF8",
            ParquetType::Double => "DOUBLE",
            ParquetType::Date => "DATE",
            ParquetType::Decimal => "DECIMAL",
            ParquetType::TimeMillis => "TIME_MILLIS",
            ParquetType::TimeMicros => "TIME_MICROS",
            ParquetType::TimestampMillis => "TIMESTAMP_MILLIS",
            ParquetType::TimestampMicros => "TIMESTAMP_MICROS",
            ParquetType::List => "LIST",
            ParquetType::Map => "MAP",
            ParquetType::Interval => "INTERVAL",
            ParquetType::Float => "FLOAT",
            ParquetType::Int32 => "INT32",
            ParquetType::Int96 => "INT96",
        }
    }

    /// The Go SDK constant, when the Go SDK names one (values 0–9 only).
    pub fn go_constant(self) -> Option<&'static str> {
        Some(match self {
            ParquetType::Bool => "ParquetBool",
            ParquetType::Int64 => "ParquetInt64",
            ParquetType::Utf8 => "ParquetUtf8",
            ParquetType::Double => "ParquetDouble",
            ParquetType::Date => "ParquetDate",
            ParquetType::Decimal => "ParquetDecimal",
            ParquetType::TimeMillis => "ParquetTimeMills",
            ParquetType::TimeMicros => "ParquetTimeMicros",
            ParquetType::TimestampMillis => "ParquetTimestampMills",
            ParquetType::TimestampMicros => "ParquetTimestampMicros",
            _ => return None,
        })
    }

    /// The Java SDK `DataType` constant (Java names every value, same as the proto).
    pub fn java_constant(self) -> &'static str {
        self.proto_name()
    }

    /// Whether the app offers this type by default, behind a switch, or never.
    pub fn tier(self) -> TargetTier {
        match self.proto_value() {
            0..=3 => TargetTier::Documented,
            4..=9 => TargetTier::Experimental,
            _ => TargetTier::Never,
        }
    }
}

impl std::fmt::Display for ParquetType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.proto_name())
    }
}
