//! Import from the SDKs' shared credentials INI file.
//!
//! `fixtures/credentials-ini/every-type.ini` was written by hand from the types and keys in
//! spec account.md §4.2 (credentials-go's fixture layout, Python's `#` comments). Keys are fake.

use std::path::PathBuf;

use profiles::import::{parse_credentials_ini, scan_credentials_ini, ImportSource};
use profiles::Region;
use signing::SecurityToken;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/credentials-ini/every-type.ini")
}

#[test]
fn access_key_and_sts_sections_become_candidates() {
    let scan = scan_credentials_ini(&fixture()).expect("scan");
    let names: Vec<_> = scan
        .candidates
        .iter()
        .map(|c| c.source_name.as_str())
        .collect();
    assert_eq!(names, ["default", "legacy-sts"]);
    let default = &scan.candidates[0];
    assert_eq!(default.source, ImportSource::CredentialsFile);
    assert_eq!(default.detail, "access_key");
    assert_eq!(
        default.access_key_secret.expose_secret(),
        "FakeIniSecretForFixture0000001",
        "the trailing comment is not part of the secret"
    );
    assert_eq!(
        default.region.as_ref().map(Region::as_str),
        Some("cn-shenzhen")
    );
    assert!(
        default.is_current,
        "the default section is the SDKs' default"
    );
    let sts = &scan.candidates[1];
    assert_eq!(
        sts.security_token
            .as_ref()
            .map(SecurityToken::expose_secret),
        Some("CAISFakeIniSecurityToken+/=")
    );
    assert!(!sts.is_current);
}

#[test]
fn other_types_and_disabled_sections_are_listed_with_a_reason() {
    let scan = scan_credentials_ini(&fixture()).expect("scan");
    let rows: Vec<(&str, &str, &str)> = scan
        .unsupported
        .iter()
        .map(|u| (u.source_name.as_str(), u.mode.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("disabled", "access_key", "It is disabled in the file (enable = false)."),
            (
                "role",
                "ram_role_arn",
                "It assumes a RAM role with an AccessKey; role assumption is not supported yet."
            ),
            (
                "ecs",
                "ecs_ram_role",
                "It takes credentials from the ECS instance metadata service, which exists only on ECS instances."
            ),
            ("oidc", "oidc_role_arn", "It exchanges an OIDC token for a RAM role, which is not supported yet."),
            (
                "rsa",
                "rsa_key_pair",
                "It signs in with an RSA key pair, a deprecated method this app does not support."
            ),
            ("bearer", "bearer", "It holds a bearer token, which Tablestore and OSS do not accept."),
            ("untyped", "", "It has no credential type set."),
        ]
    );
}

#[test]
fn the_preview_holds_no_secret_from_the_file() {
    let scan = scan_credentials_ini(&fixture()).expect("scan");
    let json = serde_json::to_string(&scan.preview()).expect("json");
    for secret in [
        "FakeIniSecretForFixture",
        "FakeIniStsSecret",
        "CAISFakeIniSecurityToken",
        "fake-bearer",
    ] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    assert!(json.contains("\"source\":\"credentials_file\""), "{json}");
}

#[test]
fn malformed_lines_are_reported_with_their_line_number() {
    let error = parse_credentials_ini("[default\ntype = access_key\n").expect_err("bad header");
    assert_eq!(error, "line 1: a section header must end with ']'");
    let error = parse_credentials_ini("type = access_key\n").expect_err("no section");
    assert_eq!(error, "line 1: a value before any [section]");
    let error = parse_credentials_ini("[a]\njust words\n").expect_err("no equals");
    assert_eq!(error, "line 2: expected 'key = value'");
}

#[test]
fn a_missing_file_is_an_empty_scan() {
    let scan = scan_credentials_ini(&fixture().with_file_name("absent.ini")).expect("scan");
    assert!(scan.candidates.is_empty() && scan.unsupported.is_empty());
}
