//! The type table: the four documented pairs and nothing else.

use delivery::type_compat::{check_pair, documented_target, value_is_kept, PairVerdict};
use delivery::{ParquetType, TablestoreType};
use proptest::prelude::*;

fn any_source() -> impl Strategy<Value = TablestoreType> {
    proptest::sample::select(TablestoreType::ALL.to_vec())
}

fn any_target() -> impl Strategy<Value = ParquetType> {
    proptest::sample::select(ParquetType::ALL.to_vec())
}

#[test]
fn exactly_the_four_documented_pairs_are_supported() {
    let supported: Vec<(TablestoreType, ParquetType)> = TablestoreType::ALL
        .into_iter()
        .flat_map(|s| ParquetType::ALL.into_iter().map(move |t| (s, t)))
        .filter(|(s, t)| check_pair(*s, *t).is_supported())
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
fn binary_has_no_documented_target() {
    assert_eq!(documented_target(TablestoreType::Binary), None);
}

#[test]
fn proto_values_match_the_wire_enum() {
    let values: Vec<i32> = ParquetType::ALL.iter().map(|t| t.proto_value()).collect();
    assert_eq!(values, (0..16).collect::<Vec<_>>());
    assert_eq!(
        ParquetType::from_proto_value(8),
        Some(ParquetType::TimestampMillis)
    );
    assert_eq!(ParquetType::from_proto_value(16), None);
}

#[test]
fn a_wrong_documented_target_names_the_dirty_data_and_the_right_target() {
    let verdict = check_pair(TablestoreType::Integer, ParquetType::Utf8);
    let PairVerdict::Refused { reason } = verdict else {
        panic!("INTEGER → UTF8 must be refused, got {verdict:?}");
    };
    assert!(reason.contains("dirty data"), "{reason}");
    assert!(reason.contains("INT64"), "{reason}");
}

#[test]
fn timestamp_targets_mention_the_java_encoder_gap() {
    let verdict = check_pair(TablestoreType::Integer, ParquetType::TimestampMillis);
    assert!(matches!(verdict, PairVerdict::Experimental { .. }));
    assert!(verdict.reason().unwrap_or_default().contains("Java SDK"));
}

#[test]
fn verdicts_serialise_with_a_status_tag() {
    let json = serde_json::to_value(check_pair(TablestoreType::Boolean, ParquetType::Bool))
        .expect("serialises");
    assert_eq!(json, serde_json::json!({ "status": "supported" }));
}

proptest! {
    #[test]
    fn a_pair_is_supported_exactly_when_it_is_the_documented_target(s in any_source(), t in any_target()) {
        prop_assert_eq!(check_pair(s, t).is_supported(), documented_target(s) == Some(t));
        prop_assert_eq!(value_is_kept(s, t), check_pair(s, t).is_supported());
    }

    #[test]
    fn every_unsupported_pair_gives_a_reason(s in any_source(), t in any_target()) {
        let verdict = check_pair(s, t);
        prop_assert_eq!(verdict.reason().is_some(), !verdict.is_supported());
    }

    #[test]
    fn binary_is_refused_for_every_target(t in any_target()) {
        let is_refused = matches!(check_pair(TablestoreType::Binary, t), PairVerdict::Refused { .. });
        prop_assert!(is_refused);
    }

    #[test]
    fn protocol_only_targets_are_always_refused(s in any_source(), value in 10i32..16) {
        let t = ParquetType::from_proto_value(value).expect("in range");
        let is_refused = matches!(check_pair(s, t), PairVerdict::Refused { .. });
        prop_assert!(is_refused);
    }

    #[test]
    fn go_named_undocumented_targets_are_experimental_for_typed_sources(
        s in proptest::sample::select(vec![TablestoreType::Integer, TablestoreType::Double, TablestoreType::Boolean, TablestoreType::String]),
        value in 4i32..10,
    ) {
        let t = ParquetType::from_proto_value(value).expect("in range");
        let is_experimental = matches!(check_pair(s, t), PairVerdict::Experimental { .. });
        prop_assert!(is_experimental);
    }

    #[test]
    fn proto_values_round_trip(t in any_target()) {
        prop_assert_eq!(ParquetType::from_proto_value(t.proto_value()), Some(t));
    }
}
