//! Importing credentials the user already has (aliyun CLI, the SDKs' INI file, environment).

use std::path::{Path, PathBuf};

use profiles::import::{
    scan_aliyun_cli_config, scan_credentials_ini, scan_environment, ImportScan, ImportSource,
    UnsupportedImport,
};
use profiles::{CustomEndpoints, InstanceName, ProfileError, ProfileName, Region};
use serde::Deserialize;
use ts_rs::TS;

/// Where to look for credentials the user already has. (`Debug` shows variable names only:
/// see [`EnvironmentSource`].)
#[derive(Debug, Clone, Default)]
pub struct ImportSources {
    /// The aliyun CLI's `config.json`.
    pub aliyun_cli_config: Option<PathBuf>,
    /// The SDKs' shared INI file: the first of these that exists is read (the Go SDK's
    /// default name has no extension, the Python SDK's ends in `.ini`).
    pub credentials_ini: Vec<PathBuf>,
    pub environment: EnvironmentSource,
}

/// Which environment variables an import scan reads.
#[derive(Clone, Default)]
pub enum EnvironmentSource {
    #[default]
    Nothing,
    /// This process's environment, read at each scan (so no copy of a secret is kept).
    Process,
    /// Fixed variables (tests).
    Given(Vec<(String, String)>),
}

// By hand: the variables hold secrets, so only their names are shown.
impl std::fmt::Debug for EnvironmentSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Nothing => f.write_str("Nothing"),
            Self::Process => f.write_str("Process"),
            Self::Given(vars) => f
                .debug_tuple("Given")
                .field(&vars.iter().map(|(name, _)| name).collect::<Vec<_>>())
                .finish(),
        }
    }
}

/// Names the official tools read to move their files (spec account.md 4.3).
const CLI_CONFIG_FILE_VARIABLE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
const CREDENTIALS_FILE_VARIABLE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";

impl ImportSources {
    /// Where the official tools keep a user's credentials: `~/.aliyun/config.json` (or
    /// `ALIBABA_CLOUD_CONFIG_FILE`), `~/.alibabacloud/credentials` or `credentials.ini` (or
    /// `ALIBABA_CLOUD_CREDENTIALS_FILE`), and the process's environment. `variable` reads one
    /// environment variable; an empty value counts as unset, as in the SDKs.
    pub fn of_user(home: Option<&Path>, variable: impl Fn(&str) -> Option<String>) -> Self {
        let named = |name: &str| {
            variable(name)
                .filter(|value| !value.trim().is_empty())
                .map(PathBuf::from)
        };
        let aliyun_cli_config = named(CLI_CONFIG_FILE_VARIABLE)
            .or_else(|| home.map(|home| home.join(".aliyun").join("config.json")));
        let credentials_ini = match named(CREDENTIALS_FILE_VARIABLE) {
            Some(path) => vec![path],
            None => home
                .map(|home| {
                    let folder = home.join(".alibabacloud");
                    vec![folder.join("credentials"), folder.join("credentials.ini")]
                })
                .unwrap_or_default(),
        };
        Self {
            aliyun_cli_config,
            credentials_ini,
            environment: EnvironmentSource::Process,
        }
    }

    /// Scans every source; a missing file is simply empty. A file that cannot be read or
    /// understood is listed as a problem beside what the other sources hold, so one broken
    /// file does not hide the rest.
    pub fn scan(&self) -> ImportScan {
        let mut scan = ImportScan::default();
        if let Some(path) = &self.aliyun_cli_config {
            merge_file(
                &mut scan,
                ImportSource::AliyunCli,
                path,
                scan_aliyun_cli_config,
            );
        }
        if let Some(path) = self.credentials_ini.iter().find(|path| path.exists()) {
            merge_file(
                &mut scan,
                ImportSource::CredentialsFile,
                path,
                scan_credentials_ini,
            );
        }
        match &self.environment {
            EnvironmentSource::Nothing => {}
            EnvironmentSource::Process => {
                // A variable that is not Unicode cannot hold a usable key; skip it.
                let vars = std::env::vars_os().filter_map(|(name, value)| {
                    Some((name.into_string().ok()?, value.into_string().ok()?))
                });
                scan.merge(scan_environment(vars));
            }
            EnvironmentSource::Given(vars) => scan.merge(scan_environment(vars.iter().cloned())),
        }
        scan
    }
}

fn merge_file(
    scan: &mut ImportScan,
    source: ImportSource,
    path: &Path,
    read: fn(&Path) -> Result<ImportScan, ProfileError>,
) {
    match read(path) {
        Ok(found) => scan.merge(found),
        Err(error) => scan.unsupported.push(UnsupportedImport {
            source,
            source_name: path.display().to_string(),
            mode: "file".into(),
            reason: match error.remedy() {
                Some(remedy) => format!("{} {remedy}", error.message()),
                None => error.message(),
            },
        }),
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
