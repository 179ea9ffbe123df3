//! The service-linked role Tablestore delivery writes to OSS with. The service accepts a task
//! whose role is missing and only reports it later, so the app checks (and offers to create)
//! the role first.

use super::AccountClient;
use crate::retry::Idempotency;
use crate::{ClientError, ErrorKind, Service};

pub const DELIVERY_ROLE_NAME: &str = "AliyunServiceRoleForOTSDataDelivery";
pub const DELIVERY_SERVICE_NAME: &str = "datadelivery.ots.aliyuncs.com";
const RESOURCE_MANAGER_VERSION: &str = "2020-03-31";

/// The ARN delivery expects for `account_id` (role part lower-cased).
pub fn delivery_role_arn(account_id: &str) -> String {
    format!(
        "acs:ram::{account_id}:role/{}",
        DELIVERY_ROLE_NAME.to_ascii_lowercase()
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRole {
    pub name: String,
    pub arn: String,
}

impl AccountClient {
    /// The delivery role if it exists; `None` when the account has none yet.
    pub async fn delivery_role(&self) -> Result<Option<DeliveryRole>, ClientError> {
        let answer = self
            .rpc(
                Service::ResourceManager,
                &self.endpoints.resource_manager,
                "GetRole",
                RESOURCE_MANAGER_VERSION,
                &[("RoleName", DELIVERY_ROLE_NAME)],
                Idempotency::Idempotent,
            )
            .await;
        match answer {
            Ok(json) => role_from(&json).map(Some),
            Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Creates the delivery role (needs `ram:CreateServiceLinkedRole`).
    pub async fn create_delivery_role(&self) -> Result<DeliveryRole, ClientError> {
        let answer = self
            .rpc(
                Service::ResourceManager,
                &self.endpoints.resource_manager,
                "CreateServiceLinkedRole",
                RESOURCE_MANAGER_VERSION,
                &[("ServiceName", DELIVERY_SERVICE_NAME)],
                Idempotency::NotIdempotent,
            )
            .await;
        match answer {
            Ok(json) => role_from(&json),
            // A lost answer to an earlier attempt may have created it: that is success.
            Err(error) if error.kind() == ErrorKind::AlreadyExists => {
                self.delivery_role().await?.ok_or(error)
            }
            Err(error) => Err(error),
        }
    }
}

fn role_from(json: &serde_json::Value) -> Result<DeliveryRole, ClientError> {
    let role = json.get("Role");
    let text = |name: &str| {
        role.and_then(|r| r.get(name))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    match (text("RoleName"), text("Arn")) {
        (Some(name), Some(arn)) => Ok(DeliveryRole { name, arn }),
        _ => Err(ClientError::ResponseCorrupt {
            service: Service::ResourceManager,
            detail: "the answer has no Role.RoleName and Role.Arn".to_owned(),
            request_id: json
                .get("RequestId")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delivery_role_arn_lower_cases_the_role_name() {
        assert_eq!(
            delivery_role_arn("1234567890123456"),
            "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"
        );
    }
}
