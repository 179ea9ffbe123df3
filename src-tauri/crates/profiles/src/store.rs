//! The profile store: settings in `profiles.json`, secrets in a `SecretVault`, kept consistent.
//!
//! Order of writes, and why:
//! - create / update write the keyring first and the JSON file last, so a keyring failure
//!   leaves the file unchanged; if the file write then fails, the keyring writes are undone.
//! - delete removes the keyring entries first, so a failure never leaves a secret behind for a
//!   profile the user believes is gone.
//!
//! One lock serialises every read-modify-write within the process.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use signing::{Credentials, Secret};

use crate::credential_fields::{credentials, key_kind, KeyKind};
use crate::profile::{NewProfile, ProfileUpdate, ResolvedEndpoints, StoredProfile, TokenChange};
use crate::profiles_file::ProfilesFile;
use crate::sandbox::{SandboxEndpoints, SandboxProfile};
use crate::summary::{ProfileStatus, ProfileSummary};
use crate::vault::{SecretKind, SecretVault};
use crate::{InstanceName, ProfileError, ProfileId, ProfileName, Region};

/// Everything a client needs to talk to the cloud (or the sandbox) as one profile.
#[derive(Debug, Clone)]
pub struct Connection {
    pub profile: ProfileId,
    pub region: Region,
    pub instance_name: InstanceName,
    pub endpoints: ResolvedEndpoints,
    pub credentials: Credentials,
}

#[derive(Debug, Default)]
struct SandboxState {
    profile: Option<SandboxProfile>,
    running: Option<SandboxEndpoints>,
}

pub struct ProfileStore {
    file: ProfilesFile,
    vault: Arc<dyn SecretVault>,
    clock: fn() -> SystemTime,
    write_lock: Mutex<()>,
    sandbox: Mutex<SandboxState>,
}

impl std::fmt::Debug for ProfileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileStore")
            .field("file", &self.file.path())
            .field("vault", &self.vault)
            .finish_non_exhaustive()
    }
}

impl ProfileStore {
    /// A store whose file lives in `config_dir` and whose secrets go to `vault`.
    pub fn new(config_dir: &Path, vault: Arc<dyn SecretVault>) -> Self {
        Self {
            file: ProfilesFile::in_dir(config_dir),
            vault,
            clock: SystemTime::now,
            write_lock: Mutex::new(()),
            sandbox: Mutex::new(SandboxState::default()),
        }
    }

    /// Replaces the clock that stamps backups of a corrupt file (for tests).
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> SystemTime) -> Self {
        self.clock = clock;
        self
    }

    pub fn file_path(&self) -> &Path {
        self.file.path()
    }

    /// Describes the built-in sandbox profile; until called, the list does not show it.
    pub fn configure_sandbox(&self, profile: SandboxProfile) {
        self.sandbox_state().profile = Some(profile);
    }

    /// The sandbox now listens at `endpoints`.
    pub fn sandbox_started(&self, endpoints: SandboxEndpoints) {
        self.sandbox_state().running = Some(endpoints);
    }

    pub fn sandbox_stopped(&self) {
        self.sandbox_state().running = None;
    }

    /// All profiles: the sandbox first (when configured), then stored ones by name.
    ///
    /// A keyring problem shows in each profile's status instead of failing the whole list.
    pub fn list(&self) -> Result<Vec<ProfileSummary>, ProfileError> {
        let profiles = self.load()?;
        let mut rows = Vec::with_capacity(profiles.len() + 1);
        if let Some(row) = self.sandbox_summary() {
            rows.push(row);
        }
        // After one keychain failure the rest would fail the same way, and on a desktop each
        // attempt on a locked keyring can raise another unlock prompt: ask once.
        let mut keychain_down = None;
        for profile in &profiles {
            let status = keychain_down.unwrap_or_else(|| self.status_of(profile));
            if !matches!(status, ProfileStatus::Ready | ProfileStatus::SecretMissing) {
                keychain_down = Some(status);
            }
            rows.push(ProfileSummary::stored(profile, status));
        }
        Ok(rows)
    }

    /// One profile's row.
    pub fn get(&self, id: &ProfileId) -> Result<ProfileSummary, ProfileError> {
        match id {
            ProfileId::Sandbox => self
                .sandbox_summary()
                .ok_or(ProfileError::SandboxNotRunning),
            ProfileId::Stored(name) => {
                let profile = self.stored(name)?;
                Ok(ProfileSummary::stored(&profile, self.status_of(&profile)))
            }
        }
    }

    /// A stored profile's settings (no secrets).
    pub fn stored(&self, name: &ProfileName) -> Result<StoredProfile, ProfileError> {
        let profiles = self.load()?;
        let index = find(&profiles, name)?;
        Ok(profiles[index].clone())
    }

    /// Id, settings and secrets, ready for a client. Fails with `secret_missing` when the
    /// keyring lost the secret, and `sandbox_not_running` for a stopped sandbox.
    pub fn connection(&self, id: &ProfileId) -> Result<Connection, ProfileError> {
        match id {
            ProfileId::Sandbox => {
                let state = self.sandbox_state();
                let (Some(profile), Some(running)) = (&state.profile, &state.running) else {
                    return Err(ProfileError::SandboxNotRunning);
                };
                Ok(Connection {
                    profile: ProfileId::Sandbox,
                    region: profile.region.clone(),
                    instance_name: profile.instance_name.clone(),
                    endpoints: ResolvedEndpoints {
                        tablestore: running.tablestore.clone(),
                        oss: running.oss.clone(),
                        sts: running.sts.clone(),
                    },
                    credentials: profile.credentials.clone(),
                })
            }
            ProfileId::Stored(name) => {
                let profile = self.stored(name)?;
                let secret = self.read_required(&profile.name, SecretKind::AccessKeySecret)?;
                let token = if profile.has_security_token {
                    let token = self.read_required(&profile.name, SecretKind::SecurityToken)?;
                    Some(signing::SecurityToken::new(
                        token.expose_secret().to_owned(),
                    ))
                } else {
                    None
                };
                Ok(Connection {
                    profile: id.clone(),
                    endpoints: profile.resolved_endpoints(),
                    credentials: credentials(profile.access_key_id.clone(), secret, token)?,
                    region: profile.region,
                    instance_name: profile.instance_name,
                })
            }
        }
    }

    /// Saves a new profile: secrets to the keyring, the rest to the file.
    pub fn create(&self, new: NewProfile) -> Result<ProfileSummary, ProfileError> {
        let _guard = self.lock();
        let mut profiles = self.load()?;
        if let Some(existing) = profiles
            .iter()
            .find(|p| p.name.collision_key() == new.name.collision_key())
        {
            return Err(ProfileError::ProfileExists {
                name: existing.name.to_string(),
            });
        }
        let has_token = new.security_token.is_some();
        credentials(
            new.access_key_id.clone(),
            new.access_key_secret.clone(),
            new.security_token.clone(),
        )?;
        let mut writes = vec![(SecretKind::AccessKeySecret, new.access_key_secret)];
        if let Some(token) = new.security_token {
            writes.push((SecretKind::SecurityToken, token_as_secret(&token)));
        }
        let name = new.name.clone();
        let mut journal = Journal::new(self.vault.as_ref(), &name);
        journal.write_all(writes, false)?;
        let stored = StoredProfile {
            name: new.name,
            access_key_id: new.access_key_id,
            region: new.region,
            instance_name: new.instance_name,
            endpoints: new.endpoints,
            has_security_token: has_token,
        };
        profiles.push(stored.clone());
        sort(&mut profiles);
        if let Err(error) = self.file.save(&profiles) {
            journal.undo();
            return Err(error);
        }
        if !has_token {
            // A token left by an earlier profile of the same name must not linger.
            let _ = self.vault.remove(&stored.name, SecretKind::SecurityToken);
        }
        Ok(ProfileSummary::stored(&stored, ProfileStatus::Ready))
    }

    /// Changes a stored profile, optionally renaming it (its keyring entries move along).
    pub fn update(
        &self,
        name: &ProfileName,
        update: ProfileUpdate,
    ) -> Result<ProfileSummary, ProfileError> {
        let _guard = self.lock();
        let mut profiles = self.load()?;
        let index = find(&profiles, name)?;
        let old = profiles[index].clone();
        let target = update.rename_to.clone().unwrap_or_else(|| old.name.clone());
        let renamed = target != old.name;
        if let Some(other) = profiles
            .iter()
            .enumerate()
            .find(|(i, p)| *i != index && p.name.collision_key() == target.collision_key())
        {
            return Err(ProfileError::ProfileExists {
                name: other.1.name.to_string(),
            });
        }
        let token_after = match &update.security_token {
            TokenChange::Keep => old.has_security_token,
            TokenChange::Replace(_) => true,
            TokenChange::Remove => false,
        };
        let access_key_id = update
            .access_key_id
            .unwrap_or_else(|| old.access_key_id.clone());
        if !token_after && key_kind(access_key_id.as_str()) == Some(KeyKind::Temporary) {
            return Err(ProfileError::SecurityTokenRequired);
        }

        let mut writes = Vec::new();
        match update.access_key_secret {
            Some(secret) => writes.push((SecretKind::AccessKeySecret, secret)),
            None if renamed => writes.push((
                SecretKind::AccessKeySecret,
                self.read_required(&old.name, SecretKind::AccessKeySecret)?,
            )),
            None => {}
        }
        match &update.security_token {
            TokenChange::Replace(token) => {
                writes.push((SecretKind::SecurityToken, token_as_secret(token)));
            }
            TokenChange::Keep if renamed && old.has_security_token => writes.push((
                SecretKind::SecurityToken,
                self.read_required(&old.name, SecretKind::SecurityToken)?,
            )),
            TokenChange::Keep | TokenChange::Remove => {}
        }
        let mut journal = Journal::new(self.vault.as_ref(), &target);
        journal.write_all(writes.clone(), !renamed)?;

        let updated = StoredProfile {
            name: target.clone(),
            access_key_id,
            region: update.region.unwrap_or(old.region.clone()),
            instance_name: update.instance_name.unwrap_or(old.instance_name.clone()),
            endpoints: update.endpoints.unwrap_or(old.endpoints.clone()),
            has_security_token: token_after,
        };
        profiles[index] = updated.clone();
        sort(&mut profiles);
        if let Err(error) = self.file.save(&profiles) {
            journal.undo();
            return Err(error);
        }

        // The file now points at the new entries; leftovers are cleaned up best-effort,
        // since failing here would report an error for a change that did happen.
        if renamed {
            for kind in SecretKind::ALL {
                let _ = self.vault.remove(&old.name, kind);
            }
            if old.name.collision_key() == target.collision_key() {
                // On case-insensitive keyrings (Windows) the old and new entry are one entry,
                // which the removal above just deleted: write the values back.
                for (kind, value) in &writes {
                    let _ = self.vault.write(&target, *kind, value);
                }
            }
        }
        if !token_after {
            let _ = self.vault.remove(&target, SecretKind::SecurityToken);
        }
        Ok(ProfileSummary::stored(&updated, self.status_of(&updated)))
    }

    /// Deletes a stored profile and its keyring entries.
    pub fn delete(&self, name: &ProfileName) -> Result<(), ProfileError> {
        let _guard = self.lock();
        let mut profiles = self.load()?;
        let index = find(&profiles, name)?;
        let profile = profiles.remove(index);
        for kind in SecretKind::ALL {
            self.vault.remove(&profile.name, kind)?;
        }
        self.file.save(&profiles)
    }

    fn load(&self) -> Result<Vec<StoredProfile>, ProfileError> {
        let mut profiles = self.file.load((self.clock)())?;
        sort(&mut profiles);
        Ok(profiles)
    }

    fn status_of(&self, profile: &StoredProfile) -> ProfileStatus {
        let mut kinds = vec![SecretKind::AccessKeySecret];
        if profile.has_security_token {
            kinds.push(SecretKind::SecurityToken);
        }
        for kind in kinds {
            match self.vault.contains(&profile.name, kind) {
                Ok(true) => {}
                Ok(false) => return ProfileStatus::SecretMissing,
                Err(error) => return ProfileStatus::from_keychain_error(&error),
            }
        }
        ProfileStatus::Ready
    }

    fn read_required(&self, name: &ProfileName, kind: SecretKind) -> Result<Secret, ProfileError> {
        self.vault
            .read(name, kind)?
            .ok_or_else(|| ProfileError::SecretMissing {
                name: name.to_string(),
            })
    }

    fn sandbox_summary(&self) -> Option<ProfileSummary> {
        let state = self.sandbox_state();
        state
            .profile
            .as_ref()
            .map(|profile| ProfileSummary::sandbox(profile, state.running.as_ref()))
    }

    fn sandbox_state(&self) -> MutexGuard<'_, SandboxState> {
        self.sandbox.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.write_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Keyring writes made so far in one operation, so they can be undone if a later step fails.
struct Journal<'a> {
    vault: &'a dyn SecretVault,
    profile: &'a ProfileName,
    /// Each written kind with the value it replaced (`None`: there was no entry).
    done: Vec<(SecretKind, Option<Secret>)>,
}

impl<'a> Journal<'a> {
    fn new(vault: &'a dyn SecretVault, profile: &'a ProfileName) -> Self {
        Self {
            vault,
            profile,
            done: Vec::new(),
        }
    }

    /// Writes each value; on the first failure undoes the earlier ones and returns the error.
    /// With `keep_previous`, the values being replaced are read first so undo can restore them.
    fn write_all(
        &mut self,
        writes: Vec<(SecretKind, Secret)>,
        keep_previous: bool,
    ) -> Result<(), ProfileError> {
        for (kind, value) in writes {
            let step = (|| {
                let previous = if keep_previous {
                    self.vault.read(self.profile, kind)?
                } else {
                    None
                };
                self.vault.write(self.profile, kind, &value)?;
                Ok(previous)
            })();
            match step {
                Ok(previous) => self.done.push((kind, previous)),
                Err(error) => {
                    self.undo();
                    return Err(error);
                }
            }
        }
        Ok(())
    }

    fn undo(&mut self) {
        for (kind, previous) in self.done.drain(..).rev() {
            // Best effort: the operation already failed and reports that error.
            let _ = match previous {
                Some(value) => self.vault.write(self.profile, kind, &value),
                None => self.vault.remove(self.profile, kind),
            };
        }
    }
}

fn token_as_secret(token: &signing::SecurityToken) -> Secret {
    Secret::new(token.expose_secret().to_owned())
}

fn find(profiles: &[StoredProfile], name: &ProfileName) -> Result<usize, ProfileError> {
    profiles
        .iter()
        .position(|p| p.name.collision_key() == name.collision_key())
        .ok_or_else(|| ProfileError::ProfileNotFound {
            name: name.to_string(),
        })
}

fn sort(profiles: &mut [StoredProfile]) {
    profiles.sort_by_key(|p| p.name.collision_key());
}
