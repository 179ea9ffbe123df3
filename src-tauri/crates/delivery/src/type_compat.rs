//! Which Tablestore type may be delivered as which Parquet type.
//!
//! Only four pairs are documented. The service does not fail a task on any other pair; it
//! silently drops each such field as dirty data. So every other pair is refused, or (for the
//! Go-named types behind the experimental switch) loudly flagged with the reason.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::parquet_type::{ParquetType, TargetTier};
use crate::tablestore_type::TablestoreType;

/// The verdict on one source → target pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "camelCase")]
#[ts(export)]
pub enum PairVerdict {
    /// A documented pair: values are written.
    Supported,
    /// Undocumented target the wire can carry; allowed only with the experimental switch on.
    Experimental { reason: String },
    /// Never allowed: the service would drop every value, or cannot carry the type.
    Refused { reason: String },
}

impl PairVerdict {
    pub fn is_supported(&self) -> bool {
        matches!(self, PairVerdict::Supported)
    }

    /// The reason shown next to the pair, if it is not a documented one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            PairVerdict::Supported => None,
            PairVerdict::Experimental { reason } | PairVerdict::Refused { reason } => Some(reason),
        }
    }
}

/// The documented target of a source type; BINARY has none.
pub fn documented_target(source: TablestoreType) -> Option<ParquetType> {
    match source {
        TablestoreType::Integer => Some(ParquetType::Int64),
        TablestoreType::Double => Some(ParquetType::Double),
        TablestoreType::Boolean => Some(ParquetType::Bool),
        TablestoreType::String => Some(ParquetType::Utf8),
        TablestoreType::Binary => None,
    }
}

/// Judges one pair.
pub fn check_pair(source: TablestoreType, target: ParquetType) -> PairVerdict {
    let Some(documented) = documented_target(source) else {
        return PairVerdict::Refused {
            reason: format!(
                "BINARY has no documented Parquet target, so {target} would be dropped as dirty data or rejected."
            ),
        };
    };
    if target == documented {
        return PairVerdict::Supported;
    }
    match target.tier() {
        TargetTier::Documented => PairVerdict::Refused {
            reason: format!(
                "{source} values written as {target} do not match, so the service drops every one of them as dirty data; the documented target is {documented}."
            ),
        },
        TargetTier::Experimental => {
            let java_gap = if matches!(
                target,
                ParquetType::TimestampMillis | ParquetType::TimestampMicros
            ) {
                " The Java SDK cannot even send this type."
            } else {
                ""
            };
            PairVerdict::Experimental {
                reason: format!(
                    "{source} → {target} is not documented for delivery; the service may drop every value as dirty data (unconfirmed).{java_gap}"
                ),
            }
        }
        TargetTier::Never => PairVerdict::Refused {
            reason: format!(
                "{target} exists only in the protocol enum and is not a delivery target; the documented target is {documented}."
            ),
        },
    }
}

/// Whether the service keeps a value of `source` written under `target`. Experimental pairs
/// count as dropped: nothing says they are kept.
pub fn value_is_kept(source: TablestoreType, target: ParquetType) -> bool {
    documented_target(source) == Some(target)
}
