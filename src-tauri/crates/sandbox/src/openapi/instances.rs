//! The Tablestore control plane (2020-12-09, ROA): the region's instances for the picker.
//! Only the sandbox's own instance serves data; the others exist so lists have something to
//! page through and filter.

use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Value};

use super::error::ApiError;
use super::params::Params;
use crate::accounts::DEMO_ACCOUNT_ID;
use crate::SandboxConfig;

/// `MaxResults` absent or 0 means this many.
const DEFAULT_PAGE: usize = 100;
const MAX_PAGE: i64 = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub name: String,
    pub region: String,
    /// `normal`, `forbidden` or `Deleting`, spelled as the service returns them.
    pub status: &'static str,
    pub storage: &'static str,
    pub payment: &'static str,
    pub created: &'static str,
    pub description: &'static str,
}

/// The instance the sandbox serves plus two neighbours in the same region, sorted by name as
/// the service lists them.
pub fn seed(config: &SandboxConfig) -> Vec<Instance> {
    let instance = |name: &str, status, storage, payment, created, description| Instance {
        name: name.to_owned(),
        region: config.region.clone(),
        status,
        storage,
        payment,
        created,
        description,
    };
    let mut all = vec![
        instance(
            &config.instance,
            "normal",
            "SSD",
            "PayAsYouGo",
            "2024-04-22T06:24:52Z",
            "Sandbox instance with the sample tables",
        ),
        instance(
            "sandbox-archive",
            "normal",
            "HYBRID",
            "Subscription",
            "2023-09-01T02:00:00Z",
            "Capacity instance (listed only; serves no data)",
        ),
        instance(
            "sandbox-retired",
            "forbidden",
            "HYBRID",
            "PayAsYouGo",
            "2022-03-15T08:30:00Z",
            "Disabled instance (listed only; serves no data)",
        ),
    ];
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all.dedup_by(|a, b| a.name == b.name);
    all
}

impl Instance {
    fn summary(&self) -> Value {
        json!({
            "InstanceName": self.name,
            "RegionId": self.region,
            "InstanceStatus": self.status,
            "InstanceSpecification": self.storage,
            "StorageType": self.storage,
            "PaymentType": self.payment,
            "CreateTime": self.created,
            "AliasName": self.name,
            "InstanceDescription": self.description,
            "SPInstanceId": format!("ots_standard_public_{}-{}", self.region, self.name),
            "UserId": DEMO_ACCOUNT_ID,
            "ResourceGroupId": "rg-sandboxdefault",
            "IsMultiAZ": false,
            "VCUQuota": 0,
            "Tags": [],
        })
    }

    fn details(&self) -> Value {
        let mut value = self.summary();
        let extra = json!({
            "ElasticVCUUpperLimit": 0,
            "TableQuota": 64,
            "Network": "NORMAL",
            "NetworkTypeACL": ["CLASSIC", "INTERNET", "VPC"],
            "NetworkSourceACL": ["TRUST_PROXY"],
            "Policy": "",
            "PolicyVersion": 0,
        });
        if let (Some(target), Value::Object(extra)) = (value.as_object_mut(), extra) {
            target.extend(extra);
        }
        value
    }
}

/// `GET /v2/openapi/listinstances`: filters, then pages in name order; `NextToken` names
/// the first instance of the next page.
pub fn list(instances: &[Instance], params: &Params) -> Result<Value, ApiError> {
    let page = match params.integer("MaxResults")? {
        None | Some(0) => DEFAULT_PAGE,
        Some(n) if (1..=MAX_PAGE).contains(&n) => usize::try_from(n).unwrap_or(DEFAULT_PAGE),
        Some(_) => return Err(ApiError::invalid("MaxResults", "use 0 to 200")),
    };
    let start = params
        .get("NextToken")
        .map(|token| {
            URL_SAFE_NO_PAD
                .decode(token)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .ok_or_else(|| {
                    ApiError::invalid("NextToken", "pass the NextToken of the previous page")
                })
        })
        .transpose()?;
    let status = params.get("Status").map(str::to_ascii_lowercase);
    if let Some(status) = &status {
        if !["normal", "forbidden", "deleting"].contains(&status.as_str()) {
            return Err(ApiError::invalid(
                "Status",
                "use normal, forbidden or deleting",
            ));
        }
    }
    let fuzzy = params.get("InstanceName");
    let exact: Option<Vec<&str>> = params
        .get("InstanceNameList")
        .map(|list| list.split(',').map(str::trim).collect());
    let matching: Vec<&Instance> = instances
        .iter()
        .filter(|i| {
            status
                .as_deref()
                .is_none_or(|s| i.status.eq_ignore_ascii_case(s))
        })
        .filter(|i| fuzzy.is_none_or(|f| i.name.contains(f)))
        .filter(|i| {
            exact
                .as_ref()
                .is_none_or(|names| names.contains(&i.name.as_str()))
        })
        .collect();
    let from = start.as_deref().map_or(0, |first| {
        matching.partition_point(|i| i.name.as_str() < first)
    });
    let shown: Vec<Value> = matching[from..]
        .iter()
        .take(page)
        .map(|i| i.summary())
        .collect();
    let next_token = matching
        .get(from + page)
        .map(|next| URL_SAFE_NO_PAD.encode(next.name.as_bytes()))
        .unwrap_or_default();
    Ok(json!({
        "TotalCount": matching.len(),
        "NextToken": next_token,
        "Instances": shown,
    }))
}

/// `GET /v2/openapi/getinstance?InstanceName=`.
pub fn get(instances: &[Instance], params: &Params) -> Result<Value, ApiError> {
    let name = params.require("InstanceName")?;
    instances
        .iter()
        .find(|i| i.name == name)
        .map(Instance::details)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "InstanceNotFound",
                format!("The instance {name} does not exist in this region."),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instances() -> Vec<Instance> {
        seed(&SandboxConfig::default())
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        )
    }

    fn names(answer: &Value) -> Vec<&str> {
        answer["Instances"]
            .as_array()
            .expect("array")
            .iter()
            .map(|i| i["InstanceName"].as_str().expect("name"))
            .collect()
    }

    #[test]
    fn the_seed_holds_the_served_instance_and_two_neighbours_in_name_order() {
        let all = instances();
        let listed: Vec<&str> = all.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            listed,
            ["sandbox-archive", "sandbox-demo", "sandbox-retired"]
        );
        assert!(all.iter().all(|i| i.region == "cn-hangzhou"));
    }

    #[test]
    fn pages_follow_the_next_token_until_it_is_empty() {
        let all = instances();
        let first = list(&all, &params(&[("MaxResults", "2")])).expect("lists");
        assert_eq!(names(&first), ["sandbox-archive", "sandbox-demo"]);
        assert_eq!(first["TotalCount"], 3);
        let token = first["NextToken"].as_str().expect("token").to_owned();
        let second =
            list(&all, &params(&[("MaxResults", "2"), ("NextToken", &token)])).expect("lists");
        assert_eq!(names(&second), ["sandbox-retired"]);
        assert_eq!(second["NextToken"], "");
    }

    #[test]
    fn every_page_size_visits_each_instance_once_in_order() {
        let all = instances();
        for size in 1..=4 {
            let mut seen = Vec::new();
            let mut token = String::new();
            loop {
                let size_text = size.to_string();
                let mut pairs = vec![("MaxResults", size_text.as_str())];
                if !token.is_empty() {
                    pairs.push(("NextToken", token.as_str()));
                }
                let page = list(&all, &params(&pairs)).expect("lists");
                seen.extend(names(&page).into_iter().map(str::to_owned));
                token = page["NextToken"].as_str().expect("token").to_owned();
                if token.is_empty() {
                    break;
                }
            }
            assert_eq!(
                seen,
                ["sandbox-archive", "sandbox-demo", "sandbox-retired"],
                "page size {size}"
            );
        }
    }

    #[test]
    fn status_and_fuzzy_name_filter_the_list() {
        let all = instances();
        let forbidden = list(&all, &params(&[("Status", "forbidden")])).expect("lists");
        assert_eq!(names(&forbidden), ["sandbox-retired"]);
        let demo = list(&all, &params(&[("InstanceName", "demo")])).expect("lists");
        assert_eq!(names(&demo), ["sandbox-demo"]);
    }

    #[test]
    fn out_of_range_page_size_and_forged_tokens_are_refused() {
        let all = instances();
        assert_eq!(
            list(&all, &params(&[("MaxResults", "201")]))
                .expect_err("refused")
                .code,
            "InvalidParameter.MaxResults"
        );
        assert_eq!(
            list(&all, &params(&[("NextToken", "%%%")]))
                .expect_err("refused")
                .code,
            "InvalidParameter.NextToken"
        );
    }

    #[test]
    fn get_instance_returns_details_or_not_found() {
        let all = instances();
        let found = get(&all, &params(&[("InstanceName", "sandbox-demo")])).expect("found");
        assert_eq!(found["RegionId"], "cn-hangzhou");
        assert_eq!(found["Network"], "NORMAL");
        let missing = get(&all, &params(&[("InstanceName", "nope")])).expect_err("refused");
        assert_eq!(
            (missing.status.as_u16(), missing.code.as_str()),
            (404, "InstanceNotFound")
        );
    }
}
