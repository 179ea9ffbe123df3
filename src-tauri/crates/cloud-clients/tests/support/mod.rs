//! A sandbox per test and clients pointed at it.
#![allow(dead_code)] // each test file uses a different part

use std::sync::Arc;
use std::time::Duration;

use cloud_clients::account::{AccountClient, AccountEndpoints};
use cloud_clients::oss::{OssClient, OssConfig};
use cloud_clients::tablestore::{TablestoreClient, TablestoreConfig};
use cloud_clients::{HttpSettings, RetryPolicy, SystemClock};
use sandbox::accounts::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET};
use sandbox::faults::FaultSettings;
use sandbox::{Sandbox, SandboxConfig};
use signing::{AccessKeyId, Credentials, Secret};

pub async fn sandbox(rows: u32) -> Sandbox {
    Sandbox::start(SandboxConfig {
        large_table_rows: rows,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts")
}

pub fn credentials(id: &str, secret: &str) -> Credentials {
    Credentials::new(
        AccessKeyId::parse(id).expect("key id"),
        Secret::new(secret.to_owned()),
    )
}

pub fn demo() -> Credentials {
    credentials(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
}

/// Retries quickly, so tests of the retry path do not sleep for seconds.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 6,
        throttled_base: Duration::from_millis(2),
        base: Duration::from_millis(2),
        max_delay: Duration::from_millis(10),
    }
}

pub fn settings() -> HttpSettings {
    HttpSettings {
        read_timeout: Duration::from_secs(2),
        ..HttpSettings::for_app("cloud-clients-tests", "0")
    }
}

pub fn tablestore(sandbox: &Sandbox, credentials: Credentials, region: bool) -> TablestoreClient {
    TablestoreClient::new(
        TablestoreConfig {
            endpoint: sandbox.endpoints().tablestore.clone(),
            instance: sandbox.state().instance.clone(),
            region: region.then(|| sandbox.state().region.clone()),
            credentials,
        },
        &settings(),
        Arc::new(SystemClock),
        fast_retries(),
    )
    .expect("client")
}

pub fn oss(sandbox: &Sandbox, credentials: Credentials, v4: bool) -> OssClient {
    OssClient::new(
        OssConfig {
            endpoint: sandbox.endpoints().oss.clone(),
            region: v4.then(|| sandbox.state().region.clone()),
            credentials,
        },
        &settings(),
        Arc::new(SystemClock),
        fast_retries(),
    )
    .expect("client")
}

pub fn account(sandbox: &Sandbox, credentials: Credentials) -> AccountClient {
    AccountClient::new(
        AccountEndpoints::single(&sandbox.endpoints().openapi),
        credentials,
        &settings(),
        Arc::new(SystemClock),
        fast_retries(),
    )
    .expect("client")
}

pub fn faults(sandbox: &Sandbox, settings: FaultSettings) {
    sandbox.state().apply_faults(settings);
}
