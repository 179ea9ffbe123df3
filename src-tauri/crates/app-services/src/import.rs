//! Importing credentials the user already has (aliyun CLI, the SDKs' INI file, environment).

use std::path::PathBuf;

use profiles::import::{
    scan_aliyun_cli_config, scan_credentials_ini, scan_environment, ImportScan, ImportSource,
};
use profiles::{CustomEndpoints, InstanceName, ProfileError, ProfileName, Region};
use serde::Deserialize;
use ts_rs::TS;

/// Where to look; the shell fills it from the home folder and the process environment.
#[derive(Debug, Clone, Default)]
pub struct ImportSources {
    pub aliyun_cli_config: Option<PathBuf>,
    pub credentials_ini: Option<PathBuf>,
    pub environment: Vec<(String, String)>,
}

impl ImportSources {
    /// Scans every source; a missing file is simply empty.
    pub fn scan(&self) -> Result<ImportScan, ProfileError> {
        let mut scan = ImportScan::default();
        if let Some(path) = &self.aliyun_cli_config {
            scan.merge(scan_aliyun_cli_config(path)?);
        }
        if let Some(path) = &self.credentials_ini {
            scan.merge(scan_credentials_ini(path)?);
        }
        scan.merge(scan_environment(self.environment.iter().cloned()));
        Ok(scan)
    }
}

/// The user's choice in the import dialog: which found entry, under which name and instance.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRequest {
    pub source: ImportSource,
    pub source_name: String,
    pub name: String,
    /// Overrides the source's region; required when the source names none.
    #[serde(default)]
    pub region: Option<String>,
    pub instance_name: String,
}

impl ImportRequest {
    /// Finds the chosen entry in a fresh scan and turns it into a profile to create.
    pub fn into_new_profile(
        self,
        scan: &mut ImportScan,
    ) -> Result<profiles::NewProfile, ProfileError> {
        let candidate = scan.take(self.source, &self.source_name)?;
        let region = self
            .region
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(Region::parse)
            .transpose()?;
        candidate.into_new_profile(
            ProfileName::parse(self.name.trim())?,
            region,
            InstanceName::parse(self.instance_name.trim())?,
            CustomEndpoints::default(),
        )
    }
}
