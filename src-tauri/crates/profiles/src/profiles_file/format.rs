//! The JSON layout of `profiles.json`, version 1, and its conversion to the checked model.
//!
//! The layout has no field that could hold a secret: secrets live in the keyring only.
//! Reading re-parses every value with the same rules the forms use, so a hand-edited file with
//! a bad value is reported as unreadable instead of reaching a client.

use serde::{Deserialize, Serialize};

use crate::credential_fields::parse_access_key_id;
use crate::endpoint::{Endpoint, EndpointService};
use crate::profile::{CustomEndpoints, StoredProfile};
use crate::{InstanceName, ProfileError, ProfileName, Region};

/// The format this build writes and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileV1 {
    pub version: u32,
    pub profiles: Vec<ProfileV1>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileV1 {
    pub name: String,
    pub access_key_id: String,
    pub region: String,
    pub instance_name: String,
    #[serde(default)]
    pub endpoints: EndpointsV1,
    #[serde(default)]
    pub has_security_token: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointsV1 {
    pub tablestore: Option<String>,
    pub oss: Option<String>,
    pub sts: Option<String>,
}

impl From<&StoredProfile> for ProfileV1 {
    fn from(profile: &StoredProfile) -> Self {
        let text = |endpoint: &Option<Endpoint>| endpoint.as_ref().map(|e| e.as_str().to_owned());
        Self {
            name: profile.name.as_str().to_owned(),
            access_key_id: profile.access_key_id.as_str().to_owned(),
            region: profile.region.as_str().to_owned(),
            instance_name: profile.instance_name.as_str().to_owned(),
            endpoints: EndpointsV1 {
                tablestore: text(&profile.endpoints.tablestore),
                oss: text(&profile.endpoints.oss),
                sts: text(&profile.endpoints.sts),
            },
            has_security_token: profile.has_security_token,
        }
    }
}

impl ProfileV1 {
    pub fn into_profile(self) -> Result<StoredProfile, ProfileError> {
        let endpoint = |service, value: Option<String>| {
            value
                .map(|text| Endpoint::parse(service, &text))
                .transpose()
        };
        Ok(StoredProfile {
            name: ProfileName::parse(&self.name)?,
            access_key_id: parse_access_key_id(&self.access_key_id)?,
            region: Region::parse(&self.region)?,
            instance_name: InstanceName::parse(&self.instance_name)?,
            endpoints: CustomEndpoints {
                tablestore: endpoint(EndpointService::Tablestore, self.endpoints.tablestore)?,
                oss: endpoint(EndpointService::Oss, self.endpoints.oss)?,
                sts: endpoint(EndpointService::Sts, self.endpoints.sts)?,
            },
            has_security_token: self.has_security_token,
        })
    }
}
