//! Sampling a table's columns through the app's services against the sandbox.
#![cfg(feature = "test-support")]

mod common;

use app_services::{AppServices, ErrorCode};
use delivery::{ColumnOrigin, TablestoreType};

async fn services() -> (AppServices, tempfile::TempDir) {
    common::sandbox_services("tests.sampling", 20_000).await
}

#[tokio::test]
async fn samples_declared_and_sampled_columns_with_types_and_presence() {
    let (services, _dir) = services().await;
    let mut reports = Vec::new();
    let sample = services
        .sample_schema("sandbox", "orders", 12_000, |p| reports.push(p))
        .await
        .expect("samples");
    assert!(!sample.reached_end, "20,000 rows, 12,000 asked");
    assert_eq!(sample.report.rows_seen, 12_000);
    assert_eq!(reports.last().map(|p| p.rows), Some(12_000));
    let column = |name: &str| sample.report.column(name).expect(name);
    assert_eq!(column("order_id").origin, ColumnOrigin::PrimaryKey);
    assert_eq!(column("status").origin, ColumnOrigin::Defined);
    let coupon = column("coupon_code");
    assert_eq!(coupon.origin, ColumnOrigin::Sampled);
    assert!(
        coupon.presence_percent > 0.0 && coupon.presence_percent < 100.0,
        "{coupon:?}"
    );
    assert_eq!(column("amount").rows_of(TablestoreType::Double), 12_000);
}

#[tokio::test]
async fn a_sample_can_be_cancelled_from_another_call() {
    let (services, _dir) = services().await;
    let result = services
        .sample_schema("sandbox", "orders", 20_000, |_| {
            assert!(services.cancel_sampling("sandbox", "orders"));
        })
        .await;
    assert_eq!(result.expect_err("cancelled").code, ErrorCode::Cancelled);
    assert!(
        !services.cancel_sampling("sandbox", "orders"),
        "nothing left running"
    );
}
