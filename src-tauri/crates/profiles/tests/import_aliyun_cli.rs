//! Import from the aliyun CLI's `config.json`.
//!
//! The fixtures in `fixtures/aliyun-cli/` were written by hand from the CLI's profile keys and
//! modes (spec account.md §4.1, aliyun-cli `config/profile.go`): one profile per mode the CLI
//! knows, plus broken AK/StsToken profiles and an unknown mode. All keys in them are fake.

use std::path::PathBuf;

use profiles::import::{scan_aliyun_cli_config, ImportSource};
use profiles::{CustomEndpoints, InstanceName, ProfileName, Region};
use signing::SecurityToken;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/aliyun-cli")
        .join(name)
}

#[test]
fn ak_and_sts_token_profiles_become_candidates_with_their_fields() {
    let scan = scan_aliyun_cli_config(&fixture("every-mode.json")).expect("scan");
    let names: Vec<_> = scan
        .candidates
        .iter()
        .map(|c| c.source_name.as_str())
        .collect();
    assert_eq!(names, ["default", "sts", "no region"]);

    let default = &scan.candidates[0];
    assert_eq!(default.source, ImportSource::AliyunCli);
    assert_eq!(default.detail, "AK");
    assert_eq!(default.access_key_id.as_str(), "LTAI5tFakeAkProfile00001");
    assert_eq!(
        default.access_key_secret.expose_secret(),
        "FakeAkSecretForFixture000000001"
    );
    assert!(
        default.security_token.is_none(),
        "an empty sts_token is no token"
    );
    assert_eq!(
        default.region.as_ref().map(Region::as_str),
        Some("cn-hangzhou")
    );
    assert!(!default.is_current);

    let sts = &scan.candidates[1];
    assert_eq!(sts.detail, "StsToken");
    assert_eq!(
        sts.security_token
            .as_ref()
            .map(SecurityToken::expose_secret),
        Some("CAISFakeSecurityTokenForFixture+/=")
    );
    assert_eq!(
        sts.region.as_ref().map(Region::as_str),
        Some("ap-southeast-1")
    );
    assert!(sts.is_current, "'current' names this profile");

    let no_region = &scan.candidates[2];
    assert_eq!(no_region.region, None);
    assert_eq!(no_region.suggested_name.as_str(), "no-region");
}

#[test]
fn every_other_mode_is_listed_with_a_one_line_reason() {
    let scan = scan_aliyun_cli_config(&fixture("every-mode.json")).expect("scan");
    let rows: Vec<(&str, &str)> = scan
        .unsupported
        .iter()
        .map(|u| (u.source_name.as_str(), u.mode.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("ram-role", "RamRoleArn"),
            ("ecs", "EcsRamRole"),
            ("rsa", "RsaKeyPair"),
            ("role-by-name", "RamRoleArnWithRoleName"),
            ("chained", "ChainableRamRoleArn"),
            ("external", "External"),
            ("uri", "CredentialsURI"),
            ("oidc", "OIDC"),
            ("sso", "CloudSSO"),
            ("oauth", "OAuth"),
            ("sts-without-token", "StsToken"),
            ("ak-bad-id", "AK"),
            ("no-mode", ""),
            ("future", "QuantumEntangled"),
        ]
    );
    let reason = |name: &str| {
        scan.unsupported
            .iter()
            .find(|u| u.source_name == name)
            .map(|u| u.reason.clone())
            .expect("listed")
    };
    assert_eq!(
        reason("ram-role"),
        "It assumes a RAM role with an AccessKey; role assumption is not supported yet."
    );
    assert_eq!(
        reason("ecs"),
        "It takes credentials from the ECS instance metadata service, which exists only on ECS instances."
    );
    assert_eq!(
        reason("sts-without-token"),
        "It is an StsToken profile without a token."
    );
    assert!(reason("ak-bad-id").contains("does not start with 'LTAI' or 'STS.'"));
    assert_eq!(reason("no-mode"), "It has no credential mode set.");
    assert_eq!(
        reason("future"),
        "Its credential mode 'QuantumEntangled' is not known to this app."
    );
    for row in &scan.unsupported {
        assert!(!row.reason.contains('\n'), "one line: {}", row.reason);
        assert_eq!(row.source, ImportSource::AliyunCli);
    }
}

#[test]
fn the_preview_never_contains_a_secret_or_token() {
    let scan = scan_aliyun_cli_config(&fixture("every-mode.json")).expect("scan");
    let json = serde_json::to_string(&scan.preview()).expect("serialises");
    for secret in [
        "FakeAkSecretForFixture",
        "FakeStsSecretForFixture",
        "CAISFakeSecurityToken",
        "fake-oauth",
        "LTAI5tFakeAkProfile00001",
    ] {
        assert!(!json.contains(secret), "{secret} leaked into {json}");
    }
    assert!(
        json.contains("\"accessKeyIdMasked\":\"LTAI****0001\""),
        "{json}"
    );
    assert!(json.contains("\"hasSecurityToken\":true"), "{json}");
    let debug = format!("{scan:?}");
    assert!(
        !debug.contains("FakeAkSecretForFixture"),
        "Debug leaks: {debug}"
    );
}

#[test]
fn a_candidate_becomes_a_new_profile_once_the_user_adds_an_instance() {
    let mut scan = scan_aliyun_cli_config(&fixture("every-mode.json")).expect("scan");
    let candidate = scan.take(ImportSource::AliyunCli, "sts").expect("present");
    let profile = candidate
        .into_new_profile(
            ProfileName::parse("imported-sts").expect("name"),
            None,
            InstanceName::parse("my-inst").expect("instance"),
            CustomEndpoints::default(),
        )
        .expect("complete");
    assert_eq!(profile.region.as_str(), "ap-southeast-1");
    assert_eq!(
        profile.access_key_id.as_str(),
        "STS.FakeTemporaryKey0000000001"
    );
    assert!(profile.security_token.is_some());

    let missing = scan
        .take(ImportSource::AliyunCli, "sts")
        .expect_err("taken already");
    assert_eq!(missing.code(), "import_candidate_not_found");
}

#[test]
fn a_candidate_without_a_region_needs_one_from_the_user() {
    let mut scan = scan_aliyun_cli_config(&fixture("every-mode.json")).expect("scan");
    let name = ProfileName::parse("x").expect("name");
    let instance = InstanceName::parse("my-inst").expect("instance");
    let candidate = scan
        .take(ImportSource::AliyunCli, "no region")
        .expect("present");
    let error = candidate
        .clone()
        .into_new_profile(
            name.clone(),
            None,
            instance.clone(),
            CustomEndpoints::default(),
        )
        .expect_err("no region");
    assert_eq!(error.code(), "invalid_region");
    let region = Region::parse("cn-shanghai").expect("region");
    let profile = candidate
        .into_new_profile(name, Some(region), instance, CustomEndpoints::default())
        .expect("with region");
    assert_eq!(profile.region.as_str(), "cn-shanghai");
}

#[test]
fn a_missing_config_file_is_an_empty_scan() {
    let scan = scan_aliyun_cli_config(&fixture("does-not-exist.json")).expect("scan");
    assert!(scan.candidates.is_empty() && scan.unsupported.is_empty());
}

#[test]
fn a_truncated_config_file_is_reported_as_invalid_without_its_content() {
    let error = scan_aliyun_cli_config(&fixture("truncated.json")).expect_err("truncated");
    assert_eq!(error.code(), "import_file_invalid");
    assert!(error.to_string().contains("truncated.json"), "{error}");
    assert!(error.to_string().contains("not valid JSON"), "{error}");
}
