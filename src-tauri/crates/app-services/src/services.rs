//! The services the app shell holds in its state; each Tauri command calls one method.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::{AppInfo, IpcError, Locale, Preferences, SandboxStatus};

/// Everything a command needs, built once at start-up from the app's data folder.
#[derive(Debug)]
pub struct AppServices {
    version: String,
    data_dir: PathBuf,
    // Serialises read-modify-write of the preferences file between concurrent commands.
    preferences_lock: Mutex<()>,
}

impl AppServices {
    pub fn new(version: impl Into<String>, data_dir: impl Into<PathBuf>) -> Self {
        Self {
            version: version.into(),
            data_dir: data_dir.into(),
            preferences_lock: Mutex::new(()),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn preferences_path(&self) -> PathBuf {
        self.data_dir.join("preferences.json")
    }

    pub fn app_info(&self) -> Result<AppInfo, IpcError> {
        let preferences = Preferences::load(&self.preferences_path())?;
        Ok(AppInfo {
            version: self.version.clone(),
            data_dir: self.data_dir.display().to_string(),
            // The sandbox arrives with its own issue; until then it never runs.
            sandbox: SandboxStatus {
                running: false,
                endpoints: None,
            },
            locale: preferences.locale,
        })
    }

    /// Remembers the UI language; `None` goes back to following the operating system.
    pub fn set_locale(&self, locale: Option<Locale>) -> Result<(), IpcError> {
        let _guard = self
            .preferences_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let path = self.preferences_path();
        let mut preferences = Preferences::load(&path)?;
        preferences.locale = locale;
        preferences.save(&path)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_info_reports_version_data_dir_and_a_stopped_sandbox() {
        let dir = tempfile::tempdir().expect("temp dir");
        let services = AppServices::new("1.2.3", dir.path());
        let info = services.app_info().expect("info");
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.data_dir, dir.path().display().to_string());
        assert!(!info.sandbox.running);
        assert_eq!(info.locale, None);
    }

    #[test]
    fn a_chosen_locale_is_remembered_across_service_instances() {
        let dir = tempfile::tempdir().expect("temp dir");
        AppServices::new("1", dir.path())
            .set_locale(Some(Locale::SimplifiedChinese))
            .expect("saves");
        let info = AppServices::new("1", dir.path()).app_info().expect("info");
        assert_eq!(info.locale, Some(Locale::SimplifiedChinese));
    }
}
