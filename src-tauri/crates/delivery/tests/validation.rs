//! Parsed types and draft validation: each rule, its stable code, message and remedy.

mod common;

use common::{entry, orders_columns, orders_draft};
use delivery::{
    validate_draft, BucketName, ColumnOrigin, DeliveryError, EventTimeFormat, Issue, OssEndpoint,
    OssPrefix, OutputColumnName, ParquetType, RegionId, RoleArn, Severity, SourceColumn, TableName,
    TablestoreType, TaskName, TaskType, ValidationContext,
};
use proptest::prelude::*;

/// The documented rule, written independently of the parser.
fn task_name_rule(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    let allowed = |c: &char| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-';
    let edge = |c: &char| c.is_ascii_lowercase() || c.is_ascii_digit();
    (3..=16).contains(&chars.len())
        && chars.iter().all(allowed)
        && edge(&chars[0])
        && edge(&chars[chars.len() - 1])
}

fn codes(issues: &[Issue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|i| (i.field.clone(), i.code.clone()))
        .collect()
}

fn context(columns: &[SourceColumn]) -> ValidationContext<'_> {
    ValidationContext {
        source_columns: columns,
        ..ValidationContext::default()
    }
}

proptest! {
    #[test]
    fn task_names_parse_exactly_when_the_documented_rule_holds(name in "[a-zA-Z0-9_ .-]{0,20}") {
        let parsed = TaskName::parse(&name);
        prop_assert_eq!(parsed.is_ok(), task_name_rule(&name), "{:?} -> {:?}", name, parsed);
        if let Err(error) = parsed {
            prop_assert_eq!(error.code(), "invalid_task_name");
        }
    }

    #[test]
    fn every_name_of_the_documented_shape_parses(name in "[a-z0-9][a-z0-9-]{1,14}[a-z0-9]") {
        prop_assert_eq!(TaskName::parse(&name).map(String::from), Ok(name));
    }

    #[test]
    fn bucket_names_follow_the_oss_rule(name in "[a-z0-9-]{0,70}") {
        let rule = (3..=63).contains(&name.len()) && !name.starts_with('-') && !name.ends_with('-');
        prop_assert_eq!(BucketName::parse(&name).is_ok(), rule);
    }

    #[test]
    fn prefixes_without_dollar_or_leading_slash_always_parse(prefix in "[a-zA-Z0-9_=./-]{1,200}") {
        prop_assume!(!prefix.starts_with('/'));
        let parsed = OssPrefix::parse(&prefix).expect("plain folders parse");
        prop_assert!(parsed.variables().is_empty());
    }

    #[test]
    fn a_dollar_not_followed_by_a_variable_is_refused(word in "[a-zA-Z]{1,6}") {
        prop_assume!(!["yyyy", "MM", "dd", "HH", "mm"].iter().any(|v| word.starts_with(v)));
        let error = OssPrefix::parse(&format!("exports/${word}")).expect_err("unknown variable");
        prop_assert_eq!(error.code(), "unknown_time_variable");
    }

    #[test]
    fn role_arns_with_a_numeric_account_and_a_role_parse(account in "[0-9]{1,20}", role in "[A-Za-z0-9._-]{1,64}") {
        let arn = RoleArn::parse(&format!("acs:ram::{account}:role/{role}")).expect("documented shape");
        prop_assert_eq!(arn.account_id(), account.as_str());
        prop_assert_eq!(arn.role_name(), role.as_str());
    }

    #[test]
    fn output_names_of_visible_characters_parse(name in "[a-zA-Z0-9_]([a-zA-Z0-9_ .-]{0,30}[a-zA-Z0-9_])?") {
        prop_assert!(OutputColumnName::parse(&name).is_ok());
    }

    #[test]
    fn parsed_types_round_trip_through_json(name in "[a-z0-9][a-z0-9-]{1,14}[a-z0-9]") {
        let parsed = TaskName::parse(&name).expect("valid");
        let json = serde_json::to_string(&parsed).expect("serialises");
        prop_assert_eq!(serde_json::from_str::<TaskName>(&json).expect("deserialises"), parsed);
    }
}

#[test]
fn task_name_errors_say_which_character_and_where() {
    let error = TaskName::parse("Sales-daily").expect_err("uppercase");
    assert_eq!(error.code(), "invalid_task_name");
    assert_eq!(
        error.message(),
        "Task names use lowercase letters, digits and hyphens only: 'S' at position 1."
    );
    assert!(error.remedy().contains("sales-daily"));
}

#[test]
fn task_name_length_and_hyphen_rules_have_their_own_messages() {
    assert_eq!(
        TaskName::parse("ab").expect_err("short").message(),
        "Task names have 3 to 16 characters; this one has 2."
    );
    assert_eq!(
        TaskName::parse("-abc").expect_err("hyphen").message(),
        "Task names start and end with a letter or digit, not a hyphen."
    );
}

#[test]
fn deserialising_a_bad_task_name_fails_with_the_rule() {
    let error = serde_json::from_str::<TaskName>("\"no\"").expect_err("too short");
    assert!(error.to_string().contains("3 to 16 characters"), "{error}");
}

#[test]
fn table_names_follow_tablestore_rules() {
    assert!(TableName::parse("_orders_2024").is_ok());
    assert_eq!(
        TableName::parse("2024").expect_err("digit").code(),
        "invalid_table_name"
    );
    assert_eq!(
        TableName::parse("or-ders").expect_err("hyphen").code(),
        "invalid_table_name"
    );
}

#[test]
fn prefix_rules_refuse_empty_leading_slash_and_stray_dollar() {
    assert_eq!(
        OssPrefix::parse("").expect_err("empty").code(),
        "invalid_prefix"
    );
    assert_eq!(
        OssPrefix::parse("/a").expect_err("slash").code(),
        "invalid_prefix"
    );
    assert_eq!(
        OssPrefix::parse("\\a").expect_err("backslash").code(),
        "invalid_prefix"
    );
    assert_eq!(
        OssPrefix::parse("a/b$").expect_err("dollar"),
        DeliveryError::MalformedPrefixVariable(4)
    );
    assert_eq!(
        OssPrefix::parse("a/$/b").expect_err("dollar"),
        DeliveryError::MalformedPrefixVariable(3)
    );
    assert_eq!(
        OssPrefix::parse("a/$YYYY").expect_err("case"),
        DeliveryError::UnknownTimeVariable("$YYYY".into())
    );
    assert_eq!(
        OssPrefix::parse(&"a".repeat(1024))
            .expect_err("long")
            .code(),
        "invalid_prefix"
    );
}

#[test]
fn prefix_variables_are_listed_coarsest_first() {
    let prefix = OssPrefix::parse("x/$HH/$yyyy$MM$dd/$mm").expect("valid");
    assert_eq!(
        prefix.variables(),
        vec![
            delivery::TimeVariable::Year,
            delivery::TimeVariable::Month,
            delivery::TimeVariable::Day,
            delivery::TimeVariable::Hour,
            delivery::TimeVariable::Minute
        ]
    );
}

#[test]
fn role_arn_refuses_the_old_plain_role_name_sample() {
    let error = RoleArn::parse("aliyunotsdeliveryrole").expect_err("plain name");
    assert_eq!(error.code(), "invalid_role_arn");
    assert!(error.message().contains("must start with 'acs:ram::'"));
}

#[test]
fn role_arn_knows_the_delivery_service_role() {
    let arn = RoleArn::delivery_service_role("1234567890123456").expect("valid");
    assert_eq!(
        arn.as_str(),
        "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"
    );
    assert!(arn.is_delivery_service_role());
    assert!(
        RoleArn::parse("acs:ram::1:role/AliyunServiceRoleForOTSDataDelivery")
            .expect("valid")
            .is_delivery_service_role()
    );
}

#[test]
fn endpoints_are_reduced_to_the_host_and_know_their_region() {
    let endpoint =
        OssEndpoint::parse("https://oss-cn-shanghai-internal.aliyuncs.com/").expect("valid");
    assert_eq!(endpoint.as_str(), "oss-cn-shanghai-internal.aliyuncs.com");
    assert_eq!(
        endpoint.region(),
        Some(RegionId::parse("cn-shanghai").expect("valid"))
    );
    assert!(endpoint.is_internal());
    assert_eq!(
        OssEndpoint::parse("127.0.0.1:9000")
            .expect("valid")
            .region(),
        None
    );
    assert_eq!(
        OssEndpoint::parse("oss cn").expect_err("space").code(),
        "invalid_endpoint"
    );
}

#[test]
fn oss_location_and_plain_region_ids_compare_equal() {
    assert_eq!(
        RegionId::parse("oss-cn-hangzhou").expect("valid"),
        RegionId::parse("cn-hangzhou").expect("valid")
    );
}

#[test]
fn accepts_the_sample_draft_and_builds_the_request() {
    let columns = orders_columns();
    let outcome = validate_draft(&orders_draft(), &context(&columns));
    assert_eq!(outcome.errors().count(), 0, "{:?}", outcome.issues);
    let request = outcome.request.expect("valid");
    assert_eq!(request.task_type, TaskType::BaseInc);
    assert_eq!(request.task_config.schema.len(), 4);
    assert_eq!(
        request.task_config.schema[1].oss_column_name.as_str(),
        "amount_cny"
    );
    assert_eq!(request.task_config.schema[1].data_type, ParquetType::Double);
}

#[test]
fn the_task_type_is_always_present_in_the_request_json() {
    let request = common::orders_request();
    let json = serde_json::to_value(&request).expect("serialises");
    assert_eq!(json["taskType"], "BASE_INC");
    assert_eq!(json["taskConfig"]["schema"][0]["encode"], "PLAIN");
    assert_eq!(json["taskConfig"]["format"], "Parquet");
    assert!(json["taskConfig"].get("formatter").is_none());
    assert!(json["taskConfig"].get("ossDirtyPrefix").is_none());
}

#[test]
fn reports_every_broken_field_at_once() {
    let mut draft = orders_draft();
    draft.task_name = "Orders".into();
    draft.oss_bucket = "-bad".into();
    draft.oss_prefix = "/x/$YY".into();
    draft.role_arn = "aliyunotsdeliveryrole".into();
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert!(outcome.request.is_none());
    assert_eq!(
        codes(&outcome.issues),
        vec![
            ("taskName".to_owned(), "invalid_task_name".to_owned()),
            ("ossBucket".to_owned(), "invalid_bucket_name".to_owned()),
            ("ossPrefix".to_owned(), "invalid_prefix".to_owned()),
            ("roleArn".to_owned(), "invalid_role_arn".to_owned()),
        ]
    );
}

#[test]
fn refuses_an_empty_schema() {
    let mut draft = orders_draft();
    draft.schema.clear();
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(
        codes(&outcome.issues),
        vec![("schema".to_owned(), "empty_schema".to_owned())]
    );
}

#[test]
fn refuses_duplicate_and_case_only_different_output_names() {
    let mut draft = orders_draft();
    draft
        .schema
        .push(entry("quantity", "order_id", ParquetType::Int64));
    draft
        .schema
        .push(entry("quantity", "Quantity", ParquetType::Int64));
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert!(outcome.request.is_none());
    assert_eq!(
        codes(&outcome.issues),
        vec![
            (
                "schema[4].outputName".to_owned(),
                "duplicate_output_column".to_owned()
            ),
            (
                "schema[5].outputName".to_owned(),
                "output_columns_differ_only_in_case".to_owned()
            ),
        ]
    );
}

#[test]
fn refuses_an_entry_without_a_type_instead_of_defaulting_to_bool() {
    let mut draft = orders_draft();
    draft.schema[0].parquet_type = None;
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(
        codes(&outcome.issues),
        vec![(
            "schema[0].parquetType".to_owned(),
            "missing_parquet_type".to_owned()
        )]
    );
}

#[test]
fn refuses_a_mismatched_pair_with_the_dirty_data_reason() {
    let mut draft = orders_draft();
    draft.schema[2].parquet_type = Some(ParquetType::Utf8);
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    let issue = &outcome.issues[0];
    assert_eq!(issue.code, "unsupported_type_pair");
    assert_eq!(issue.field, "schema[2].parquetType");
    assert!(
        issue.message.contains("dropped") || issue.message.contains("drops"),
        "{}",
        issue.message
    );
    assert!(outcome.request.is_none());
}

#[test]
fn refuses_binary_columns_whatever_the_target() {
    let mut columns = orders_columns();
    columns.push(SourceColumn::new(
        "blob",
        ColumnOrigin::Defined,
        &[TablestoreType::Binary],
    ));
    let mut draft = orders_draft();
    draft.schema.push(entry("blob", "blob", ParquetType::Utf8));
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(outcome.issues[0].code, "unsupported_type_pair");
    assert!(outcome.issues[0]
        .message
        .contains("BINARY has no documented Parquet target"));
}

#[test]
fn experimental_targets_need_the_switch_and_are_then_flagged() {
    let mut draft = orders_draft();
    draft.schema[2].parquet_type = Some(ParquetType::TimestampMillis);
    let columns = orders_columns();
    let off = validate_draft(&draft, &context(&columns));
    assert_eq!(off.issues[0].code, "unsupported_type_pair");
    let on = validate_draft(
        &draft,
        &ValidationContext {
            source_columns: &columns,
            allow_experimental_types: true,
            ..ValidationContext::default()
        },
    );
    assert_eq!(on.issues[0].code, "experimental_type_pair");
    assert_eq!(on.issues[0].severity, Severity::Warning);
    assert!(on.request.is_some());
}

#[test]
fn warns_when_a_sampled_column_mixes_types() {
    let mut columns = orders_columns();
    columns[2] = SourceColumn::new(
        "quantity",
        ColumnOrigin::Sampled,
        &[TablestoreType::Integer, TablestoreType::String],
    );
    let outcome = validate_draft(&orders_draft(), &context(&columns));
    assert_eq!(outcome.issues[0].code, "mixed_types_dirty_data");
    assert!(outcome.issues[0].message.contains("STRING"));
    assert!(outcome.request.is_some());
}

#[test]
fn refuses_a_bucket_in_another_region() {
    let columns = orders_columns();
    let outcome = validate_draft(
        &orders_draft(),
        &ValidationContext {
            source_columns: &columns,
            instance_region: Some(RegionId::parse("cn-hangzhou").expect("valid")),
            bucket_region: Some(RegionId::parse("oss-cn-beijing").expect("valid")),
            allow_experimental_types: false,
        },
    );
    let issue = &outcome.issues[0];
    assert_eq!(issue.code, "bucket_wrong_region");
    assert_eq!(
        issue.message,
        "The bucket is in cn-beijing, but the instance is in cn-hangzhou."
    );
    assert!(outcome.request.is_none());
}

#[test]
fn refuses_an_endpoint_of_another_region() {
    let mut draft = orders_draft();
    draft.oss_endpoint = "oss-cn-shanghai.aliyuncs.com".into();
    let columns = orders_columns();
    let outcome = validate_draft(
        &draft,
        &ValidationContext {
            source_columns: &columns,
            instance_region: Some(RegionId::parse("cn-hangzhou").expect("valid")),
            ..ValidationContext::default()
        },
    );
    assert_eq!(outcome.issues[0].code, "endpoint_wrong_region");
}

#[test]
fn refuses_an_event_time_column_of_a_non_time_type() {
    let mut draft = orders_draft();
    draft.event_time.as_mut().expect("set").column_name = "amount".into();
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(outcome.issues[0].code, "invalid_event_time_column");
    assert_eq!(
        outcome.issues[0].message,
        "Column 'amount' holds DOUBLE values, which cannot be read as RFC3339 times."
    );
}

#[test]
fn flags_integer_unix_event_time_as_unconfirmed() {
    let mut draft = orders_draft();
    let event = draft.event_time.as_mut().expect("set");
    event.column_name = "quantity".into();
    event.time_format = Some(EventTimeFormat::Unix);
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(outcome.issues[0].code, "event_time_unix_unconfirmed");
    assert!(outcome.request.is_some());
}

#[test]
fn warns_about_minute_partitions_and_foreign_roles() {
    let mut draft = orders_draft();
    draft.oss_prefix = "x/$yyyy/$MM/$dd/$HH/$mm".into();
    draft.role_arn = "acs:ram::1234567890123456:role/my-writer".into();
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(
        codes(&outcome.issues),
        vec![
            ("ossPrefix".to_owned(), "minute_partitions".to_owned()),
            (
                "roleArn".to_owned(),
                "role_not_delivery_service_role".to_owned()
            ),
        ]
    );
    assert!(outcome.request.is_some());
}

#[test]
fn issues_serialise_in_camel_case_with_the_error_code() {
    let error = DeliveryError::EmptySchema;
    let json = serde_json::to_value(Issue::error("schema", &error)).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "field": "schema",
            "severity": "error",
            "code": "empty_schema",
            "message": "The Parquet schema has no columns.",
            "remedy": "Add at least one column to the Parquet schema."
        })
    );
}

#[test]
fn refuses_a_prefix_that_makes_object_keys_too_long() {
    let mut draft = orders_draft();
    draft.oss_prefix = format!("{}/$yyyy", "p".repeat(500));
    let columns = orders_columns();
    let outcome = validate_draft(&draft, &context(&columns));
    assert_eq!(
        codes(&outcome.issues),
        vec![("ossPrefix".to_owned(), "invalid_prefix".to_owned())]
    );
    assert!(outcome.issues[0].message.contains("1023"));
}
