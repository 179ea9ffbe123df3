//! `profiles.json` in the app's config folder: versioned, written atomically, never holding a
//! secret.
//!
//! A file that cannot be understood is renamed to `profiles.json.corrupt-<UTC stamp>` and
//! reported, so the next save starts a fresh file and the user's data is never overwritten
//! blind. A file from a newer version is left in place and refused: the newer app still needs it.

mod atomic_write;
mod backup_name;
mod format;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::profile::StoredProfile;
use crate::ProfileError;

pub use atomic_write::write_atomically;
pub use backup_name::utc_stamp;
pub use format::CURRENT_VERSION;

/// The file's name inside the config folder.
pub const FILE_NAME: &str = "profiles.json";

#[derive(Debug, Clone)]
pub struct ProfilesFile {
    path: PathBuf,
}

impl ProfilesFile {
    /// The profiles file inside `config_dir` (created on first save).
    pub fn in_dir(config_dir: &Path) -> Self {
        Self {
            path: config_dir.join(FILE_NAME),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads all stored profiles; a missing file means none. `now` stamps a corrupt file's backup.
    pub fn load(&self, now: SystemTime) -> Result<Vec<StoredProfile>, ProfileError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(ProfileError::ProfilesFileUnreadable {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        match Self::decode(&bytes) {
            Ok(profiles) => Ok(profiles),
            Err(Decode::TooNew(version)) => Err(ProfileError::ProfilesFileTooNew {
                path: self.path.clone(),
                version,
                supported: CURRENT_VERSION,
            }),
            Err(Decode::Corrupt(reason)) => Err(self.keep_corrupt_file(reason, now)),
        }
    }

    /// Replaces the file atomically with `profiles`.
    pub fn save(&self, profiles: &[StoredProfile]) -> Result<(), ProfileError> {
        let json = Self::encode(profiles).map_err(|e| ProfileError::ProfilesFileWriteFailed {
            path: self.path.clone(),
            source: std::io::Error::other(e),
        })?;
        write_atomically(&self.path, &json).map_err(|source| {
            ProfileError::ProfilesFileWriteFailed {
                path: self.path.clone(),
                source,
            }
        })
    }

    /// The file's bytes for `profiles` (pretty JSON, trailing newline).
    fn encode(profiles: &[StoredProfile]) -> serde_json::Result<Vec<u8>> {
        let file = format::FileV1 {
            version: CURRENT_VERSION,
            profiles: profiles.iter().map(format::ProfileV1::from).collect(),
        };
        let mut json = serde_json::to_vec_pretty(&file)?;
        json.push(b'\n');
        Ok(json)
    }

    /// For the cargo-fuzz target in `fuzz/`: what `load` makes of a file's bytes, without the
    /// file system (`Err` holds the reason, or "too new"). Not an API.
    #[doc(hidden)]
    pub fn decode_for_fuzzing(bytes: &[u8]) -> Result<Vec<StoredProfile>, String> {
        Self::decode(bytes).map_err(|e| match e {
            Decode::TooNew(version) => format!("version {version} is too new"),
            Decode::Corrupt(reason) => reason,
        })
    }

    /// For the cargo-fuzz target in `fuzz/`: the bytes `save` writes. Not an API.
    #[doc(hidden)]
    pub fn encode_for_fuzzing(profiles: &[StoredProfile]) -> Vec<u8> {
        Self::encode(profiles).expect("profiles serialise")
    }

    fn decode(bytes: &[u8]) -> Result<Vec<StoredProfile>, Decode> {
        let value: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| Decode::Corrupt(format!("it is not valid JSON ({e})")))?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| Decode::Corrupt("it has no format version number".into()))?;
        if version > u64::from(CURRENT_VERSION) {
            return Err(Decode::TooNew(version));
        }
        if version != u64::from(CURRENT_VERSION) {
            return Err(Decode::Corrupt(format!(
                "format version {version} does not exist"
            )));
        }
        let file: format::FileV1 = serde_json::from_value(value)
            .map_err(|e| Decode::Corrupt(format!("its layout is wrong ({e})")))?;
        let mut seen = HashSet::new();
        let mut profiles = Vec::with_capacity(file.profiles.len());
        for (index, raw) in file.profiles.into_iter().enumerate() {
            let profile = raw
                .into_profile()
                .map_err(|e| Decode::Corrupt(format!("profile #{}: {e}", index + 1)))?;
            if !seen.insert(profile.name.collision_key()) {
                return Err(Decode::Corrupt(format!(
                    "the name '{}' appears more than once",
                    profile.name
                )));
            }
            profiles.push(profile);
        }
        Ok(profiles)
    }

    fn keep_corrupt_file(&self, reason: String, now: SystemTime) -> ProfileError {
        let backup = backup_name::backup_path(&self.path, now);
        match std::fs::rename(&self.path, &backup) {
            Ok(()) => ProfileError::ProfilesFileCorrupt {
                path: self.path.clone(),
                backup,
                reason,
            },
            // The file stays where it is; since every save follows a successful load, nothing
            // will overwrite it until it is readable or moved by hand.
            Err(source) => ProfileError::ProfilesFileUnreadable {
                path: self.path.clone(),
                source: std::io::Error::new(
                    source.kind(),
                    format!("{reason}; moving it aside also failed: {source}"),
                ),
            },
        }
    }
}

enum Decode {
    TooNew(u64),
    Corrupt(String),
}
