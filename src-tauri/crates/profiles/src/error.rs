//! The crate's one error type. Each variant has a stable snake_case code, a sentence a person
//! understands (its `Display`) and, where we know one, a remedy. None of them ever carries a
//! secret: validation errors for secrets describe the rule, never the value.

use std::path::PathBuf;

use crate::endpoint::EndpointService;

/// Every code [`ProfileError::code`] can return, for the app's IPC error-code union.
pub const ERROR_CODES: &[&str] = &[
    "invalid_profile_name",
    "profile_name_reserved",
    "invalid_access_key_id",
    "invalid_access_key_secret",
    "invalid_security_token",
    "security_token_required",
    "invalid_region",
    "invalid_instance_name",
    "invalid_endpoint",
    "insecure_endpoint",
    "invalid_keyring_namespace",
    "profile_exists",
    "profile_not_found",
    "sandbox_profile_read_only",
    "sandbox_not_running",
    "keychain_unavailable",
    "keychain_locked",
    "secret_missing",
    "keychain_failed",
    "profiles_file_unreadable",
    "profiles_file_corrupt",
    "profiles_file_too_new",
    "profiles_file_write_failed",
    "import_file_unreadable",
    "import_file_invalid",
    "import_candidate_not_found",
];

/// Everything that can go wrong with profiles.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// A profile name broke one of the naming rules.
    #[error("The profile name is not valid: {reason}.")]
    InvalidProfileName { reason: String },
    /// The built-in sandbox profile's name was used for a stored profile.
    #[error("The name '{name}' is reserved for the built-in sandbox profile.")]
    ReservedProfileName { name: String },
    /// The AccessKey ID does not have the shape of one.
    #[error("The AccessKey ID is not valid: {reason}.")]
    InvalidAccessKeyId { reason: String },
    /// The AccessKey secret is empty or has characters a secret never has.
    #[error("The AccessKey secret is not valid: {reason}.")]
    InvalidAccessKeySecret { reason: &'static str },
    /// The STS security token is empty or has whitespace in it.
    #[error("The STS security token is not valid: {reason}.")]
    InvalidSecurityToken { reason: &'static str },
    /// A temporary (`STS.`) AccessKey ID came without its security token.
    #[error(
        "The AccessKey ID starts with 'STS.', so it is temporary and needs its security token."
    )]
    SecurityTokenRequired,
    /// The region id does not have the shape `cn-hangzhou`.
    #[error("The region '{value}' is not valid: {reason}.")]
    InvalidRegion { value: String, reason: String },
    /// The Tablestore instance name broke one of Tablestore's naming rules.
    #[error("The Tablestore instance name is not valid: {reason}.")]
    InvalidInstanceName { reason: String },
    /// A custom endpoint is not a plain `https://host[:port]` URL.
    #[error("The custom {service} endpoint is not valid: {reason}.")]
    InvalidEndpoint {
        service: EndpointService,
        reason: String,
    },
    /// A custom endpoint uses plain HTTP to a host that is not this computer.
    #[error("The custom {service} endpoint uses plain http:// to '{host}', which would send requests unencrypted over the network.")]
    InsecureEndpoint {
        service: EndpointService,
        host: String,
    },
    /// The keyring namespace given by the app is unusable (a programming error in the app).
    #[error("The keyring namespace is not valid: {reason}.")]
    InvalidKeyringNamespace { reason: &'static str },
    /// A profile with this name (ignoring case) already exists.
    #[error("A profile named '{name}' already exists.")]
    ProfileExists { name: String },
    /// No stored profile has this name.
    #[error("There is no profile named '{name}'.")]
    ProfileNotFound { name: String },
    /// The sandbox profile was asked to change; its settings come from the running sandbox.
    #[error("The built-in sandbox profile cannot be changed or deleted.")]
    SandboxProfileReadOnly,
    /// The sandbox profile was used while the sandbox is not running.
    #[error("The built-in sandbox is not running.")]
    SandboxNotRunning,
    /// No OS keyring could be reached (no Secret Service, no session bus, unsupported OS).
    #[error("The system keychain is not available: {detail}.")]
    KeychainUnavailable { detail: String },
    /// The keyring is there but locked, or the user refused access.
    #[error("The system keychain is locked or refused access: {detail}.")]
    KeychainLocked { detail: String },
    /// The profile exists but its AccessKey secret is gone from the keyring.
    #[error("The AccessKey secret of profile '{name}' is missing from the system keychain.")]
    SecretMissing { name: String },
    /// Any other keyring failure.
    #[error("The system keychain failed: {detail}.")]
    KeychainFailed { detail: String },
    /// The profiles file exists but could not be read.
    #[error("Could not read the profiles file {}: {source}.", path.display())]
    ProfilesFileUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The profiles file is not valid; it was moved aside so nothing overwrites it.
    #[error("The profiles file {} could not be understood ({reason}); it was kept as {}.", path.display(), backup.display())]
    ProfilesFileCorrupt {
        path: PathBuf,
        backup: PathBuf,
        reason: String,
    },
    /// The profiles file was written by a newer version of the app.
    #[error("The profiles file {} was written by a newer version of the app (format {version}; this version reads up to {supported}).", path.display())]
    ProfilesFileTooNew {
        path: PathBuf,
        version: u64,
        supported: u32,
    },
    /// Writing the profiles file failed; the previous file is unchanged.
    #[error("Could not save the profiles file {}: {source}.", path.display())]
    ProfilesFileWriteFailed {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A credentials file to import from could not be read.
    #[error("Could not read {}: {source}.", path.display())]
    ImportFileUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A credentials file to import from is not in the expected format.
    #[error("The file {} is not a credentials file this app understands: {reason}.", path.display())]
    ImportFileInvalid { path: PathBuf, reason: String },
    /// The import candidate asked for is not (or no longer) in the source.
    #[error("There is nothing importable named '{name}' in that source.")]
    ImportCandidateNotFound { name: String },
}

impl ProfileError {
    /// Stable machine-readable code; the UI switches on it, so never rename one.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidProfileName { .. } => "invalid_profile_name",
            Self::ReservedProfileName { .. } => "profile_name_reserved",
            Self::InvalidAccessKeyId { .. } => "invalid_access_key_id",
            Self::InvalidAccessKeySecret { .. } => "invalid_access_key_secret",
            Self::InvalidSecurityToken { .. } => "invalid_security_token",
            Self::SecurityTokenRequired => "security_token_required",
            Self::InvalidRegion { .. } => "invalid_region",
            Self::InvalidInstanceName { .. } => "invalid_instance_name",
            Self::InvalidEndpoint { .. } => "invalid_endpoint",
            Self::InsecureEndpoint { .. } => "insecure_endpoint",
            Self::InvalidKeyringNamespace { .. } => "invalid_keyring_namespace",
            Self::ProfileExists { .. } => "profile_exists",
            Self::ProfileNotFound { .. } => "profile_not_found",
            Self::SandboxProfileReadOnly => "sandbox_profile_read_only",
            Self::SandboxNotRunning => "sandbox_not_running",
            Self::KeychainUnavailable { .. } => "keychain_unavailable",
            Self::KeychainLocked { .. } => "keychain_locked",
            Self::SecretMissing { .. } => "secret_missing",
            Self::KeychainFailed { .. } => "keychain_failed",
            Self::ProfilesFileUnreadable { .. } => "profiles_file_unreadable",
            Self::ProfilesFileCorrupt { .. } => "profiles_file_corrupt",
            Self::ProfilesFileTooNew { .. } => "profiles_file_too_new",
            Self::ProfilesFileWriteFailed { .. } => "profiles_file_write_failed",
            Self::ImportFileUnreadable { .. } => "import_file_unreadable",
            Self::ImportFileInvalid { .. } => "import_file_invalid",
            Self::ImportCandidateNotFound { .. } => "import_candidate_not_found",
        }
    }

    /// The one sentence the UI shows; the same text as `Display`.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// What the user can do next, when we know.
    pub fn remedy(&self) -> Option<&'static str> {
        let remedy = match self {
            Self::InvalidProfileName { .. } => {
                "Use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit."
            }
            Self::ReservedProfileName { .. } => "Choose another name, for example 'sandbox-copy'.",
            Self::InvalidAccessKeyId { .. } => {
                "Copy the AccessKey ID from the RAM console; it starts with 'LTAI' (or 'STS.' for temporary keys)."
            }
            Self::InvalidAccessKeySecret { .. } => {
                "Paste the AccessKey secret again, without spaces or line breaks."
            }
            Self::InvalidSecurityToken { .. } => {
                "Paste the whole security token again, without spaces or line breaks."
            }
            Self::SecurityTokenRequired => {
                "Add the security token that came with the temporary key, or use a long-term 'LTAI' key."
            }
            Self::InvalidRegion { .. } => "Pick a region from the list, for example 'cn-hangzhou'.",
            Self::InvalidInstanceName { .. } => {
                "Copy the instance name from the Tablestore console: 3 to 16 letters, digits or '-', starting with a letter."
            }
            Self::InvalidEndpoint { .. } => {
                "Enter just the scheme, host and optional port, for example 'https://example.com:8443', or leave it empty for the default."
            }
            Self::InsecureEndpoint { .. } => {
                "Use https://, or plain http:// only for localhost or 127.0.0.1."
            }
            Self::InvalidKeyringNamespace { .. } => return None,
            Self::ProfileExists { .. } => "Choose another name, or edit the existing profile.",
            Self::ProfileNotFound { .. } => "Refresh the profile list; it may have been deleted.",
            Self::SandboxProfileReadOnly => {
                "Create a new profile instead; the sandbox profile follows the running sandbox."
            }
            Self::SandboxNotRunning => "Start the sandbox, then try again.",
            Self::KeychainUnavailable { .. } => {
                "Make sure a keychain service is running and you are logged in to a desktop session (on Linux: GNOME Keyring or KeePassXC with Secret Service enabled)."
            }
            Self::KeychainLocked { .. } => {
                "Unlock your keychain (for example by logging in again), allow this app to use it, then try again."
            }
            Self::SecretMissing { .. } => {
                "Edit the profile and enter its AccessKey secret again."
            }
            Self::KeychainFailed { .. } => "Try again; if it keeps failing, restart your keychain service.",
            Self::ProfilesFileUnreadable { .. } | Self::ProfilesFileWriteFailed { .. } => {
                "Check that the app's configuration folder exists and that you may read and write it."
            }
            Self::ProfilesFileCorrupt { .. } => {
                "Re-create your profiles (their secrets are still in the keychain), or repair the kept file and put it back."
            }
            Self::ProfilesFileTooNew { .. } => {
                "Use the newer version of the app, or move the file away to start with no profiles."
            }
            Self::ImportFileUnreadable { .. } => "Check that the file exists and that you may read it.",
            Self::ImportFileInvalid { .. } => {
                "Check the file with the tool that wrote it (for example 'aliyun configure list')."
            }
            Self::ImportCandidateNotFound { .. } => "Refresh the import list and pick again.",
        };
        Some(remedy)
    }

    /// The form field this error is about, when it is about one field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::InvalidProfileName { .. }
            | Self::ReservedProfileName { .. }
            | Self::ProfileExists { .. } => Some("name"),
            Self::InvalidAccessKeyId { .. } => Some("accessKeyId"),
            Self::InvalidAccessKeySecret { .. } => Some("accessKeySecret"),
            Self::InvalidSecurityToken { .. } | Self::SecurityTokenRequired => {
                Some("securityToken")
            }
            Self::InvalidRegion { .. } => Some("region"),
            Self::InvalidInstanceName { .. } => Some("instanceName"),
            Self::InvalidEndpoint { service, .. } | Self::InsecureEndpoint { service, .. } => {
                Some(service.field_name())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_of_each() -> Vec<ProfileError> {
        let io = || std::io::Error::other("disk");
        let path = || PathBuf::from("/cfg/profiles.json");
        let text = || "x".to_owned();
        vec![
            ProfileError::InvalidProfileName { reason: text() },
            ProfileError::ReservedProfileName { name: text() },
            ProfileError::InvalidAccessKeyId { reason: text() },
            ProfileError::InvalidAccessKeySecret { reason: "x" },
            ProfileError::InvalidSecurityToken { reason: "x" },
            ProfileError::SecurityTokenRequired,
            ProfileError::InvalidRegion {
                value: text(),
                reason: text(),
            },
            ProfileError::InvalidInstanceName { reason: text() },
            ProfileError::InvalidEndpoint {
                service: EndpointService::Oss,
                reason: text(),
            },
            ProfileError::InsecureEndpoint {
                service: EndpointService::Sts,
                host: text(),
            },
            ProfileError::InvalidKeyringNamespace { reason: "x" },
            ProfileError::ProfileExists { name: text() },
            ProfileError::ProfileNotFound { name: text() },
            ProfileError::SandboxProfileReadOnly,
            ProfileError::SandboxNotRunning,
            ProfileError::KeychainUnavailable { detail: text() },
            ProfileError::KeychainLocked { detail: text() },
            ProfileError::SecretMissing { name: text() },
            ProfileError::KeychainFailed { detail: text() },
            ProfileError::ProfilesFileUnreadable {
                path: path(),
                source: io(),
            },
            ProfileError::ProfilesFileCorrupt {
                path: path(),
                backup: path(),
                reason: text(),
            },
            ProfileError::ProfilesFileTooNew {
                path: path(),
                version: 2,
                supported: 1,
            },
            ProfileError::ProfilesFileWriteFailed {
                path: path(),
                source: io(),
            },
            ProfileError::ImportFileUnreadable {
                path: path(),
                source: io(),
            },
            ProfileError::ImportFileInvalid {
                path: path(),
                reason: text(),
            },
            ProfileError::ImportCandidateNotFound { name: text() },
        ]
    }

    #[test]
    fn every_variant_has_a_listed_unique_snake_case_code() {
        let codes: Vec<&str> = one_of_each().iter().map(ProfileError::code).collect();
        assert_eq!(codes, ERROR_CODES);
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        for code in codes {
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{code}"
            );
        }
    }

    #[test]
    fn every_user_facing_error_is_a_sentence_with_a_remedy() {
        for error in one_of_each() {
            let message = error.message();
            assert!(message.ends_with('.'), "{message}");
            assert!(message.starts_with(|c: char| c.is_uppercase()), "{message}");
            if error.code() != "invalid_keyring_namespace" {
                let remedy = error.remedy().expect("remedy");
                assert!(remedy.ends_with('.'), "{remedy}");
            }
        }
    }
}
