//! Raw form input as it arrives over IPC, and its parsing into the checked model.
//!
//! These are the only types in the crate that hold a secret as a plain `String`, because serde
//! has to put it somewhere. They zeroise it on drop, redact it in `Debug`, have no `Serialize`,
//! and `parse` moves it into `signing::Secret` at once.

use std::fmt;

use serde::Deserialize;
use ts_rs::TS;
use zeroize::Zeroize;

use crate::credential_fields::{
    credentials, parse_access_key_id, parse_access_key_secret, parse_security_token,
};
use crate::endpoint::{Endpoint, EndpointService};
use crate::profile::{CustomEndpoints, NewProfile, ProfileUpdate, TokenChange};
use crate::{InstanceName, ProfileError, ProfileName, Region};

/// Custom endpoints as typed; an empty or missing value means "use the public default".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EndpointsInput {
    pub tablestore: Option<String>,
    pub oss: Option<String>,
    pub sts: Option<String>,
}

impl EndpointsInput {
    pub fn parse(&self) -> Result<CustomEndpoints, ProfileError> {
        let one = |service, value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(|text| Endpoint::parse(service, text))
                .transpose()
        };
        Ok(CustomEndpoints {
            tablestore: one(EndpointService::Tablestore, &self.tablestore)?,
            oss: one(EndpointService::Oss, &self.oss)?,
            sts: one(EndpointService::Sts, &self.sts)?,
        })
    }
}

/// The "new profile" form.
#[derive(Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewProfileRequest {
    pub name: String,
    pub access_key_id: String,
    pub access_key_secret: String,
    #[serde(default)]
    pub security_token: Option<String>,
    pub region: String,
    pub instance_name: String,
    #[serde(default)]
    pub endpoints: EndpointsInput,
}

impl NewProfileRequest {
    /// Checks every field; the error names the first field that is wrong.
    pub fn parse(mut self) -> Result<NewProfile, ProfileError> {
        let name = ProfileName::parse(self.name.trim())?;
        let access_key_id = parse_access_key_id(&self.access_key_id)?;
        let access_key_secret =
            parse_access_key_secret(std::mem::take(&mut self.access_key_secret))?;
        let security_token = take_token(&mut self.security_token)?;
        let region = Region::parse(self.region.trim())?;
        let instance_name = InstanceName::parse(self.instance_name.trim())?;
        let endpoints = self.endpoints.parse()?;
        let checked = credentials(access_key_id, access_key_secret, security_token)?;
        Ok(NewProfile {
            name,
            access_key_id: checked.access_key_id,
            access_key_secret: checked.access_key_secret,
            security_token: checked.security_token,
            region,
            instance_name,
            endpoints,
        })
    }
}

/// The "edit profile" form; a missing field keeps its current value.
#[derive(Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProfileUpdateRequest {
    #[serde(default)]
    pub rename_to: Option<String>,
    #[serde(default)]
    pub access_key_id: Option<String>,
    /// A new secret; leave empty to keep the stored one.
    #[serde(default)]
    pub access_key_secret: Option<String>,
    /// A new token; leave empty to keep the stored one.
    #[serde(default)]
    pub security_token: Option<String>,
    /// Drops the stored token (switching to a long-term key).
    #[serde(default)]
    pub remove_security_token: bool,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub instance_name: Option<String>,
    #[serde(default)]
    pub endpoints: Option<EndpointsInput>,
}

impl ProfileUpdateRequest {
    pub fn parse(mut self) -> Result<ProfileUpdate, ProfileError> {
        let non_empty = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        let access_key_secret = match self.access_key_secret.take() {
            Some(text) if !text.trim().is_empty() => Some(parse_access_key_secret(text)?),
            Some(mut blank) => {
                blank.zeroize();
                None
            }
            None => None,
        };
        let security_token = match (
            take_token(&mut self.security_token)?,
            self.remove_security_token,
        ) {
            (Some(token), _) => TokenChange::Replace(token),
            (None, true) => TokenChange::Remove,
            (None, false) => TokenChange::Keep,
        };
        Ok(ProfileUpdate {
            rename_to: non_empty(&self.rename_to)
                .map(|text| ProfileName::parse(&text))
                .transpose()?,
            access_key_id: non_empty(&self.access_key_id)
                .map(|text| parse_access_key_id(&text))
                .transpose()?,
            access_key_secret,
            security_token,
            region: non_empty(&self.region)
                .map(|text| Region::parse(&text))
                .transpose()?,
            instance_name: non_empty(&self.instance_name)
                .map(|text| InstanceName::parse(&text))
                .transpose()?,
            endpoints: self
                .endpoints
                .as_ref()
                .map(EndpointsInput::parse)
                .transpose()?,
        })
    }
}

/// An empty token field means "no token".
fn take_token(slot: &mut Option<String>) -> Result<Option<signing::SecurityToken>, ProfileError> {
    match slot.take() {
        Some(text) if !text.trim().is_empty() => parse_security_token(text).map(Some),
        Some(mut blank) => {
            blank.zeroize();
            Ok(None)
        }
        None => Ok(None),
    }
}

impl Drop for NewProfileRequest {
    fn drop(&mut self) {
        self.access_key_secret.zeroize();
        if let Some(token) = self.security_token.as_mut() {
            token.zeroize();
        }
    }
}

impl Drop for ProfileUpdateRequest {
    fn drop(&mut self) {
        if let Some(secret) = self.access_key_secret.as_mut() {
            secret.zeroize();
        }
        if let Some(token) = self.security_token.as_mut() {
            token.zeroize();
        }
    }
}

impl fmt::Debug for NewProfileRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewProfileRequest")
            .field("name", &self.name)
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"***")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "***"),
            )
            .field("region", &self.region)
            .field("instance_name", &self.instance_name)
            .field("endpoints", &self.endpoints)
            .finish()
    }
}

impl fmt::Debug for ProfileUpdateRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileUpdateRequest")
            .field("rename_to", &self.rename_to)
            .field("access_key_id", &self.access_key_id)
            .field(
                "access_key_secret",
                &self.access_key_secret.as_ref().map(|_| "***"),
            )
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "***"),
            )
            .field("remove_security_token", &self.remove_security_token)
            .field("region", &self.region)
            .field("instance_name", &self.instance_name)
            .field("endpoints", &self.endpoints)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "TestSecretValue0123456789abcde";

    fn request_json() -> serde_json::Value {
        serde_json::json!({
            "name": "prod",
            "accessKeyId": "LTAI5tAbCdEfGhIjKlMnOpQr",
            "accessKeySecret": SECRET,
            "region": "cn-hangzhou",
            "instanceName": "my-inst",
            "endpoints": { "tablestore": "", "oss": "https://oss.example.com" }
        })
    }

    #[test]
    fn a_complete_form_parses_into_a_new_profile() {
        let request: NewProfileRequest = serde_json::from_value(request_json()).expect("json");
        let profile = request.parse().expect("valid");
        assert_eq!(profile.name.as_str(), "prod");
        assert_eq!(profile.access_key_secret.expose_secret(), SECRET);
        assert!(profile.security_token.is_none());
        assert_eq!(profile.endpoints.tablestore, None);
        assert_eq!(
            profile.endpoints.oss.map(|e| e.as_str().to_owned()),
            Some("https://oss.example.com".to_owned())
        );
    }

    #[test]
    fn the_request_debug_output_hides_the_secret() {
        let request: NewProfileRequest = serde_json::from_value(request_json()).expect("json");
        let debug = format!("{request:?}");
        assert!(!debug.contains(SECRET), "{debug}");
        assert!(debug.contains("LTAI5tAbCdEfGhIjKlMnOpQr"));
    }

    #[test]
    fn the_first_wrong_field_is_reported_with_its_form_field_name() {
        let mut json = request_json();
        json["instanceName"] = "1bad".into();
        let request: NewProfileRequest = serde_json::from_value(json).expect("json");
        let error = request.parse().expect_err("bad instance");
        assert_eq!(error.field(), Some("instanceName"));
    }

    #[test]
    fn an_update_with_blank_fields_keeps_everything() {
        let request: ProfileUpdateRequest = serde_json::from_value(serde_json::json!({
            "accessKeySecret": "  ",
            "securityToken": "",
            "region": ""
        }))
        .expect("json");
        let update = request.parse().expect("valid");
        assert!(update.access_key_secret.is_none());
        assert!(matches!(update.security_token, TokenChange::Keep));
        assert!(update.region.is_none());
        assert!(update.rename_to.is_none());
    }

    #[test]
    fn an_update_can_replace_or_remove_the_token() {
        let replace: ProfileUpdateRequest =
            serde_json::from_value(serde_json::json!({ "securityToken": "CAIStoken" }))
                .expect("json");
        assert!(matches!(
            replace.parse().expect("ok").security_token,
            TokenChange::Replace(_)
        ));
        let remove: ProfileUpdateRequest =
            serde_json::from_value(serde_json::json!({ "removeSecurityToken": true }))
                .expect("json");
        assert!(matches!(
            remove.parse().expect("ok").security_token,
            TokenChange::Remove
        ));
    }
}
