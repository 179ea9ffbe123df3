//! The Tablestore data-plane client: tables, their schema, sampling rows.

mod call;
mod delivery_tasks;
mod error_codes;
mod sample;
mod tables;

use std::sync::Arc;

use signing::Credentials;

use crate::http::{build_client, HttpSettings};
use crate::{ClientError, Clock, RetryPolicy};

pub use call::CallMeta;
pub use delivery_tasks::{to_proto, CreateOutcome, DeliveryTaskSummary};
pub use error_codes::classify;
pub use sample::{SampleBudget, SampleControl, SampleProgress, SampleSummary};
pub use tables::{ColumnType, DefinedColumn, PrimaryKeyColumn, PrimaryKeyType, TableDescription};

/// Where and as whom to call one instance.
#[derive(Debug, Clone)]
pub struct TablestoreConfig {
    /// Base URL, e.g. `https://my-inst.cn-hangzhou.ots.aliyuncs.com` or a sandbox URL.
    pub endpoint: String,
    pub instance: String,
    /// With a region, requests use the V4 signature; without, V2 (as the Python SDK).
    pub region: Option<String>,
    pub credentials: Credentials,
}

#[derive(Debug, Clone)]
pub struct TablestoreClient {
    config: TablestoreConfig,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    retry: RetryPolicy,
}

impl TablestoreClient {
    pub fn new(
        config: TablestoreConfig,
        settings: &HttpSettings,
        clock: Arc<dyn Clock>,
        retry: RetryPolicy,
    ) -> Result<Self, ClientError> {
        Ok(Self {
            config,
            http: build_client(settings)?,
            clock,
            retry,
        })
    }

    pub fn instance(&self) -> &str {
        &self.config.instance
    }
}
