//! Credentials from environment variables (spec account.md §4.3).
//!
//! The variables are passed in, never read from the process here, so tests and the app decide
//! what is scanned. For each value the CLI's alias names are tried in the CLI's order and the
//! first non-empty one wins. Providers the app cannot use yet (OIDC, credentials URI, ECS role)
//! are reported as unsupported when their variables are set.

use std::collections::HashMap;

use zeroize::Zeroize;

use super::candidate::{ImportCandidate, ImportScan, ImportSource, UnsupportedImport};
use crate::credential_fields::{
    parse_access_key_id, parse_access_key_secret, parse_security_token,
};
use crate::{ProfileError, ProfileName, Region};

/// The source name environment candidates carry.
pub const ENVIRONMENT_SOURCE_NAME: &str = "environment";

const ACCESS_KEY_ID: &[&str] = &[
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABACLOUD_ACCESS_KEY_ID",
    "ALICLOUD_ACCESS_KEY_ID",
    "ACCESS_KEY_ID",
];
const ACCESS_KEY_SECRET: &[&str] = &[
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABACLOUD_ACCESS_KEY_SECRET",
    "ALICLOUD_ACCESS_KEY_SECRET",
    "ACCESS_KEY_SECRET",
];
const SECURITY_TOKEN: &[&str] = &[
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALIBABACLOUD_SECURITY_TOKEN",
    "ALICLOUD_SECURITY_TOKEN",
    "SECURITY_TOKEN",
];
const REGION: &[&str] = &[
    "ALIBABA_CLOUD_REGION_ID",
    "ALIBABACLOUD_REGION_ID",
    "ALICLOUD_REGION_ID",
    "REGION_ID",
    "REGION",
];
const OIDC: &[&str] = &[
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
];

/// Scans `vars` (e.g. `std::env::vars()`) for credentials.
pub fn scan_environment<I, K, V>(vars: I) -> ImportScan
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<String>,
{
    let mut env: HashMap<String, String> = vars
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    let mut scan = ImportScan::default();
    match key_pair_candidate(&env) {
        Ok(Some(candidate)) => scan.candidates.push(candidate),
        Ok(None) => {}
        Err(reason) => scan.unsupported.push(unsupported("AK", reason)),
    }
    if OIDC.iter().all(|name| env.contains_key(*name)) {
        scan.unsupported.push(unsupported(
            "OIDC",
            "ALIBABA_CLOUD_ROLE_ARN and the OIDC variables ask for an OIDC role, which is not supported yet.".into(),
        ));
    }
    if env.contains_key("ALIBABA_CLOUD_CREDENTIALS_URI") {
        scan.unsupported.push(unsupported(
            "CredentialsURI",
            "ALIBABA_CLOUD_CREDENTIALS_URI fetches credentials from a URL at each use, which is not supported yet.".into(),
        ));
    }
    if env.contains_key("ALIBABA_CLOUD_ECS_METADATA") {
        scan.unsupported.push(unsupported(
            "EcsRamRole",
            "ALIBABA_CLOUD_ECS_METADATA names an ECS instance role, which exists only on ECS instances.".into(),
        ));
    }
    // The map held secrets; clear them rather than leave them in freed memory.
    for value in env.values_mut() {
        value.zeroize();
    }
    scan
}

fn key_pair_candidate(env: &HashMap<String, String>) -> Result<Option<ImportCandidate>, String> {
    let id = first(env, ACCESS_KEY_ID);
    let secret = first(env, ACCESS_KEY_SECRET);
    let (id_var, id, secret_var, secret) = match (id, secret) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err("An AccessKey ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not.".into())
        }
        (None, Some(_)) => {
            return Err("An AccessKey secret is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not.".into())
        }
        (Some((id_var, id)), Some((secret_var, secret))) => (id_var, id, secret_var, secret),
    };
    let access_key_id =
        parse_access_key_id(id).map_err(|e| format!("{id_var}: {}", message(&e)))?;
    let access_key_secret = parse_access_key_secret(secret.to_owned())
        .map_err(|e| format!("{secret_var}: {}", message(&e)))?;
    let mut used = vec![id_var, secret_var];
    let security_token = match first(env, SECURITY_TOKEN) {
        Some((token_var, token)) => {
            used.push(token_var);
            Some(
                parse_security_token(token.to_owned())
                    .map_err(|e| format!("{token_var}: {}", message(&e)))?,
            )
        }
        None => None,
    };
    let region = first(env, REGION).and_then(|(region_var, region)| {
        let parsed = Region::parse(region.trim()).ok();
        if parsed.is_some() {
            used.push(region_var);
        }
        parsed
    });
    Ok(Some(ImportCandidate {
        source: ImportSource::Environment,
        source_name: ENVIRONMENT_SOURCE_NAME.to_owned(),
        detail: used.join(", "),
        suggested_name: ProfileName::parse(ENVIRONMENT_SOURCE_NAME).expect("a valid name"),
        access_key_id,
        access_key_secret,
        security_token,
        region,
        is_current: false,
    }))
}

fn first<'a>(
    env: &'a HashMap<String, String>,
    names: &[&'static str],
) -> Option<(&'static str, &'a str)> {
    names
        .iter()
        .find_map(|name| env.get(*name).map(|value| (*name, value.as_str())))
}

fn message(error: &ProfileError) -> String {
    error.to_string()
}

fn unsupported(mode: &str, reason: String) -> UnsupportedImport {
    UnsupportedImport {
        source: ImportSource::Environment,
        source_name: ENVIRONMENT_SOURCE_NAME.to_owned(),
        mode: mode.to_owned(),
        reason,
    }
}
