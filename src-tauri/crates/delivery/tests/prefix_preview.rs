//! Object keys for given instants, checked against the quick-start doc's examples.

use delivery::prefix_preview::{object_key, object_key_with_ids, preview_object_keys};
use delivery::{BucketName, OssPrefix, TaskName};

/// 2020-08-31T16:03:00Z, the doc's "written at 16:03 on 31 Aug 2020".
const DOC_INSTANT: i64 = 1_598_889_780_000;

fn preview(prefix: &str, instants: &[i64], offset: i32) -> delivery::prefix_preview::PrefixPreview {
    preview_object_keys(
        &BucketName::parse("my-bucket").expect("valid"),
        &OssPrefix::parse(prefix).expect("valid"),
        &TaskName::parse("test-task").expect("valid"),
        instants,
        offset,
    )
}

fn codes(preview: &delivery::prefix_preview::PrefixPreview) -> Vec<&str> {
    preview.issues.iter().map(|i| i.code.as_str()).collect()
}

#[test]
fn a_fixed_prefix_gives_the_docs_key_shape() {
    let task = TaskName::parse("test-task").expect("valid");
    assert_eq!(
        object_key("myPrefix", &task),
        "myPrefix/test-task_0_myPrefix__1"
    );
}

#[test]
fn expands_every_variable_like_the_docs_example() {
    let preview = preview("myPrefix/$yyyy/$MM/$dd/$HH/$mm", &[DOC_INSTANT], 0);
    let key = &preview.keys[0];
    assert_eq!(key.expanded_prefix, "myPrefix/2020/08/31/16/03");
    assert_eq!(
        key.object_key,
        "myPrefix/2020/08/31/16/03/test-task_0_myPrefix_2020_08_31_16_03__1"
    );
    assert_eq!(
        key.oss_url,
        "oss://my-bucket/myPrefix/2020/08/31/16/03/test-task_0_myPrefix_2020_08_31_16_03__1"
    );
    assert_eq!(
        codes(&preview),
        vec![
            "minute_partitions",
            "prefix_time_zone_unconfirmed",
            "no_parquet_extension"
        ]
    );
}

#[test]
fn glued_variables_expand_in_one_folder() {
    let preview = preview("ds=$yyyy$MM$dd", &[DOC_INSTANT], 0);
    assert_eq!(
        preview.keys[0].object_key,
        "ds=20200831/test-task_0_ds=20200831__1"
    );
    assert_eq!(preview.partition_columns, vec!["ds"]);
    assert_eq!(preview.keys[0].partitions[0].value, "20200831");
}

#[test]
fn hive_partitions_are_named_and_valued() {
    let preview = preview("t/year=$yyyy/month=$MM/day=$dd", &[DOC_INSTANT], 0);
    assert_eq!(preview.partition_columns, vec!["year", "month", "day"]);
    let values: Vec<(&str, &str)> = preview.keys[0]
        .partitions
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        values,
        vec![("year", "2020"), ("month", "08"), ("day", "31")]
    );
    assert!(!codes(&preview).contains(&"minute_partitions"));
}

#[test]
fn instants_in_one_folder_share_a_key_and_are_counted() {
    let hour = 3_600_000;
    let preview = preview(
        "t/$yyyy/$MM/$dd",
        &[DOC_INSTANT, DOC_INSTANT + hour, DOC_INSTANT + 8 * hour],
        0,
    );
    assert_eq!(preview.keys.len(), 2);
    assert_eq!(preview.keys[0].instant_count, 2);
    assert_eq!(preview.keys[1].expanded_prefix, "t/2020/09/01");
}

#[test]
fn the_display_zone_shifts_the_folders() {
    let preview = preview("t/$yyyy/$MM/$dd/$HH", &[DOC_INSTANT], 8 * 60);
    assert_eq!(preview.keys[0].expanded_prefix, "t/2020/09/01/00");
}

#[test]
fn a_prefix_of_only_variables_is_flagged() {
    let preview = preview("$yyyy", &[DOC_INSTANT], 0);
    assert!(codes(&preview).contains(&"prefix_without_fixed_folder"));
}

#[test]
fn keys_over_the_oss_limit_are_flagged() {
    let preview = preview(&"a".repeat(600), &[DOC_INSTANT], 0);
    assert!(codes(&preview).contains(&"object_key_too_long"));
}

#[test]
fn instants_cross_ipc_as_strings() {
    let preview = preview("t/$yyyy", &[DOC_INSTANT], 0);
    let json = serde_json::to_value(&preview.keys[0]).expect("serialises");
    assert_eq!(json["firstInstant"], "1598889780000");
}

#[test]
fn sampled_event_times_drive_the_preview() {
    use delivery::event_time_check::check_event_times;
    use delivery::EventTimeFormat;
    use tablestore_wire::Value;
    let sample = vec![
        Some(Value::String("Mon, 31 Aug 2020 16:03:00 GMT".into())),
        Some(Value::String("Tue, 01 Sep 2020 09:00:00 GMT".into())),
        Some(Value::String("not a time".into())),
    ];
    let check = check_event_times(EventTimeFormat::Rfc1123, &sample);
    let preview = preview("events/dt=$yyyy-$MM-$dd", &check.instants, 0);
    let keys: Vec<&str> = preview.keys.iter().map(|k| k.object_key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "events/dt=2020-08-31/test-task_0_events_dt=2020-08-31__1",
            "events/dt=2020-09-01/test-task_0_events_dt=2020-09-01__1",
        ]
    );
}

#[test]
fn later_files_and_writers_number_their_keys() {
    let task = TaskName::parse("test-task").expect("valid");
    assert_eq!(
        object_key_with_ids("ds=20200831", &task, 2, 17),
        "ds=20200831/test-task_2_ds=20200831__17"
    );
}

#[test]
fn the_extreme_instants_of_the_i64_range_expand_without_overflow() {
    // The preview saturates instead of wrapping, whatever instant reaches it.
    let keys = preview("x/$yyyy", &[i64::MAX, i64::MIN], 480);
    assert_eq!(keys.keys.len(), 2, "{keys:?}");
}
