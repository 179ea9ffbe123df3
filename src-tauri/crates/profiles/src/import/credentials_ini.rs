//! Reading the SDKs' shared credentials file, `~/.alibabacloud/credentials` (Go) or
//! `credentials.ini` (Python) (spec account.md §4.2). Sections of `type = access_key` and the
//! legacy `type = sts` become candidates; the other types are listed with a reason.

use std::path::Path;

use zeroize::Zeroize;

use super::candidate::{
    suggest_profile_name, ImportCandidate, ImportScan, ImportSource, UnsupportedImport,
};
use crate::credential_fields::{
    parse_access_key_id, parse_access_key_secret, parse_security_token,
};
use crate::{ProfileError, Region};

/// The section the SDKs use when no profile is named.
const DEFAULT_SECTION: &str = "default";

/// Reads and scans the INI file at `path`. A missing file is an empty scan.
pub fn scan_credentials_ini(path: &Path) -> Result<ImportScan, ProfileError> {
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ImportScan::default()),
        Err(source) => {
            return Err(ProfileError::ImportFileUnreadable {
                path: path.to_owned(),
                source,
            })
        }
    };
    let scan = parse_credentials_ini(&text).map_err(|reason| ProfileError::ImportFileInvalid {
        path: path.to_owned(),
        reason,
    });
    text.zeroize();
    scan
}

/// Scans the file's text; the error is a reason for `import_file_invalid`.
pub fn parse_credentials_ini(text: &str) -> Result<ImportScan, String> {
    let mut scan = ImportScan::default();
    for section in sections(text)? {
        match candidate_from(&section) {
            Ok(candidate) => scan.candidates.push(candidate),
            Err(reason) => scan.unsupported.push(UnsupportedImport {
                source: ImportSource::CredentialsFile,
                source_name: section.name.clone(),
                mode: section.get("type").unwrap_or_default().to_owned(),
                reason,
            }),
        }
    }
    Ok(scan)
}

struct Section {
    name: String,
    entries: Vec<(String, String)>,
}

impl Section {
    fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

impl Drop for Section {
    fn drop(&mut self) {
        // Values include secrets.
        for (_, value) in &mut self.entries {
            value.zeroize();
        }
    }
}

fn sections(text: &str) -> Result<Vec<Section>, String> {
    let mut sections: Vec<Section> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let name = header
                .strip_suffix(']')
                .ok_or_else(|| format!("line {}: a section header must end with ']'", index + 1))?;
            sections.push(Section {
                name: name.trim().to_owned(),
                entries: Vec::new(),
            });
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("line {}: expected 'key = value'", index + 1))?;
        // Like the Python SDK, a '#' starts a comment inside a value too.
        let value = value.split('#').next().unwrap_or_default().trim();
        let section = sections
            .last_mut()
            .ok_or_else(|| format!("line {}: a value before any [section]", index + 1))?;
        section
            .entries
            .push((key.trim().to_owned(), value.to_owned()));
    }
    Ok(sections)
}

fn candidate_from(section: &Section) -> Result<ImportCandidate, String> {
    if section.get("enable") == Some("false") {
        return Err("It is disabled in the file (enable = false).".into());
    }
    let kind = section.get("type").unwrap_or_default();
    let needs_token = match kind {
        "access_key" => false,
        "sts" => true,
        other => return Err(unsupported_type_reason(other)),
    };
    let id = section
        .get("access_key_id")
        .ok_or("It has no access_key_id.")?;
    let access_key_id = parse_access_key_id(id).map_err(|e| e.to_string())?;
    let secret = section
        .get("access_key_secret")
        .ok_or("It has no access_key_secret.")?;
    let access_key_secret =
        parse_access_key_secret(secret.to_owned()).map_err(|e| e.to_string())?;
    let security_token = if needs_token {
        let token = section
            .get("security_token")
            .ok_or("It is an sts section without a security_token.")?;
        Some(parse_security_token(token.to_owned()).map_err(|e| e.to_string())?)
    } else {
        None
    };
    Ok(ImportCandidate {
        source: ImportSource::CredentialsFile,
        source_name: section.name.clone(),
        detail: kind.to_owned(),
        suggested_name: suggest_profile_name(&section.name),
        access_key_id,
        access_key_secret,
        security_token,
        region: section.get("region_id").and_then(|r| Region::parse(r).ok()),
        is_current: section.name == DEFAULT_SECTION,
    })
}

fn unsupported_type_reason(kind: &str) -> String {
    let reason = match kind {
        "ram_role_arn" => {
            "It assumes a RAM role with an AccessKey; role assumption is not supported yet."
        }
        "ecs_ram_role" => "It takes credentials from the ECS instance metadata service, which exists only on ECS instances.",
        "oidc_role_arn" => "It exchanges an OIDC token for a RAM role, which is not supported yet.",
        "rsa_key_pair" => {
            "It signs in with an RSA key pair, a deprecated method this app does not support."
        }
        "bearer" => "It holds a bearer token, which Tablestore and OSS do not accept.",
        "" => "It has no credential type set.",
        other => return format!("Its credential type '{other}' is not known to this app."),
    };
    reason.to_owned()
}
