//! From a sampled table to a created task and its delivered files, through the app's services
//! against the sandbox: the draft check, the Parquet preview, exports, the pre-flights and
//! the create itself.
#![cfg(feature = "test-support")]

mod common;

use std::time::Duration;

use app_services::{AppServices, ErrorCode, ExportFormat};
use delivery::{
    EventTimeDraft, EventTimeFormat, ParquetType, SchemaEntryDraft, TaskDraft, TaskType,
};

async fn services() -> (AppServices, tempfile::TempDir) {
    common::sandbox_services("tests.authoring", 2_000).await
}

fn entry(source: &str, output: &str, parquet_type: ParquetType) -> SchemaEntryDraft {
    SchemaEntryDraft {
        source_column: source.into(),
        output_name: output.into(),
        parquet_type: Some(parquet_type),
    }
}

fn users_draft(task_name: &str, bucket: &str) -> TaskDraft {
    TaskDraft {
        table_name: "users".into(),
        task_name: task_name.into(),
        task_type: TaskType::BaseInc,
        oss_bucket: bucket.into(),
        oss_endpoint: "oss-cn-hangzhou.aliyuncs.com".into(),
        oss_prefix: "exports/users/year=$yyyy/month=$MM".into(),
        role_arn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery".into(),
        event_time: None,
        schema: vec![
            entry("user_id", "user_id", ParquetType::Utf8),
            entry("age", "age", ParquetType::Int64),
            entry("score", "score", ParquetType::Double),
        ],
    }
}

async fn sample_users(services: &AppServices) {
    services
        .sample_schema("sandbox", "users", 500, |_| {})
        .await
        .expect("samples");
}

#[tokio::test]
async fn the_check_names_every_problem_by_field_before_any_call_is_made() {
    let (services, _dir) = services().await;
    sample_users(&services).await;
    let draft = users_draft("Bad_Name", "sandbox-beijing");
    // Not listed before: the check lists the buckets itself to learn the region.
    let review = services
        .check_draft("sandbox", &draft, 480)
        .await
        .expect("checks");
    let codes: Vec<(&str, &str)> = review
        .issues
        .iter()
        .map(|i| (i.field.as_str(), i.code.as_str()))
        .collect();
    assert!(
        codes.contains(&("taskName", "invalid_task_name")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("ossBucket", "bucket_wrong_region")),
        "{codes:?}"
    );
    assert!(review.request.is_none());
    assert_eq!(review.instance_region, "cn-hangzhou");
    assert_eq!(review.bucket_region.as_deref(), Some("cn-beijing"));
    // `score` holds mixed types in the seed: some sampled rows would be dropped as DOUBLE.
    let score = review
        .dirty_counts
        .iter()
        .find(|d| d.source_column == "score")
        .expect("score counted");
    assert!(score.dirty_rows > 0 && score.kept_rows > 0, "{score:?}");
    // The seed's `users` table has 40 rows: all were read.
    assert_eq!(review.sampled_rows, 40);
}

#[tokio::test]
async fn a_valid_draft_gives_the_request_json_example_paths_and_an_event_time_check() {
    let (services, _dir) = services().await;
    services
        .sample_schema("sandbox", "orders", 300, |_| {})
        .await
        .expect("samples");
    let draft = TaskDraft {
        table_name: "orders".into(),
        task_name: "orders-daily".into(),
        task_type: TaskType::Base,
        oss_bucket: "sandbox-delivery".into(),
        oss_endpoint: "oss-cn-hangzhou.aliyuncs.com".into(),
        oss_prefix: "orders/$yyyy/$MM/$dd".into(),
        role_arn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery".into(),
        event_time: Some(EventTimeDraft {
            column_name: "event_time_ms".into(),
            time_format: Some(EventTimeFormat::Unix),
        }),
        schema: vec![
            entry("order_id", "order_id", ParquetType::Int64),
            entry("amount", "amount", ParquetType::Double),
        ],
    };
    let review = services
        .check_draft("sandbox", &draft, 0)
        .await
        .expect("checks");
    let errors: Vec<_> = review.issues.iter().filter(|i| i.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let json: serde_json::Value =
        serde_json::from_str(review.request_json.as_deref().expect("json")).expect("parses");
    assert_eq!(json["taskName"], "orders-daily", "{json}");
    assert_eq!(json["taskType"], "BASE", "{json}");
    let preview = review.prefix_preview.expect("preview");
    assert!(preview
        .keys
        .iter()
        .all(|k| k.object_key.starts_with("orders/")
            && k.oss_url.starts_with("oss://sandbox-delivery/")));
    let check = review.event_time_check.expect("event time checked");
    assert_eq!(check.format, EventTimeFormat::Unix);
    assert!(check.present > 0);
}

#[tokio::test]
async fn the_parquet_preview_renders_the_sampled_rows_and_needs_a_sample_first() {
    let (services, _dir) = services().await;
    let draft = users_draft("users-pq", "sandbox-delivery");
    let error = services
        .preview_parquet("sandbox", &draft, 10)
        .expect_err("not sampled yet");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    sample_users(&services).await;
    let preview = services
        .preview_parquet("sandbox", &draft, 10)
        .expect("renders");
    assert_eq!(preview.total_rows, 40, "every row of the seed table");
    assert_eq!(preview.rows.len(), 10);
    let names: Vec<&str> = preview.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["user_id", "age", "score"]);
    assert!(
        preview.columns[2].dirty_values > 0,
        "mixed `score` loses some values"
    );
}

#[tokio::test]
async fn exports_refuse_a_blocked_draft_and_render_a_valid_one_in_each_format() {
    let (services, _dir) = services().await;
    let error = services
        .export_task(
            "sandbox",
            &users_draft("x", "sandbox-delivery"),
            ExportFormat::Json,
        )
        .await
        .expect_err("bad name");
    assert_eq!(error.code, ErrorCode::InvalidTaskName);
    let draft = users_draft("users-export", "sandbox-delivery");
    let go = services
        .export_task("sandbox", &draft, ExportFormat::Go)
        .await
        .expect("go");
    assert_eq!(go.file_name, "create_users_export.go");
    assert!(go.text.contains("users-export"));
    let java = services
        .export_task("sandbox", &draft, ExportFormat::Java)
        .await
        .expect("java");
    assert_eq!(java.file_name, "CreateUsersExportDeliveryTask.java");
}

#[tokio::test]
async fn create_preflights_the_role_and_the_name_then_creates_once_and_lists_delivered_files() {
    let (services, _dir) = services().await;
    sample_users(&services).await;
    let draft = users_draft("users-all", "sandbox-delivery");

    let role = services
        .delivery_role("sandbox")
        .await
        .expect("role status");
    assert_eq!(role.exists, Some(false), "{role:?}");
    let error = services
        .create_delivery_task("sandbox", &draft)
        .await
        .expect_err("role missing");
    assert_eq!(error.code, ErrorCode::RoleMissing);
    assert!(common::task_names(&services, "users").await.is_empty());

    let role = services
        .create_delivery_role("sandbox")
        .await
        .expect("creates role");
    assert_eq!(role.exists, Some(true));
    assert_eq!(role.role_arn.as_deref(), Some(draft.role_arn.as_str()));

    let created = services
        .create_delivery_task("sandbox", &draft)
        .await
        .expect("creates");
    assert_eq!(created.task_name, "users-all");
    assert_eq!(created.task_type, "BASE_INC");
    let again = services
        .create_delivery_task("sandbox", &draft)
        .await
        .expect_err("exists");
    assert_eq!(again.code, ErrorCode::TaskExists);
    assert_eq!(common::task_names(&services, "users").await, ["users-all"]);

    let mut files = None;
    for _ in 0..100 {
        let listed = services
            .list_delivered_files("sandbox", "users", "users-all")
            .await
            .expect("lists files");
        if !listed.objects.is_empty() {
            files = Some(listed);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let files = files.expect("the sandbox delivered within 10 s");
    assert_eq!(files.bucket, "sandbox-delivery");
    assert_eq!(files.listed_prefix, "exports/users/year=");
    assert!(files
        .objects
        .iter()
        .all(|o| o.key.contains("/users-all_") && o.size > 0));
}

#[tokio::test]
async fn drafts_are_saved_listed_reopened_and_deleted_through_the_services() {
    let (services, _dir) = services().await;
    let draft = users_draft("users-all", "sandbox-delivery");
    services.save_draft("users nightly", &draft).expect("saves");
    let listed = services.list_drafts().expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].column_count, 3);
    assert_eq!(services.open_draft("users nightly").expect("opens"), draft);
    services.delete_draft("users nightly").expect("deletes");
    assert!(services.list_drafts().expect("lists").is_empty());
}

/// Deletes `bucket` through the running sandbox's OSS endpoint, as the console or a script
/// would behind the app's back: OSS DeleteBucket (`DELETE /<bucket>/`, path style), signed
/// V1 with the sandbox's demo key. Returns the answer's status line. Blocks the calling
/// thread: call it from a multi-threaded runtime, or the sandbox cannot answer.
fn delete_bucket_behind_the_apps_back(services: &AppServices, bucket: &str) -> String {
    use std::fmt::Write as _;
    use std::io::{Read, Write};
    let info = services.app_info().expect("app info");
    let oss = info.sandbox.endpoints.expect("sandbox running").oss;
    let host = oss.trim_start_matches("http://").trim_end_matches('/');
    let path = format!("/{bucket}/");
    let credentials = signing::Credentials::new(
        signing::AccessKeyId::parse(sandbox::accounts::DEMO_ACCESS_KEY_ID).expect("demo key id"),
        signing::Secret::from(sandbox::accounts::DEMO_ACCESS_KEY_SECRET),
    );
    let signed = signing::oss::sign_v1(
        &signing::CanonicalRequest::new("DELETE", path.as_str()),
        &signing::oss::OssResource::bucket(bucket),
        &credentials,
        chrono::Utc::now(),
    );
    let mut request = format!("DELETE {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (name, value) in signed.iter() {
        let _ = write!(request, "{name}: {value}\r\n");
    }
    request.push_str("Content-Length: 0\r\nConnection: close\r\n\r\n");
    let mut stream = std::net::TcpStream::connect(host).expect("OSS endpoint answers");
    stream.write_all(request.as_bytes()).expect("sends");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("reads");
    answer.lines().next().unwrap_or_default().to_owned()
}

// Multi-threaded: deleting the bucket blocks while the in-process sandbox answers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bucket_deleted_after_it_was_picked_is_refused_by_create_which_creates_nothing() {
    // An empty bucket of the instance's region that nothing writes to (the demo task writes
    // to `sandbox-delivery`, and OSS refuses to delete a bucket holding objects).
    const PICKED: &str = "sandbox-logs-07";
    let (services, _dir) = services().await;
    common::with_delivery_role(&services).await;
    sample_users(&services).await;

    // Picked from the listing, which also teaches the app the bucket's region.
    let listed = services.list_buckets("sandbox").await.expect("lists");
    let picked = listed.iter().find(|b| b.name == PICKED).expect("listed");
    assert!(picked.same_region, "{picked:?}");
    let draft = users_draft("users-gone", PICKED);
    let review = services
        .check_draft("sandbox", &draft, 0)
        .await
        .expect("checks");
    assert!(review.request.is_some(), "{:?}", review.issues);
    assert_eq!(review.bucket_region.as_deref(), Some("cn-hangzhou"));

    assert_eq!(
        delete_bucket_behind_the_apps_back(&services, PICKED),
        "HTTP/1.1 204 No Content"
    );
    // The draft check still answers from the listing it keeps (it does not list again per
    // keystroke), so only a create that asks OSS again can notice the bucket is gone.
    let stale = services
        .check_draft("sandbox", &draft, 0)
        .await
        .expect("checks");
    assert!(stale.request.is_some(), "{:?}", stale.issues);
    assert_eq!(stale.bucket_region.as_deref(), Some("cn-hangzhou"));

    let error = services
        .create_delivery_task("sandbox", &draft)
        .await
        .expect_err("the bucket is gone");
    assert_eq!(error.code, ErrorCode::BucketNotFound, "{error:?}");
    assert!(error.message.contains(PICKED), "{}", error.message);
    assert!(
        error
            .remedy
            .as_deref()
            .is_some_and(|remedy| remedy.contains("Pick another bucket")),
        "{:?}",
        error.remedy
    );
    assert!(common::task_names(&services, "users").await.is_empty());
    let relisted = services.list_buckets("sandbox").await.expect("lists");
    assert!(relisted.iter().all(|b| b.name != PICKED));
}

// Multi-threaded: `set_faults` blocks while the in-process sandbox answers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_whose_answer_is_cut_off_is_confirmed_once_and_never_duplicated() {
    let (services, _dir) = services().await;
    common::with_delivery_role(&services).await;
    common::set_faults(
        &services,
        r#"{"truncateRate": 1.0, "operations": ["CreateDeliveryTask"]}"#,
    );
    let created = services
        .create_delivery_task("sandbox", &users_draft("users-lost", "sandbox-delivery"))
        .await
        .expect("confirmed by listing");
    assert_eq!(created.task_name, "users-lost");
    common::set_faults(&services, "{}");
    assert_eq!(common::task_names(&services, "users").await, ["users-lost"]);
}

// Multi-threaded: `set_faults` blocks while the in-process sandbox answers it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_dropped_before_the_service_saw_it_fails_clearly_and_creates_nothing() {
    let (services, _dir) = services().await;
    common::with_delivery_role(&services).await;
    common::set_faults(
        &services,
        r#"{"dropRate": 1.0, "operations": ["CreateDeliveryTask"]}"#,
    );
    let error = services
        .create_delivery_task("sandbox", &users_draft("users-drop", "sandbox-delivery"))
        .await
        .expect_err("never answered");
    assert_eq!(error.code, ErrorCode::Network, "{error:?}");
    common::set_faults(&services, "{}");
    assert!(common::task_names(&services, "users").await.is_empty());
}
