//! Finding credentials the user already has: the aliyun CLI's config file, the SDKs' shared
//! credentials file and environment variables. Scans return candidates with secrets (Rust side only) and a preview without them
//! (for the UI); importing one is `ImportCandidate::into_new_profile` then `ProfileStore::create`.

mod aliyun_cli;
mod candidate;
mod credentials_ini;
mod environment;

pub use aliyun_cli::{parse_aliyun_cli_config, scan_aliyun_cli_config};
pub use candidate::{
    suggest_profile_name, ImportCandidate, ImportCandidatePreview, ImportPreview, ImportScan,
    ImportSource, UnsupportedImport,
};
pub use credentials_ini::{parse_credentials_ini, scan_credentials_ini};
pub use environment::{scan_environment, ENVIRONMENT_SOURCE_NAME};
