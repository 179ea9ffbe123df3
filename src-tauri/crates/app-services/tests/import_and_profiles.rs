//! Importing credentials through the app's services, and editing profiles, with an in-memory
//! keyring (the real Secret Service is covered by the profiles crate's keyring tests).
#![cfg(feature = "test-support")]

use app_services::{AppServices, EnvironmentSource, ErrorCode, ImportRequest, ImportSources};
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

/// An AccessKey pair in `ALIBABA_CLOUD_*` variables.
fn env_key_pair() -> EnvironmentSource {
    EnvironmentSource::Given(vec![
        (
            "ALIBABA_CLOUD_ACCESS_KEY_ID".into(),
            "LTAI5tEnvKeyId0000000001".into(),
        ),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET".into(),
            "EnvSecretSentinel0000000000001".into(),
        ),
    ])
}

#[test]
fn the_preview_lists_importable_and_unsupported_entries_without_secrets() {
    let dir = tempfile::tempdir().expect("dir");
    let sources = ImportSources {
        aliyun_cli_config: Some(cli_config(dir.path())),
        credentials_ini: vec![dir.path().join("missing.ini")],
        environment: env_key_pair(),
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

#[test]
fn the_users_sources_are_the_cli_config_and_the_shared_credentials_file_in_the_home_folder() {
    let home = tempfile::tempdir().expect("home");
    std::fs::create_dir_all(home.path().join(".aliyun")).expect("dir");
    std::fs::rename(
        cli_config(home.path()),
        home.path().join(".aliyun").join("config.json"),
    )
    .expect("moves");
    // The Python SDK's file name: found because the Go SDK's name is absent.
    std::fs::create_dir_all(home.path().join(".alibabacloud")).expect("dir");
    std::fs::write(
        home.path().join(".alibabacloud").join("credentials.ini"),
        "[default]\ntype = access_key\naccess_key_id = LTAI5tIniKeyId000000001\naccess_key_secret = IniSecretSentinel000000000001\n",
    )
    .expect("writes");
    let sources = ImportSources::of_user(Some(home.path()), |_| None);
    let data = tempfile::tempdir().expect("data");
    let preview = services(data.path(), sources)
        .import_preview()
        .expect("scans");
    let found: Vec<(ImportSource, &str)> = preview
        .candidates
        .iter()
        .map(|c| (c.source, c.source_name.as_str()))
        .collect();
    assert!(
        found.contains(&(ImportSource::AliyunCli, "work")),
        "{found:?}"
    );
    assert!(
        found.contains(&(ImportSource::CredentialsFile, "default")),
        "{found:?}"
    );
}

#[test]
fn the_variables_the_official_tools_read_move_the_files() {
    let home = tempfile::tempdir().expect("home");
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    let cli = cli_config(elsewhere.path());
    let ini = elsewhere.path().join("creds");
    let variables = |name: &str| match name {
        "ALIBABA_CLOUD_CONFIG_FILE" => Some(cli.display().to_string()),
        "ALIBABA_CLOUD_CREDENTIALS_FILE" => Some(ini.display().to_string()),
        _ => None,
    };
    let sources = ImportSources::of_user(Some(home.path()), variables);
    assert_eq!(sources.aliyun_cli_config.as_deref(), Some(cli.as_path()));
    assert_eq!(sources.credentials_ini, vec![ini.clone()]);
    // An empty value counts as unset, as in the SDKs.
    let sources = ImportSources::of_user(Some(home.path()), |_| Some(" ".into()));
    assert_eq!(
        sources.aliyun_cli_config,
        Some(home.path().join(".aliyun").join("config.json"))
    );
}

#[test]
fn a_broken_file_is_listed_as_a_problem_and_hides_nothing_else() {
    let dir = tempfile::tempdir().expect("dir");
    let broken = dir.path().join("config.json");
    std::fs::write(&broken, b"{ not json").expect("writes");
    let sources = ImportSources {
        aliyun_cli_config: Some(broken.clone()),
        credentials_ini: Vec::new(),
        environment: env_key_pair(),
    };
    let preview = services(dir.path(), sources)
        .import_preview()
        .expect("scans");
    assert!(
        preview
            .candidates
            .iter()
            .any(|c| c.source == ImportSource::Environment),
        "{preview:?}"
    );
    let problem = &preview.unsupported[0];
    assert_eq!(problem.source, ImportSource::AliyunCli);
    assert_eq!(problem.source_name, broken.display().to_string());
    assert!(
        problem.reason.contains("not valid JSON"),
        "{}",
        problem.reason
    );
}

#[test]
fn the_sources_debug_output_names_variables_but_never_their_values() {
    let sources = ImportSources {
        environment: EnvironmentSource::Given(vec![(
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET".into(),
            "EnvSecretSentinel0000000000001".into(),
        )]),
        ..ImportSources::default()
    };
    let shown = format!("{sources:?}");
    assert!(shown.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{shown}");
    assert!(!shown.contains("EnvSecretSentinel"), "{shown}");
}
