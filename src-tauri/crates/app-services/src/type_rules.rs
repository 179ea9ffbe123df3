//! The mapper's type table: every Tablestore type against every Parquet type the mapper may
//! offer, with the domain's verdict, so the UI can list compatible targets without knowing
//! the rules itself.

use delivery::type_compat::{check_pair, documented_target, PairVerdict};
use delivery::{ParquetType, TablestoreType};
use serde::Serialize;
use ts_rs::TS;

/// One source → target pair and what the service does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TypeRule {
    pub source: TablestoreType,
    pub target: ParquetType,
    pub verdict: PairVerdict,
    /// The target a new mapping of this source type gets by default.
    pub is_default: bool,
}

/// Every pair, source types in wire order, targets in Parquet enum order.
pub fn type_rules() -> Vec<TypeRule> {
    TablestoreType::ALL
        .iter()
        .flat_map(|&source| {
            ParquetType::ALL.iter().map(move |&target| TypeRule {
                source,
                target,
                verdict: check_pair(source, target),
                is_default: documented_target(source) == Some(target),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_documented_pairs_are_the_only_supported_ones() {
        let supported: Vec<(TablestoreType, ParquetType)> = type_rules()
            .into_iter()
            .filter(|rule| rule.verdict.is_supported())
            .map(|rule| (rule.source, rule.target))
            .collect();
        assert_eq!(
            supported,
            vec![
                (TablestoreType::Integer, ParquetType::Int64),
                (TablestoreType::Double, ParquetType::Double),
                (TablestoreType::Boolean, ParquetType::Bool),
                (TablestoreType::String, ParquetType::Utf8),
            ]
        );
    }

    #[test]
    fn binary_has_no_default_and_every_binary_pair_is_refused_with_a_reason() {
        let binary: Vec<TypeRule> = type_rules()
            .into_iter()
            .filter(|rule| rule.source == TablestoreType::Binary)
            .collect();
        assert!(!binary.is_empty());
        assert!(binary.iter().all(|rule| !rule.is_default));
        assert!(binary.iter().all(|rule| matches!(
            &rule.verdict,
            PairVerdict::Refused { reason } if reason.contains("BINARY")
        )));
    }
}
