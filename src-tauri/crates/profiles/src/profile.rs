//! The parsed profile: what is stored in the JSON file, what a new profile brings, and what an
//! update changes. Secrets appear only in `NewProfile` and `ProfileUpdate`, as `signing` types.

use signing::{AccessKeyId, Secret, SecurityToken};

use crate::endpoint::{Endpoint, EndpointService};
use crate::{InstanceName, ProfileName, Region};

/// Endpoints that replace the public defaults, e.g. to reach a VPC address or the sandbox.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomEndpoints {
    pub tablestore: Option<Endpoint>,
    pub oss: Option<Endpoint>,
    pub sts: Option<Endpoint>,
}

impl CustomEndpoints {
    pub fn get(&self, service: EndpointService) -> Option<&Endpoint> {
        match service {
            EndpointService::Tablestore => self.tablestore.as_ref(),
            EndpointService::Oss => self.oss.as_ref(),
            EndpointService::Sts => self.sts.as_ref(),
        }
    }
}

/// The endpoints a client should use: the custom ones where set, else the public defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEndpoints {
    pub tablestore: Endpoint,
    pub oss: Endpoint,
    pub sts: Endpoint,
}

impl ResolvedEndpoints {
    /// Public endpoints (spec: tablestore.md §1, oss.md §1.1, account.md §1.1), overridden by
    /// any custom ones.
    pub fn resolve(region: &Region, instance: &InstanceName, custom: &CustomEndpoints) -> Self {
        let public = |service, url: String| {
            Endpoint::parse(service, &url)
                .expect("public endpoints built from parsed parts are valid")
        };
        Self {
            tablestore: custom.tablestore.clone().unwrap_or_else(|| {
                public(
                    EndpointService::Tablestore,
                    format!(
                        "https://{}.{region}.ots.aliyuncs.com",
                        instance.as_str().to_ascii_lowercase()
                    ),
                )
            }),
            oss: custom.oss.clone().unwrap_or_else(|| {
                public(
                    EndpointService::Oss,
                    format!("https://oss-{region}.aliyuncs.com"),
                )
            }),
            sts: custom.sts.clone().unwrap_or_else(|| {
                public(
                    EndpointService::Sts,
                    format!("https://sts.{region}.aliyuncs.com"),
                )
            }),
        }
    }
}

/// Everything about a stored profile except its secrets; exactly what the JSON file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProfile {
    pub name: ProfileName,
    pub access_key_id: AccessKeyId,
    pub region: Region,
    pub instance_name: InstanceName,
    pub endpoints: CustomEndpoints,
    /// Whether a security-token entry belongs to this profile (temporary credentials).
    pub has_security_token: bool,
}

impl StoredProfile {
    pub fn resolved_endpoints(&self) -> ResolvedEndpoints {
        ResolvedEndpoints::resolve(&self.region, &self.instance_name, &self.endpoints)
    }
}

/// A profile about to be created. Build it with [`crate::NewProfileRequest::parse`] or by hand.
#[derive(Debug, Clone)]
pub struct NewProfile {
    pub name: ProfileName,
    pub access_key_id: AccessKeyId,
    pub access_key_secret: Secret,
    pub security_token: Option<SecurityToken>,
    pub region: Region,
    pub instance_name: InstanceName,
    pub endpoints: CustomEndpoints,
}

/// What to do with the security token on update.
#[derive(Debug, Clone, Default)]
pub enum TokenChange {
    #[default]
    Keep,
    Replace(SecurityToken),
    Remove,
}

/// Changes to a stored profile; `None` keeps a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProfileUpdate {
    pub rename_to: Option<ProfileName>,
    pub access_key_id: Option<AccessKeyId>,
    pub access_key_secret: Option<Secret>,
    pub security_token: TokenChange,
    pub region: Option<Region>,
    pub instance_name: Option<InstanceName>,
    pub endpoints: Option<CustomEndpoints>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_endpoints_follow_the_public_naming_and_custom_ones_win() {
        let region = Region::parse("cn-hangzhou").expect("region");
        let instance = InstanceName::parse("MyInst").expect("instance");
        let defaults = ResolvedEndpoints::resolve(&region, &instance, &CustomEndpoints::default());
        assert_eq!(
            defaults.tablestore.as_str(),
            "https://myinst.cn-hangzhou.ots.aliyuncs.com"
        );
        assert_eq!(
            defaults.oss.as_str(),
            "https://oss-cn-hangzhou.aliyuncs.com"
        );
        assert_eq!(
            defaults.sts.as_str(),
            "https://sts.cn-hangzhou.aliyuncs.com"
        );

        let custom = CustomEndpoints {
            oss: Some(Endpoint::parse(EndpointService::Oss, "http://127.0.0.1:9000").expect("ep")),
            ..CustomEndpoints::default()
        };
        let mixed = ResolvedEndpoints::resolve(&region, &instance, &custom);
        assert_eq!(mixed.oss.as_str(), "http://127.0.0.1:9000");
        assert_eq!(mixed.sts, defaults.sts);
    }
}
