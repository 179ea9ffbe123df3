//! Import from environment variables, passed in as a list (the process environment is never read).

use profiles::import::{scan_environment, ImportSource, ENVIRONMENT_SOURCE_NAME};
use profiles::Region;
use signing::SecurityToken;

const ID: &str = "LTAI5tFakeEnvironment001";
const SECRET: &str = "FakeEnvironmentSecret000000001";

fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn the_official_variables_give_one_candidate() {
    let scan = scan_environment(vars(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", ID),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_REGION_ID", "cn-shanghai"),
        ("PATH", "/usr/bin"),
    ]));
    assert!(scan.unsupported.is_empty());
    let [candidate] = scan.candidates.as_slice() else {
        panic!("one candidate expected: {scan:?}");
    };
    assert_eq!(candidate.source, ImportSource::Environment);
    assert_eq!(candidate.source_name, ENVIRONMENT_SOURCE_NAME);
    assert_eq!(candidate.suggested_name.as_str(), "environment");
    assert_eq!(candidate.access_key_id.as_str(), ID);
    assert_eq!(candidate.access_key_secret.expose_secret(), SECRET);
    assert!(candidate.security_token.is_none());
    assert_eq!(
        candidate.region.as_ref().map(Region::as_str),
        Some("cn-shanghai")
    );
    assert_eq!(
        candidate.detail,
        "ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_REGION_ID"
    );
}

#[test]
fn alias_names_are_tried_in_the_cli_order_and_empty_values_are_skipped() {
    let scan = scan_environment(vars(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", ""),
        ("ALICLOUD_ACCESS_KEY_ID", ID),
        ("ACCESS_KEY_ID", "LTAI5tShouldNotBeChosen0"),
        ("ALIBABACLOUD_ACCESS_KEY_SECRET", SECRET),
        ("SECURITY_TOKEN", "CAISFakeEnvToken"),
        ("REGION", "eu-central-1"),
    ]));
    let candidate = &scan.candidates[0];
    assert_eq!(candidate.access_key_id.as_str(), ID);
    assert_eq!(
        candidate
            .security_token
            .as_ref()
            .map(SecurityToken::expose_secret),
        Some("CAISFakeEnvToken")
    );
    assert_eq!(
        candidate.region.as_ref().map(Region::as_str),
        Some("eu-central-1")
    );
    assert_eq!(
        candidate.detail,
        "ALICLOUD_ACCESS_KEY_ID, ALIBABACLOUD_ACCESS_KEY_SECRET, SECURITY_TOKEN, REGION"
    );
}

#[test]
fn a_temporary_key_keeps_its_token() {
    let scan = scan_environment(vars(&[
        (
            "ALIBABA_CLOUD_ACCESS_KEY_ID",
            "STS.FakeTemporaryEnvKey00001",
        ),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", "CAISFakeEnvToken"),
    ]));
    assert!(scan.candidates[0].security_token.is_some());
    assert_eq!(scan.candidates[0].region, None);
}

#[test]
fn half_a_key_pair_is_reported_not_imported() {
    let scan = scan_environment(vars(&[("ALIBABA_CLOUD_ACCESS_KEY_ID", ID)]));
    assert!(scan.candidates.is_empty());
    assert_eq!(scan.unsupported.len(), 1);
    assert_eq!(
        scan.unsupported[0].reason,
        "An AccessKey ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not."
    );
}

#[test]
fn a_malformed_id_is_reported_with_the_variable_name_and_no_secret() {
    let scan = scan_environment(vars(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "AKIAFAKEFAKE"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
    ]));
    let reason = &scan.unsupported[0].reason;
    assert!(
        reason.starts_with("ALIBABA_CLOUD_ACCESS_KEY_ID: "),
        "{reason}"
    );
    assert!(!reason.contains(SECRET));
}

#[test]
fn providers_the_app_cannot_use_yet_are_listed_when_their_variables_are_set() {
    let scan = scan_environment(vars(&[
        ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/x"),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/x",
        ),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/tmp/token"),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", "http://127.0.0.1:1/creds"),
        ("ALIBABA_CLOUD_ECS_METADATA", "role"),
    ]));
    assert!(scan.candidates.is_empty());
    let modes: Vec<_> = scan.unsupported.iter().map(|u| u.mode.as_str()).collect();
    assert_eq!(modes, ["OIDC", "CredentialsURI", "EcsRamRole"]);
}

#[test]
fn no_credential_variables_means_nothing_found() {
    let scan = scan_environment(vars(&[("HOME", "/root")]));
    assert!(scan.candidates.is_empty() && scan.unsupported.is_empty());
}

#[test]
fn the_preview_shows_the_masked_id_and_never_the_secret_or_token() {
    let scan = scan_environment(vars(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", ID),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET),
        ("ALIBABA_CLOUD_SECURITY_TOKEN", "CAISFakeEnvToken"),
    ]));
    let json = serde_json::to_value(scan.preview()).expect("json");
    assert_eq!(json["candidates"][0]["accessKeyIdMasked"], "LTAI****t001");
    let text = json.to_string();
    assert!(!text.contains(SECRET) && !text.contains("CAISFakeEnvToken") && !text.contains(ID));
}
