//! User preferences kept in a small versioned JSON file, written atomically so a crash
//! mid-write never leaves a half file behind. Never holds a secret.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, IpcError, Locale};

const CURRENT_VERSION: u32 = 1;

/// What the user chose that is not a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub version: u32,
    pub locale: Option<Locale>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            locale: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PreferencesError {
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a preferences file this version understands: {reason}")]
    Unreadable { path: PathBuf, reason: String },
}

impl From<PreferencesError> for IpcError {
    fn from(error: PreferencesError) -> Self {
        let remedy = match &error {
            PreferencesError::Io { .. } => {
                "Check that the folder exists and that you may write to it."
            }
            PreferencesError::Unreadable { .. } => {
                "Delete the file to start again with default preferences."
            }
        };
        IpcError::new(ErrorCode::StorageFailed, error.to_string()).with_remedy(remedy)
    }
}

impl Preferences {
    /// Reads the file; a missing file means defaults.
    pub fn load(path: &Path) -> Result<Self, PreferencesError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(PreferencesError::Io {
                    path: path.to_owned(),
                    source,
                })
            }
        };
        let unreadable = |reason: String| PreferencesError::Unreadable {
            path: path.to_owned(),
            reason,
        };
        let prefs: Self = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
        if prefs.version != CURRENT_VERSION {
            return Err(unreadable(format!(
                "version {} is not {CURRENT_VERSION}",
                prefs.version
            )));
        }
        Ok(prefs)
    }

    /// Writes to a temporary file beside the target, then renames it over the target.
    pub fn save(&self, path: &Path) -> Result<(), PreferencesError> {
        let io = |source| PreferencesError::Io {
            path: path.to_owned(),
            source,
        };
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let temp = path.with_extension("json.tmp");
        let json = serde_json::to_vec_pretty(self).map_err(|e| io(std::io::Error::other(e)))?;
        let mut file = std::fs::File::create(&temp).map_err(io)?;
        file.write_all(&json).map_err(io)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&temp, path).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let prefs = Preferences::load(&dir.path().join("preferences.json")).expect("loads");
        assert_eq!(prefs, Preferences::default());
    }

    #[test]
    fn saved_preferences_load_back_and_leave_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested/preferences.json");
        let prefs = Preferences {
            version: CURRENT_VERSION,
            locale: Some(Locale::SimplifiedChinese),
        };
        prefs.save(&path).expect("saves");
        assert_eq!(Preferences::load(&path).expect("loads"), prefs);
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("preferences.json")]);
    }

    #[test]
    fn an_unknown_version_is_refused_with_a_storage_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("preferences.json");
        std::fs::write(&path, r#"{"version": 9, "locale": null}"#).expect("writes");
        let error = IpcError::from(Preferences::load(&path).expect_err("version 9"));
        assert_eq!(error.code, ErrorCode::StorageFailed);
        assert!(
            error.message.contains("version 9 is not 1"),
            "{}",
            error.message
        );
    }
}
