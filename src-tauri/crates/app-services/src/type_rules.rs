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
    fn every_pair_is_listed_once_and_each_source_but_binary_has_exactly_one_default() {
        let rules = type_rules();
        assert_eq!(
            rules.len(),
            TablestoreType::ALL.len() * ParquetType::ALL.len()
        );
        for source in TablestoreType::ALL {
            let defaults: Vec<ParquetType> = rules
                .iter()
                .filter(|rule| rule.source == source && rule.is_default)
                .map(|rule| rule.target)
                .collect();
            let expected = usize::from(source != TablestoreType::Binary);
            assert_eq!(defaults.len(), expected, "{source}: {defaults:?}");
            assert!(rules
                .iter()
                .filter(|rule| rule.source == source && rule.is_default)
                .all(|rule| rule.verdict.is_supported()));
        }
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
