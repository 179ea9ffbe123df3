//! Reading `~/.aliyun/config.json` (spec account.md §4.1). `AK` and `StsToken` profiles become
//! candidates; every other mode is listed with the reason it cannot be imported yet.
//!
//! The file is read as loose JSON, field by field, so a number where we expect text or a key a
//! newer CLI added affects only that profile, never the whole import.

use std::path::Path;

use serde_json::{Map, Value};
use zeroize::Zeroize;

use super::candidate::{
    suggest_profile_name, ImportCandidate, ImportScan, ImportSource, UnsupportedImport,
};
use crate::credential_fields::{
    parse_access_key_id, parse_access_key_secret, parse_security_token,
};
use crate::{ProfileError, Region};

/// Reads and scans the CLI config at `path`. A missing file is an empty scan.
pub fn scan_aliyun_cli_config(path: &Path) -> Result<ImportScan, ProfileError> {
    let mut bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ImportScan::default()),
        Err(source) => {
            return Err(ProfileError::ImportFileUnreadable {
                path: path.to_owned(),
                source,
            })
        }
    };
    let parsed =
        parse_aliyun_cli_config(&bytes).map_err(|reason| ProfileError::ImportFileInvalid {
            path: path.to_owned(),
            reason,
        });
    // The raw file holds secrets; do not leave a copy in freed memory.
    bytes.zeroize();
    parsed
}

/// Scans the file's content; the error is a reason for `import_file_invalid`.
pub fn parse_aliyun_cli_config(bytes: &[u8]) -> Result<ImportScan, String> {
    let root: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let root = root
        .as_object()
        .ok_or("the top level is not a JSON object")?;
    let current = root
        .get("current")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let profiles = match root.get("profiles") {
        Some(Value::Array(profiles)) => profiles,
        Some(_) => return Err("'profiles' is not a list".into()),
        None => return Ok(ImportScan::default()),
    };
    let mut scan = ImportScan::default();
    for (index, profile) in profiles.iter().enumerate() {
        let Some(fields) = profile.as_object() else {
            scan.unsupported.push(unsupported(
                &format!("#{}", index + 1),
                "",
                "This entry is not a JSON object.".into(),
            ));
            continue;
        };
        let name = text(fields, "name").unwrap_or_else(|| format!("#{}", index + 1));
        let mode = text(fields, "mode").unwrap_or_default();
        match candidate_from(fields, &name, &mode, current) {
            Ok(candidate) => scan.candidates.push(candidate),
            Err(reason) => scan.unsupported.push(unsupported(&name, &mode, reason)),
        }
    }
    Ok(scan)
}

fn candidate_from(
    fields: &Map<String, Value>,
    name: &str,
    mode: &str,
    current: &str,
) -> Result<ImportCandidate, String> {
    let needs_token = match mode {
        "AK" => false,
        "StsToken" => true,
        other => return Err(unsupported_mode_reason(other)),
    };
    let id = text(fields, "access_key_id").ok_or("It has no AccessKey ID.")?;
    let access_key_id = parse_access_key_id(&id).map_err(|e| e.to_string())?;
    let secret = text(fields, "access_key_secret").ok_or("It has no AccessKey secret.")?;
    let access_key_secret = parse_access_key_secret(secret).map_err(|e| e.to_string())?;
    let security_token = match (text(fields, "sts_token"), needs_token) {
        (Some(token), true) => Some(parse_security_token(token).map_err(|e| e.to_string())?),
        (None, true) => return Err("It is an StsToken profile without a token.".into()),
        (Some(mut ignored), false) => {
            // An AK profile's leftover token is not used by the CLI, so it is not imported.
            ignored.zeroize();
            None
        }
        (None, false) => None,
    };
    Ok(ImportCandidate {
        source: ImportSource::AliyunCli,
        source_name: name.to_owned(),
        detail: mode.to_owned(),
        suggested_name: suggest_profile_name(name),
        access_key_id,
        access_key_secret,
        security_token,
        region: text(fields, "region_id").and_then(|r| Region::parse(&r).ok()),
        is_current: !current.is_empty() && name == current,
    })
}

/// One line per CLI mode saying why it cannot be imported yet.
fn unsupported_mode_reason(mode: &str) -> String {
    let reason = match mode {
        "RamRoleArn" => "It assumes a RAM role with an AccessKey; role assumption is not supported yet.",
        "ChainableRamRoleArn" | "RamRoleArnWithRoleName" => {
            "It assumes a RAM role on top of another profile; role chaining is not supported yet."
        }
        "EcsRamRole" => "It takes credentials from the ECS instance metadata service, which exists only on ECS instances.",
        "RsaKeyPair" => "It signs in with an RSA key pair, a deprecated method this app does not support.",
        "External" => "It runs an external program for credentials, and this app does not run commands from config files.",
        "CredentialsURI" => "It fetches credentials from a URL at each use, which is not supported yet.",
        "OIDC" => "It exchanges an OIDC token for a RAM role, which is not supported yet.",
        "CloudSSO" => "It signs in through CloudSSO in a browser, which is not supported yet.",
        "OAuth" => "It signs in with OAuth in a browser, which is not supported yet.",
        "" => "It has no credential mode set.",
        other => return format!("Its credential mode '{other}' is not known to this app."),
    };
    reason.to_owned()
}

fn unsupported(name: &str, mode: &str, reason: String) -> UnsupportedImport {
    UnsupportedImport {
        source: ImportSource::AliyunCli,
        source_name: name.to_owned(),
        mode: mode.to_owned(),
        reason,
    }
}

/// A non-empty string field.
fn text(fields: &Map<String, Value>, key: &str) -> Option<String> {
    fields
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}
