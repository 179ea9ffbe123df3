//! The Tablestore client against the sandbox over loopback.

mod support;

use std::time::{Duration, Instant};

use cloud_clients::tablestore::{
    ColumnType, PrimaryKeyType, SampleBudget, SampleControl, SampleProgress,
};
use cloud_clients::{ErrorKind, HttpSettings, RetryPolicy};
use sandbox::faults::FaultSettings;
use support::*;

const ALL: SampleBudget = SampleBudget {
    max_rows: u64::MAX,
    max_bytes: u64::MAX,
};

#[tokio::test]
async fn lists_the_seeded_tables_sorted_with_either_signature_version() {
    let sandbox = sandbox(100).await;
    for v4 in [false, true] {
        let tables = tablestore(&sandbox, demo(), v4)
            .list_tables()
            .await
            .expect("lists");
        let mut sorted = tables.clone();
        sorted.sort();
        assert_eq!(tables, sorted);
        for name in ["orders", "users", "empty_table", "audit_log"] {
            assert!(tables.iter().any(|t| t == name), "{name} in {tables:?}");
        }
    }
}

#[tokio::test]
async fn describes_primary_key_and_defined_columns_and_a_missing_table_is_not_found() {
    let sandbox = sandbox(100).await;
    let client = tablestore(&sandbox, demo(), true);
    let audit = client.describe_table("audit_log").await.expect("describes");
    assert_eq!(audit.primary_key.len(), 4);
    assert!(audit
        .primary_key
        .iter()
        .any(|c| c.column_type == PrimaryKeyType::Binary));
    let orders = client.describe_table("orders").await.expect("describes");
    let defined: Vec<(&str, ColumnType)> = orders
        .defined_columns
        .iter()
        .map(|c| (c.name.as_str(), c.column_type))
        .collect();
    assert!(
        defined.contains(&("status", ColumnType::String)),
        "{defined:?}"
    );
    assert!(
        defined.contains(&("amount", ColumnType::Double)),
        "{defined:?}"
    );
    assert!(
        defined.contains(&("event_time_ms", ColumnType::Integer)),
        "{defined:?}"
    );
    let error = client
        .describe_table("no_such_table")
        .await
        .expect_err("missing");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.service_code(), Some("OTSObjectNotExist"));
    assert!(error.request_id().is_some());
}

async fn primary_key(sandbox: &sandbox::Sandbox, table: &str) -> Vec<String> {
    tablestore(sandbox, demo(), false)
        .describe_table(table)
        .await
        .expect("describes")
        .primary_key
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[tokio::test]
async fn samples_every_row_across_pages_and_stops_at_a_row_budget() {
    let sandbox = sandbox(12_345).await;
    let client = tablestore(&sandbox, demo(), true);
    let key = primary_key(&sandbox, "orders").await;
    let mut seen = 0u64;
    let mut reports: Vec<SampleProgress> = Vec::new();
    let summary = client
        .sample_rows(
            "orders",
            &key,
            ALL,
            &SampleControl::default(),
            |_| seen += 1,
            |p| reports.push(p),
        )
        .await
        .expect("samples");
    assert_eq!(seen, 12_345);
    assert!(summary.reached_end);
    assert_eq!(summary.progress.rows, 12_345);
    assert!(summary.progress.pages >= 3, "5,000 rows a page at most");
    assert_eq!(reports.last(), Some(&summary.progress));

    let budget = SampleBudget {
        max_rows: 7_000,
        max_bytes: u64::MAX,
    };
    let partial = client
        .sample_rows(
            "orders",
            &key,
            budget,
            &SampleControl::default(),
            |_| {},
            |_| {},
        )
        .await
        .expect("samples");
    assert_eq!(partial.progress.rows, 7_000);
    assert!(!partial.reached_end);
}

#[tokio::test]
async fn a_cancelled_sample_stops_with_cancelled() {
    let sandbox = sandbox(20_000).await;
    let client = tablestore(&sandbox, demo(), false);
    let key = primary_key(&sandbox, "orders").await;
    let control = SampleControl::default();
    let result = client
        .sample_rows("orders", &key, ALL, &control, |_| {}, |_| control.cancel())
        .await;
    assert!(
        matches!(result, Err(cloud_clients::ClientError::Cancelled)),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_auth_failed_and_a_skewed_clock_is_clock_skew() {
    let sandbox = sandbox(100).await;
    let wrong = credentials(sandbox::accounts::DEMO_ACCESS_KEY_ID, "wrong-secret");
    let error = tablestore(&sandbox, wrong, false)
        .list_tables()
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::AuthFailed);
    assert_eq!(error.service_code(), Some("OTSAuthFailed"));
    faults(
        &sandbox,
        FaultSettings {
            clock_skew_seconds: 3600,
            ..FaultSettings::default()
        },
    );
    let error = tablestore(&sandbox, demo(), false)
        .list_tables()
        .await
        .expect_err("skew");
    assert_eq!(error.kind(), ErrorKind::ClockSkew, "{error}");
    assert_eq!(error.service_code(), Some("OTSAuthFailed"));
    assert_eq!(
        error.remedy(),
        "Your computer's clock is off by more than 15 minutes. Turn on automatic time setting and try again."
    );
}

#[tokio::test]
async fn an_expired_sts_token_is_credentials_expired() {
    let sandbox = sandbox(100).await;
    let state = sandbox.state();
    let issuer = state
        .accounts
        .authenticate(sandbox::accounts::DEMO_ACCESS_KEY_ID, None, state.now())
        .expect("demo key");
    let sts = state.accounts.issue_sts(
        &issuer,
        "r",
        "s",
        chrono::Duration::seconds(900),
        state.now(),
    );
    let credentials = credentials(&sts.access_key_id, sts.access_key_secret.expose_secret())
        .with_security_token(signing::SecurityToken::new(
            sts.security_token.expose_secret().to_owned(),
        ));
    let client = tablestore(&sandbox, credentials, false);
    client.list_tables().await.expect("a fresh token works");
    faults(
        &sandbox,
        FaultSettings {
            expire_tokens: true,
            ..FaultSettings::default()
        },
    );
    let error = client.list_tables().await.expect_err("expired");
    assert_eq!(error.kind(), ErrorKind::CredentialsExpired, "{error}");
}

#[tokio::test]
async fn busy_answers_are_retried_until_each_call_succeeds() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            busy_rate: 0.5,
            ..FaultSettings::default()
        },
    );
    let client = tablestore(&sandbox, demo(), false);
    let mut counter = AnswerCounter::start(&sandbox);
    for _ in 0..10 {
        client.list_tables().await.expect("retried to success");
    }
    let answers = counter.answers();
    assert!(
        answers > 10,
        "half the answers are busy: {answers} for 10 calls"
    );
}

#[tokio::test]
async fn corrupt_and_truncated_answers_are_response_corrupt() {
    let sandbox = sandbox(100).await;
    let client = tablestore(&sandbox, demo(), false);
    for settings in [
        FaultSettings {
            corrupt_rate: 1.0,
            ..FaultSettings::default()
        },
        FaultSettings {
            truncate_rate: 1.0,
            ..FaultSettings::default()
        },
    ] {
        faults(&sandbox, settings);
        let error = client.list_tables().await.expect_err("damaged");
        assert_eq!(error.kind(), ErrorKind::ResponseCorrupt, "{error}");
    }
}

#[tokio::test]
async fn a_service_slower_than_the_read_timeout_is_a_timeout_and_recovers_when_fast_again() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            // Past the tests' 2 s read timeout (support::settings).
            latency_ms: 2_500,
            operations: vec!["ListTable".into()],
            ..FaultSettings::default()
        },
    );
    let client = tablestore_with(
        &sandbox,
        RetryPolicy {
            max_attempts: 2,
            ..fast_retries()
        },
        &settings(),
    );
    let error = client.list_tables().await.expect_err("too slow");
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    faults(&sandbox, FaultSettings::default());
    assert!(
        client.list_tables().await.is_ok(),
        "answers again once fast"
    );
}

#[tokio::test]
async fn a_throttled_answer_is_retried_after_a_growing_back_off_until_attempts_run_out() {
    let sandbox = sandbox(100).await;
    faults(
        &sandbox,
        FaultSettings {
            busy_rate: 1.0,
            operations: vec!["ListTable".into()],
            ..FaultSettings::default()
        },
    );
    let retry = RetryPolicy {
        max_attempts: 3,
        throttled_base: Duration::from_millis(40),
        base: Duration::from_millis(1),
        max_delay: Duration::from_secs(1),
        ..RetryPolicy::default()
    };
    let client = tablestore_with(&sandbox, retry, &settings());
    let mut counter = AnswerCounter::start(&sandbox);
    let started = Instant::now();
    let error = client.list_tables().await.expect_err("always busy");
    let waited = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Throttled, "{error}");
    assert_eq!(error.service_code(), Some("OTSServerBusy"));
    assert_eq!(counter.answers(), 3, "every attempt reached the service");
    // Two waits of the throttling base doubling (40 ms, 80 ms), each jittered to at least
    // half: only a client that backed off can take this long for three local answers.
    assert!(waited >= Duration::from_millis(60), "{waited:?}");
}

#[tokio::test]
async fn the_byte_budget_stops_reading_after_the_page_that_spends_it() {
    let sandbox = sandbox(12_345).await;
    let client = tablestore(&sandbox, demo(), false);
    let key = primary_key(&sandbox, "orders").await;
    let mut pages: Vec<SampleProgress> = Vec::new();
    client
        .sample_rows(
            "orders",
            &key,
            ALL,
            &SampleControl::default(),
            |_| {},
            |p| pages.push(p),
        )
        .await
        .expect("samples");
    assert_eq!(pages.len(), 3, "{pages:?}");
    let first_page_bytes = pages[0].bytes;

    for (max_bytes, expected) in [
        (1, pages[0]),
        (first_page_bytes, pages[0]),
        (first_page_bytes + 1, pages[1]),
    ] {
        let budget = SampleBudget {
            max_rows: u64::MAX,
            max_bytes,
        };
        let mut counter = AnswerCounter::start(&sandbox);
        let summary = client
            .sample_rows(
                "orders",
                &key,
                budget,
                &SampleControl::default(),
                |_| {},
                |_| {},
            )
            .await
            .expect("samples");
        assert_eq!(summary.progress, expected, "budget {max_bytes}");
        assert!(!summary.reached_end);
        assert_eq!(
            counter.answers(),
            u64::from(expected.pages),
            "no page is asked for past the budget ({max_bytes} bytes)"
        );
    }
}

#[tokio::test]
async fn cancelling_a_sample_whose_page_is_stalled_returns_cancelled_without_waiting_for_it() {
    let sandbox = sandbox(100).await;
    let key = primary_key(&sandbox, "orders").await;
    // Far past the app's 30 s read timeout: without racing the cancel, the sample would wait
    // that long (times the attempts) before noticing.
    faults(
        &sandbox,
        FaultSettings {
            latency_ms: 120_000,
            operations: vec!["GetRange".into()],
            ..FaultSettings::default()
        },
    );
    let client = tablestore_with(
        &sandbox,
        RetryPolicy::default(),
        &HttpSettings::for_app("cloud-clients-tests", "0"),
    );
    let control = SampleControl::default();
    let mut pages = 0;
    let started = Instant::now();
    let sample = client.sample_rows("orders", &key, ALL, &control, |_| {}, |_| pages += 1);
    let cancel = async {
        // Long enough for the page request to be on its way to the stalled sandbox.
        tokio::time::sleep(Duration::from_millis(200)).await;
        control.cancel();
    };
    let (result, ()) = tokio::join!(sample, cancel);
    let took = started.elapsed();
    assert!(
        matches!(result, Err(cloud_clients::ClientError::Cancelled)),
        "{result:?}"
    );
    assert_eq!(pages, 0, "no page ever arrived");
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

// Several workers, as in the app: a page spawned before the cancel is seen could run at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sample_cancelled_before_it_starts_reads_nothing() {
    let sandbox = sandbox(100).await;
    let key = primary_key(&sandbox, "orders").await;
    let client = tablestore(&sandbox, demo(), false);
    let control = SampleControl::default();
    control.cancel();
    let mut rows = 0;
    let mut counter = AnswerCounter::start(&sandbox);
    let result = client
        .sample_rows("orders", &key, ALL, &control, |_| rows += 1, |_| {})
        .await;
    assert!(
        matches!(result, Err(cloud_clients::ClientError::Cancelled)),
        "{result:?}"
    );
    assert_eq!(rows, 0);
    // Nothing was asked of the service either.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(counter.answers(), 0);
}
