//! The Tablestore instances of a region, from the control-plane OpenAPI (ROA style).

use super::AccountClient;
use crate::{ClientError, Service};

const CONTROL_VERSION: &str = "2020-12-09";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceSummary {
    pub name: String,
    pub region: String,
    pub status: String,
    pub description: Option<String>,
    pub create_time: Option<String>,
}

impl AccountClient {
    /// Every instance of the control endpoint's region, across pages.
    pub async fn list_instances(&self) -> Result<Vec<InstanceSummary>, ClientError> {
        let mut instances = Vec::new();
        let mut token = String::new();
        loop {
            let mut params = vec![("MaxResults", "100")];
            if !token.is_empty() {
                params.push(("NextToken", token.as_str()));
            }
            let json = self
                .roa_get(
                    Service::TablestoreControl,
                    &self.endpoints.tablestore_control,
                    "/v2/openapi/listinstances",
                    "ListInstances",
                    CONTROL_VERSION,
                    &params,
                )
                .await?;
            let page = json
                .get("Instances")
                .and_then(|v| v.as_array())
                .ok_or_else(|| corrupt("the answer has no Instances list"))?;
            for item in page {
                instances.push(instance_from(item)?);
            }
            match json.get("NextToken").and_then(|v| v.as_str()) {
                Some(next) if !next.is_empty() => next.clone_into(&mut token),
                _ => return Ok(instances),
            }
        }
    }

    pub async fn get_instance(&self, name: &str) -> Result<InstanceSummary, ClientError> {
        let json = self
            .roa_get(
                Service::TablestoreControl,
                &self.endpoints.tablestore_control,
                "/v2/openapi/getinstance",
                "GetInstance",
                CONTROL_VERSION,
                &[("InstanceName", name)],
            )
            .await?;
        instance_from(&json)
    }
}

fn instance_from(item: &serde_json::Value) -> Result<InstanceSummary, ClientError> {
    let text = |name: &str| item.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    Ok(InstanceSummary {
        name: text("InstanceName").ok_or_else(|| corrupt("an instance has no InstanceName"))?,
        region: text("RegionId").unwrap_or_default(),
        status: text("InstanceStatus").unwrap_or_default(),
        description: text("InstanceDescription").filter(|d| !d.is_empty()),
        create_time: text("CreateTime"),
    })
}

fn corrupt(detail: &str) -> ClientError {
    ClientError::ResponseCorrupt {
        service: Service::TablestoreControl,
        detail: detail.to_owned(),
        request_id: None,
    }
}
