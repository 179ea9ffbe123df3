//! Exports against golden files, and the round trips back to drafts.
//!
//! The golden files were written by these functions and reviewed by hand against the SDK
//! APIs in the spec (Go `tablestore` package, Java `model.delivery` classes). To regenerate
//! after an intended change: `UPDATE_GOLDEN=1 cargo test -p delivery --test exports`.

mod common;

use std::path::PathBuf;

use common::{orders_columns, orders_draft, orders_request};
use delivery::draft_file::{load_draft, open_task_file, save_draft};
use delivery::export_go::export_go;
use delivery::export_java::{export_java, java_class_name};
use delivery::export_json::{export_task_json, import_task_json};
use delivery::{validate_draft, ParquetType, TaskDraft, TaskType, ValidationContext};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "read {}: {e} (set UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

/// A second task: no event time, full export only, a name with a quote to exercise escaping.
fn minimal_request() -> delivery::CreateDeliveryTaskRequest {
    let mut draft = orders_draft();
    draft.task_name = "backfill-1".into();
    draft.task_type = TaskType::Base;
    draft.event_time = None;
    draft.oss_prefix = "backfill/orders".into();
    draft.schema = vec![common::entry("order_id", "order \"id\"", ParquetType::Utf8)];
    let columns = orders_columns();
    validate_draft(
        &draft,
        &ValidationContext {
            source_columns: &columns,
            ..ValidationContext::default()
        },
    )
    .request
    .expect("valid")
}

#[test]
fn json_export_matches_its_golden_file() {
    golden("orders.task.json", &export_task_json(&orders_request()));
    golden("backfill.task.json", &export_task_json(&minimal_request()));
}

#[test]
fn go_export_matches_its_golden_file() {
    golden("orders.go", &export_go(&orders_request()));
    golden("backfill.go", &export_go(&minimal_request()));
}

#[test]
fn java_export_matches_its_golden_file() {
    golden(
        "CreateOrdersDailyDeliveryTask.java",
        &export_java(&orders_request()),
    );
    golden(
        "CreateBackfill1DeliveryTask.java",
        &export_java(&minimal_request()),
    );
}

#[test]
fn saved_drafts_match_their_golden_file() {
    golden("orders.draft.json", &save_draft(&orders_draft()));
}

#[test]
fn java_class_names_are_pascal_case() {
    assert_eq!(
        java_class_name("orders-daily"),
        "CreateOrdersDailyDeliveryTask"
    );
    assert_eq!(java_class_name("7days"), "Create7daysDeliveryTask");
}

#[test]
fn exported_json_imports_back_as_the_same_draft() {
    let request = orders_request();
    let draft = import_task_json(&export_task_json(&request)).expect("imports");
    assert_eq!(draft, orders_draft());
    assert_eq!(
        open_task_file(&export_task_json(&request)).expect("opens"),
        orders_draft()
    );
}

#[test]
fn an_exported_file_with_invalid_values_still_opens_as_a_draft() {
    let text = export_task_json(&orders_request()).replace("orders-daily", "Orders Daily");
    let draft = import_task_json(&text).expect("imports");
    assert_eq!(draft.task_name, "Orders Daily");
}

#[test]
fn drafts_round_trip_including_incomplete_ones() {
    let mut draft = orders_draft();
    draft.schema[1].parquet_type = None;
    draft.task_name = String::new();
    assert_eq!(load_draft(&save_draft(&draft)).expect("loads"), draft);
    assert_eq!(
        load_draft(&save_draft(&TaskDraft::default())).expect("loads"),
        TaskDraft::default()
    );
}

#[test]
fn drafts_of_an_unknown_version_are_refused_clearly() {
    let text = save_draft(&orders_draft()).replace("\"version\": 1", "\"version\": 2");
    let error = load_draft(&text).expect_err("newer version");
    assert_eq!(error.code(), "unsupported_draft_version");
    assert_eq!(
        error.message(),
        "This file uses format version 2; this app reads version 1."
    );
    let text =
        export_task_json(&orders_request()).replace("\"version\": 1", "\"version\": \"beta\"");
    assert_eq!(
        import_task_json(&text).expect_err("odd version").message(),
        "This file uses format version beta; this app reads version 1."
    );
}

#[test]
fn files_that_are_not_drafts_are_refused_with_the_reason() {
    assert_eq!(
        load_draft("[1]").expect_err("array").message(),
        "The file is not a task draft: it is not a JSON object."
    );
    assert_eq!(
        load_draft("{\"kind\":\"tablestore-delivery-draft\"}")
            .expect_err("no version")
            .message(),
        "The file is not a task draft: it has no 'version' field."
    );
    assert_eq!(
        load_draft("{").expect_err("broken").code(),
        "malformed_draft"
    );
    let wrong_kind = load_draft("{\"kind\":\"other\",\"version\":1}").expect_err("kind");
    assert!(wrong_kind.message().contains("its kind is 'other'"));
}

#[test]
fn exports_never_contain_credentials() {
    for text in [export_go(&orders_request()), export_java(&orders_request())] {
        assert!(text.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        assert!(
            !text.to_lowercase().contains("ltai"),
            "no literal AccessKey"
        );
    }
}
