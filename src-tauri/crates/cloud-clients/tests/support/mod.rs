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
        // Service hints are honoured as in the app (the sandbox's OpenAPI asks for 1 s).
        ..RetryPolicy::default()
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

/// The demo key's account client with its own retry policy.
pub fn account_with_retries(sandbox: &Sandbox, retry: RetryPolicy) -> AccountClient {
    AccountClient::new(
        AccountEndpoints::single(&sandbox.endpoints().openapi),
        demo(),
        &settings(),
        Arc::new(SystemClock),
        retry,
    )
    .expect("client")
}

pub fn faults(sandbox: &Sandbox, settings: FaultSettings) {
    sandbox.state().apply_faults(settings);
}

/// Counts the answers the sandbox gives, to count a client's attempts.
///
/// Every answer the sandbox gives (any service, error answers included) takes the next number
/// of its request-ID counter, the last group of a Tablestore-shaped ID. Reading the count takes
/// a number too; the counter leaves its own reads out.
pub struct AnswerCounter<'a> {
    sandbox: &'a Sandbox,
    start: u64,
    reads: u64,
}

impl<'a> AnswerCounter<'a> {
    pub fn start(sandbox: &'a Sandbox) -> Self {
        Self {
            sandbox,
            start: next_request_number(sandbox),
            reads: 0,
        }
    }

    /// Answers given since `start`.
    pub fn answers(&mut self) -> u64 {
        let now = next_request_number(self.sandbox);
        self.reads += 1;
        now - self.start - self.reads
    }
}

fn next_request_number(sandbox: &Sandbox) -> u64 {
    let id = sandbox.state().request_ids.tablestore();
    let counter = id.rsplit('-').next().expect("a request ID has groups");
    u64::from_str_radix(counter, 16).expect("the counter group is hex")
}

/// A Tablestore client with its own retry policy and HTTP settings.
pub fn tablestore_with(
    sandbox: &Sandbox,
    retry: RetryPolicy,
    http: &HttpSettings,
) -> TablestoreClient {
    TablestoreClient::new(
        TablestoreConfig {
            endpoint: sandbox.endpoints().tablestore.clone(),
            instance: sandbox.state().instance.clone(),
            region: None,
            credentials: demo(),
        },
        http,
        Arc::new(SystemClock),
        retry,
    )
    .expect("client")
}
