//! The account client: who the key belongs to (STS), the delivery service-linked role
//! (ResourceManager), and the Tablestore instances of a region (control plane).

mod call;
mod error_codes;
mod instances;
mod role;

use std::sync::Arc;

use signing::Credentials;

use crate::http::{build_client, HttpSettings};
use crate::{ClientError, Clock, RetryPolicy};

pub use error_codes::classify;
pub use instances::InstanceSummary;
pub use role::{delivery_role_arn, DeliveryRole, DELIVERY_ROLE_NAME, DELIVERY_SERVICE_NAME};

/// The endpoints of the account APIs (base URLs). In the cloud they differ
/// (`https://sts.cn-hangzhou.aliyuncs.com`, `https://resourcemanager.aliyuncs.com`,
/// `https://tablestore.cn-hangzhou.aliyuncs.com`); the sandbox serves all three at one URL.
#[derive(Debug, Clone)]
pub struct AccountEndpoints {
    pub sts: String,
    pub resource_manager: String,
    pub tablestore_control: String,
}

impl AccountEndpoints {
    /// The public endpoints for `region`.
    pub fn cloud(region: &str) -> Self {
        Self {
            sts: format!("https://sts.{region}.aliyuncs.com"),
            resource_manager: "https://resourcemanager.aliyuncs.com".to_owned(),
            tablestore_control: format!("https://tablestore.{region}.aliyuncs.com"),
        }
    }

    /// One URL for everything (the sandbox, a test server).
    pub fn single(url: &str) -> Self {
        Self {
            sts: url.to_owned(),
            resource_manager: url.to_owned(),
            tablestore_control: url.to_owned(),
        }
    }
}

/// Who a key belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerIdentity {
    pub account_id: String,
    pub arn: String,
    pub identity_type: Option<String>,
    pub user_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AccountClient {
    endpoints: AccountEndpoints,
    credentials: Credentials,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    retry: RetryPolicy,
}

impl AccountClient {
    pub fn new(
        endpoints: AccountEndpoints,
        credentials: Credentials,
        settings: &HttpSettings,
        clock: Arc<dyn Clock>,
        retry: RetryPolicy,
    ) -> Result<Self, ClientError> {
        Ok(Self {
            endpoints,
            credentials,
            http: build_client(settings)?,
            clock,
            retry,
        })
    }

    /// STS GetCallerIdentity: needs no permission, so it proves the key works.
    pub async fn caller_identity(&self) -> Result<CallerIdentity, ClientError> {
        let json = self
            .rpc(
                crate::Service::Sts,
                &self.endpoints.sts,
                "GetCallerIdentity",
                "2015-04-01",
                &[],
                crate::retry::Idempotency::Idempotent,
            )
            .await?;
        let text = |name: &str| json.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        Ok(CallerIdentity {
            account_id: text("AccountId").ok_or_else(|| missing("AccountId"))?,
            arn: text("Arn").ok_or_else(|| missing("Arn"))?,
            identity_type: text("IdentityType"),
            user_id: text("UserId"),
        })
    }
}

fn missing(field: &str) -> ClientError {
    ClientError::ResponseCorrupt {
        service: crate::Service::Sts,
        detail: format!("the answer has no {field}"),
        request_id: None,
    }
}
