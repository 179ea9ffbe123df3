//! Importing credentials through the app's services, and editing profiles, with an in-memory
//! keyring (the real Secret Service is covered by the profiles crate's keyring tests).
#![cfg(feature = "test-support")]

use app_services::{AppServices, ErrorCode, ImportRequest, ImportSources};
use profiles::import::ImportSource;

const CLI_SECRET: &str = "CliSecretSentinel000000000000001";

fn services(dir: &std::path::Path, sources: ImportSources) -> AppServices {
    AppServices::new(
        "0.1.0",
        dir,
        dir,
        app_services::vaults::in_memory("tests.import"),
    )
    .with_import_sources(sources)
}

fn cli_config(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("config.json");
    let config = serde_json::json!({
        "current": "work",
        "profiles": [
            { "name": "work", "mode": "AK", "access_key_id": "LTAI5tCliKeyId000000001",
              "access_key_secret": CLI_SECRET, "region_id": "cn-shanghai" },
            { "name": "ops", "mode": "RamRoleArn", "access_key_id": "LTAI5tCliKeyId000000002",
              "access_key_secret": "x", "ram_role_arn": "acs:ram::1:role/ops", "region_id": "cn-hangzhou" }
        ]
    });
    std::fs::write(&path, config.to_string()).expect("writes");
    path
}

#[test]
fn the_preview_lists_importable_and_unsupported_entries_without_secrets() {
    let dir = tempfile::tempdir().expect("dir");
    let sources = ImportSources {
        aliyun_cli_config: Some(cli_config(dir.path())),
        credentials_ini: Some(dir.path().join("missing.ini")),
        environment: vec![
            (
                "ALIBABA_CLOUD_ACCESS_KEY_ID".into(),
                "LTAI5tEnvKeyId0000000001".into(),
            ),
            (
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET".into(),
                "EnvSecretSentinel0000000000001".into(),
            ),
        ],
    };
    let preview = services(dir.path(), sources)
        .import_preview()
        .expect("scans");
    let json = serde_json::to_string(&preview).expect("json");
    assert!(
        !json.contains(CLI_SECRET) && !json.contains("EnvSecretSentinel"),
        "{json}"
    );
    let names: Vec<(ImportSource, &str)> = preview
        .candidates
        .iter()
        .map(|c| (c.source, c.source_name.as_str()))
        .collect();
    assert!(
        names.contains(&(ImportSource::AliyunCli, "work")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|(s, _)| *s == ImportSource::Environment),
        "{names:?}"
    );
    assert_eq!(preview.unsupported.len(), 1);
    assert_eq!(preview.unsupported[0].mode, "RamRoleArn");
}

#[test]
fn an_imported_profile_keeps_the_source_region_and_is_listed() {
    let dir = tempfile::tempdir().expect("dir");
    let sources = ImportSources {
        aliyun_cli_config: Some(cli_config(dir.path())),
        ..ImportSources::default()
    };
    let services = services(dir.path(), sources);
    let imported = services
        .import_profile(ImportRequest {
            source: ImportSource::AliyunCli,
            source_name: "work".into(),
            name: "work".into(),
            region: None,
            instance_name: "orders-prod".into(),
        })
        .expect("imports");
    assert_eq!(imported.region, "cn-shanghai");
    let listed = services.list_profiles().expect("lists");
    assert!(listed.iter().any(|p| p.name == "work"));
    let again = services
        .import_profile(ImportRequest {
            source: ImportSource::AliyunCli,
            source_name: "work".into(),
            name: "work".into(),
            region: None,
            instance_name: "orders-prod".into(),
        })
        .expect_err("exists");
    assert_eq!(again.code, ErrorCode::ProfileExists);
}

#[test]
fn importing_an_entry_that_is_not_there_is_a_coded_error() {
    let dir = tempfile::tempdir().expect("dir");
    let error = services(dir.path(), ImportSources::default())
        .import_profile(ImportRequest {
            source: ImportSource::AliyunCli,
            source_name: "ghost".into(),
            name: "ghost".into(),
            region: Some("cn-hangzhou".into()),
            instance_name: "inst-a".into(),
        })
        .expect_err("missing");
    assert_eq!(error.code, ErrorCode::ImportCandidateNotFound);
}
