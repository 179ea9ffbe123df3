//! Import candidates (carrying the secret as `signing::Secret`) and their previews (which
//! carry no secret at all and are what the UI sees).

use serde::Serialize;
use signing::{AccessKeyId, Secret, SecurityToken};
use ts_rs::TS;

use crate::credential_fields::{credentials, mask_access_key_id};
use crate::profile::{CustomEndpoints, NewProfile};
use crate::{InstanceName, ProfileError, ProfileName, Region, SANDBOX_PROFILE_NAME};

/// Where an import candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportSource {
    /// `~/.aliyun/config.json`, written by `aliyun configure`.
    AliyunCli,
    /// The SDKs' shared INI file, `~/.alibabacloud/credentials` (or `credentials.ini`).
    CredentialsFile,
    /// `ALIBABA_CLOUD_*` (and alias) environment variables.
    Environment,
}

/// Credentials found in a source, ready to become a profile once the user adds an instance.
#[derive(Debug, Clone)]
pub struct ImportCandidate {
    pub source: ImportSource,
    /// The profile's name in the source (`"environment"` for environment variables).
    pub source_name: String,
    /// How the source calls this kind of credential (`AK`, `StsToken`, or the variable names).
    pub detail: String,
    pub suggested_name: ProfileName,
    pub access_key_id: AccessKeyId,
    pub access_key_secret: Secret,
    pub security_token: Option<SecurityToken>,
    pub region: Option<Region>,
    /// The source's active profile (`current` in the CLI config).
    pub is_current: bool,
}

impl ImportCandidate {
    /// What the UI may see: the key id masked, the secret and token only as "present".
    pub fn preview(&self) -> ImportCandidatePreview {
        ImportCandidatePreview {
            source: self.source,
            source_name: self.source_name.clone(),
            detail: self.detail.clone(),
            suggested_name: self.suggested_name.to_string(),
            access_key_id_masked: mask_access_key_id(&self.access_key_id),
            has_security_token: self.security_token.is_some(),
            region: self.region.as_ref().map(ToString::to_string),
            is_current: self.is_current,
        }
    }

    /// Turns the candidate into a profile to create. `region` overrides the source's region and
    /// is required when the source has none; the instance always comes from the user.
    pub fn into_new_profile(
        self,
        name: ProfileName,
        region: Option<Region>,
        instance_name: InstanceName,
        endpoints: CustomEndpoints,
    ) -> Result<NewProfile, ProfileError> {
        let region = region
            .or(self.region)
            .ok_or_else(|| ProfileError::InvalidRegion {
                value: String::new(),
                reason: "the imported credentials name no region, so one must be chosen".into(),
            })?;
        let checked = credentials(
            self.access_key_id,
            self.access_key_secret,
            self.security_token,
        )?;
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

/// One importable entry as the UI shows it. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportCandidatePreview {
    pub source: ImportSource,
    pub source_name: String,
    pub detail: String,
    /// A valid profile name derived from the source name; the user may change it.
    pub suggested_name: String,
    /// E.g. `LTAI****abcd`.
    pub access_key_id_masked: String,
    pub has_security_token: bool,
    pub region: Option<String>,
    pub is_current: bool,
}

/// An entry that was found but cannot be imported, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnsupportedImport {
    pub source: ImportSource,
    pub source_name: String,
    /// The source's credential mode, e.g. `RamRoleArn`.
    pub mode: String,
    pub reason: String,
}

/// Everything a scan of the sources found, as the UI sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub candidates: Vec<ImportCandidatePreview>,
    pub unsupported: Vec<UnsupportedImport>,
}

/// Everything a scan found, secrets included; stays on the Rust side.
#[derive(Debug, Clone, Default)]
pub struct ImportScan {
    pub candidates: Vec<ImportCandidate>,
    pub unsupported: Vec<UnsupportedImport>,
}

impl ImportScan {
    pub fn preview(&self) -> ImportPreview {
        ImportPreview {
            candidates: self
                .candidates
                .iter()
                .map(ImportCandidate::preview)
                .collect(),
            unsupported: self.unsupported.clone(),
        }
    }

    /// Adds another scan's findings after this one's.
    pub fn merge(&mut self, other: ImportScan) {
        self.candidates.extend(other.candidates);
        self.unsupported.extend(other.unsupported);
    }

    /// Removes and returns the candidate the user picked by source and source name.
    pub fn take(
        &mut self,
        source: ImportSource,
        source_name: &str,
    ) -> Result<ImportCandidate, ProfileError> {
        let index = self
            .candidates
            .iter()
            .position(|c| c.source == source && c.source_name == source_name)
            .ok_or_else(|| ProfileError::ImportCandidateNotFound {
                name: source_name.to_owned(),
            })?;
        Ok(self.candidates.remove(index))
    }
}

/// A valid profile name close to `source_name`: disallowed characters become `-`, the sandbox's
/// name gets a suffix, and an empty result becomes `imported`.
pub fn suggest_profile_name(source_name: &str) -> ProfileName {
    let mut name: String = source_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take(ProfileName::MAX_LEN)
        .collect();
    if name.is_empty() {
        name = "imported".into();
    }
    if name.eq_ignore_ascii_case(SANDBOX_PROFILE_NAME) {
        name.push_str("-imported");
    }
    ProfileName::parse(&name).expect("sanitised names follow the rules")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_valid_and_close_to_the_source() {
        let cases = [
            ("default", "default"),
            ("my profile/2", "my-profile-2"),
            ("__x", "x"),
            ("", "imported"),
            ("测试", "imported"),
            ("Sandbox", "Sandbox-imported"),
        ];
        for (source, expected) in cases {
            assert_eq!(suggest_profile_name(source).as_str(), expected, "{source}");
        }
        assert_eq!(suggest_profile_name(&"a".repeat(100)).as_str().len(), 64);
    }
}
