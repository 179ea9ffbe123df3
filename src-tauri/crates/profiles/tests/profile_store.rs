//! The profile store's logic against keyring-core's in-memory mock store (the real Secret
//! Service runs in `secret_service.rs`). Covers the JSON file's round trip, atomicity, corrupt
//! and future files, and keeping the file and the keyring consistent when either side fails.

use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use profiles::{
    CustomEndpoints, Endpoint, EndpointService, InstanceName, KeyringNamespace, KeyringVault,
    NewProfile, NewProfileRequest, ProfileError, ProfileId, ProfileName, ProfileStatus,
    ProfileStore, ProfileUpdate, Region, SandboxEndpoints, SandboxProfile, SecretKind, SecretVault,
    TokenChange,
};
use signing::{AccessKeyId, Credentials, Secret, SecurityToken};

const SECRET: &str = "StoreTestSecretValue0123456789";
const NEW_SECRET: &str = "StoreTestSecretReplaced0123456";
const TOKEN: &str = "CAISStoreTestToken+/=";

/// A mock-backed vault whose writes or removals can be made to fail, like a locked keyring.
/// Lookups can fail too, and are counted.
/// It can also block the profiles file during a write, so the store's later file save fails.
#[derive(Debug)]
struct SwitchableVault {
    inner: KeyringVault,
    fail_writes: AtomicBool,
    fail_removes: AtomicBool,
    fail_lookups: AtomicBool,
    lookups: std::sync::atomic::AtomicUsize,
    block_file_on_write: Mutex<Option<PathBuf>>,
}

impl SwitchableVault {
    fn new() -> Arc<Self> {
        let store = keyring_core::mock::Store::new().expect("mock store");
        Arc::new(Self {
            inner: KeyringVault::with_store(
                store,
                KeyringNamespace::new("tests.profiles").expect("ns"),
            ),
            fail_writes: AtomicBool::new(false),
            fail_removes: AtomicBool::new(false),
            fail_lookups: AtomicBool::new(false),
            lookups: std::sync::atomic::AtomicUsize::new(0),
            block_file_on_write: Mutex::new(None),
        })
    }

    fn locked() -> ProfileError {
        ProfileError::KeychainLocked {
            detail: "locked for the test".into(),
        }
    }
}

impl SecretVault for SwitchableVault {
    fn read(
        &self,
        profile: &ProfileName,
        kind: SecretKind,
    ) -> Result<Option<Secret>, ProfileError> {
        self.inner.read(profile, kind)
    }
    fn contains(&self, profile: &ProfileName, kind: SecretKind) -> Result<bool, ProfileError> {
        self.lookups.fetch_add(1, Ordering::SeqCst);
        if self.fail_lookups.load(Ordering::SeqCst) {
            return Err(Self::locked());
        }
        self.inner.contains(profile, kind)
    }
    fn write(
        &self,
        profile: &ProfileName,
        kind: SecretKind,
        value: &Secret,
    ) -> Result<(), ProfileError> {
        if self.fail_writes.load(Ordering::SeqCst) {
            return Err(Self::locked());
        }
        if let Some(path) = self.block_file_on_write.lock().expect("lock").take() {
            // A non-empty folder where the file was: renaming the new file over it fails.
            std::fs::remove_file(&path).expect("remove file");
            std::fs::create_dir(&path).expect("folder in its place");
            std::fs::write(path.join("blocker"), b"x").expect("fill folder");
        }
        self.inner.write(profile, kind, value)
    }
    fn remove(&self, profile: &ProfileName, kind: SecretKind) -> Result<(), ProfileError> {
        if self.fail_removes.load(Ordering::SeqCst) {
            return Err(Self::locked());
        }
        self.inner.remove(profile, kind)
    }
}

/// 2026-11-24T11:45:00Z as Unix seconds, the form a clock reading arrives in.
const EXAMPLE_UNIX_SECONDS: u64 = 1_795_520_700;

fn fixed_clock() -> SystemTime {
    // 2026-11-24T11:45:00Z
    UNIX_EPOCH + Duration::from_secs(EXAMPLE_UNIX_SECONDS)
}

fn setup() -> (tempfile::TempDir, Arc<SwitchableVault>, ProfileStore) {
    let dir = tempfile::tempdir().expect("dir");
    let vault = SwitchableVault::new();
    let store = ProfileStore::new(dir.path(), vault.clone()).with_clock(fixed_clock);
    (dir, vault, store)
}

fn name(text: &str) -> ProfileName {
    ProfileName::parse(text).expect("name")
}

fn new_profile(profile: &str) -> NewProfile {
    NewProfile {
        name: name(profile),
        access_key_id: AccessKeyId::parse("LTAI5tStoreTestKey000001").expect("id"),
        access_key_secret: Secret::from(SECRET),
        security_token: None,
        region: Region::parse("cn-hangzhou").expect("region"),
        instance_name: InstanceName::parse("store-test").expect("instance"),
        endpoints: CustomEndpoints::default(),
    }
}

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn file_text(store: &ProfileStore) -> String {
    std::fs::read_to_string(store.file_path()).expect("profiles.json")
}

#[test]
fn a_created_profile_lists_as_ready_and_its_file_holds_no_secret() {
    let (dir, vault, store) = setup();
    let mut profile = new_profile("prod");
    profile.endpoints.oss =
        Some(Endpoint::parse(EndpointService::Oss, "https://oss.example.com").expect("ep"));
    let summary = store.create(profile).expect("created");
    assert_eq!(summary.status, ProfileStatus::Ready);

    let listed = store.list().expect("list");
    assert_eq!(listed, vec![summary]);
    assert_eq!(
        listed[0].endpoints.oss.as_deref(),
        Some("https://oss.example.com")
    );
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        Some(Secret::from(SECRET))
    );
    let text = file_text(&store);
    assert!(!text.contains(SECRET), "{text}");
    assert!(text.contains("\"version\": 1"), "{text}");
    assert_eq!(
        dir_entries(dir.path()),
        vec!["profiles.json"],
        "no temp file left behind"
    );
}

#[test]
fn the_file_round_trips_through_a_new_store_instance() {
    let (dir, vault, store) = setup();
    let mut profile = new_profile("prod");
    profile.endpoints.tablestore =
        Some(Endpoint::parse(EndpointService::Tablestore, "http://127.0.0.1:8800").expect("ep"));
    store.create(profile).expect("created");
    store.create(new_profile("alpha")).expect("created");
    let reopened = ProfileStore::new(dir.path(), vault);
    let stored = reopened.stored(&name("prod")).expect("stored");
    assert_eq!(stored.access_key_id.as_str(), "LTAI5tStoreTestKey000001");
    assert_eq!(stored.region.as_str(), "cn-hangzhou");
    assert_eq!(stored.instance_name.as_str(), "store-test");
    assert_eq!(
        stored.endpoints.tablestore.as_ref().map(Endpoint::as_str),
        Some("http://127.0.0.1:8800")
    );
    let names: Vec<_> = reopened
        .list()
        .expect("list")
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["alpha", "prod"], "sorted by name");
}

#[test]
fn a_connection_carries_the_secret_token_and_resolved_endpoints() {
    let (_dir, _vault, store) = setup();
    let mut profile = new_profile("temp");
    profile.access_key_id = AccessKeyId::parse("STS.StoreTestTemporary00001").expect("id");
    profile.security_token = Some(SecurityToken::from(TOKEN));
    store.create(profile).expect("created");
    let connection = store
        .connection(&ProfileId::parse("temp").expect("id"))
        .expect("connection");
    assert_eq!(
        connection.credentials.access_key_secret,
        Secret::from(SECRET)
    );
    assert_eq!(
        connection
            .credentials
            .security_token
            .as_ref()
            .map(SecurityToken::expose_secret),
        Some(TOKEN)
    );
    assert_eq!(
        connection.endpoints.tablestore.as_str(),
        "https://store-test.cn-hangzhou.ots.aliyuncs.com"
    );
    assert!(
        !format!("{connection:?}").contains(SECRET),
        "Debug hides the secret"
    );
}

#[test]
fn names_collide_ignoring_case() {
    let (_dir, _vault, store) = setup();
    store.create(new_profile("Prod")).expect("created");
    let error = store.create(new_profile("prod")).expect_err("taken");
    assert_eq!(error.code(), "profile_exists");
    assert_eq!(error.to_string(), "A profile named 'Prod' already exists.");
}

#[test]
fn a_keyring_write_failure_leaves_the_file_unchanged() {
    let (_dir, vault, store) = setup();
    store.create(new_profile("prod")).expect("created");
    let before = file_text(&store);
    vault.fail_writes.store(true, Ordering::SeqCst);

    let error = store.create(new_profile("second")).expect_err("locked");
    assert_eq!(error.code(), "keychain_locked");
    let update = ProfileUpdate {
        access_key_secret: Some(Secret::from(NEW_SECRET)),
        region: Some(Region::parse("cn-beijing").expect("region")),
        ..ProfileUpdate::default()
    };
    let error = store.update(&name("prod"), update).expect_err("locked");
    assert_eq!(error.code(), "keychain_locked");
    assert_eq!(file_text(&store), before);
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        Some(Secret::from(SECRET))
    );
}

#[test]
fn a_file_write_failure_undoes_the_keyring_writes() {
    let (_dir, vault, store) = setup();
    store.create(new_profile("prod")).expect("created");
    let path = store.file_path().to_owned();
    let saved = std::fs::read(&path).expect("read");

    *vault.block_file_on_write.lock().expect("lock") = Some(path.clone());
    let update = ProfileUpdate {
        access_key_secret: Some(Secret::from(NEW_SECRET)),
        ..ProfileUpdate::default()
    };
    let error = store
        .update(&name("prod"), update)
        .expect_err("file blocked");
    assert_eq!(error.code(), "profiles_file_write_failed");
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        Some(Secret::from(SECRET)),
        "the old secret was restored"
    );

    // Put the file back, then fail a create the same way: its new entry must be removed.
    std::fs::remove_dir_all(&path).expect("unblock");
    std::fs::write(&path, &saved).expect("restore");
    *vault.block_file_on_write.lock().expect("lock") = Some(path.clone());
    let error = store
        .create(new_profile("second"))
        .expect_err("file blocked");
    assert_eq!(error.code(), "profiles_file_write_failed");
    assert_eq!(
        vault
            .read(&name("second"), SecretKind::AccessKeySecret)
            .expect("read"),
        None
    );
    let leftovers: Vec<_> = dir_entries(path.parent().expect("dir"))
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn updating_replaces_fields_and_secrets_and_can_drop_the_token() {
    let (_dir, vault, store) = setup();
    let mut profile = new_profile("prod");
    profile.security_token = Some(SecurityToken::from(TOKEN));
    store.create(profile).expect("created");
    let update = ProfileUpdate {
        access_key_secret: Some(Secret::from(NEW_SECRET)),
        security_token: TokenChange::Remove,
        instance_name: Some(InstanceName::parse("other-inst").expect("instance")),
        ..ProfileUpdate::default()
    };
    let summary = store.update(&name("prod"), update).expect("updated");
    assert_eq!(summary.instance_name, "other-inst");
    assert!(!summary.has_security_token);
    assert_eq!(summary.status, ProfileStatus::Ready);
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        Some(Secret::from(NEW_SECRET))
    );
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::SecurityToken)
            .expect("read"),
        None
    );
}

#[test]
fn renaming_moves_the_keyring_entries() {
    let (_dir, vault, store) = setup();
    let mut profile = new_profile("old");
    profile.security_token = Some(SecurityToken::from(TOKEN));
    store.create(profile).expect("created");
    let update = ProfileUpdate {
        rename_to: Some(name("new")),
        ..ProfileUpdate::default()
    };
    let summary = store.update(&name("old"), update).expect("renamed");
    assert_eq!(summary.name, "new");
    assert_eq!(summary.status, ProfileStatus::Ready);
    for kind in SecretKind::ALL {
        assert_eq!(
            vault.read(&name("old"), kind).expect("read"),
            None,
            "{kind}"
        );
    }
    assert_eq!(
        vault
            .read(&name("new"), SecretKind::SecurityToken)
            .expect("read"),
        Some(Secret::from(TOKEN))
    );
    assert_eq!(
        store.stored(&name("old")).expect_err("gone").code(),
        "profile_not_found"
    );
}

#[test]
fn a_case_only_rename_keeps_the_secret() {
    let (_dir, vault, store) = setup();
    store.create(new_profile("prod")).expect("created");
    let update = ProfileUpdate {
        rename_to: Some(name("Prod")),
        ..ProfileUpdate::default()
    };
    assert_eq!(
        store.update(&name("prod"), update).expect("renamed").name,
        "Prod"
    );
    assert_eq!(
        vault
            .read(&name("Prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        Some(Secret::from(SECRET))
    );
    assert_eq!(
        vault
            .read(&name("prod"), SecretKind::AccessKeySecret)
            .expect("read"),
        None
    );
}

#[test]
fn a_temporary_key_cannot_lose_its_token() {
    let (_dir, _vault, store) = setup();
    let mut profile = new_profile("temp");
    profile.access_key_id = AccessKeyId::parse("STS.StoreTestTemporary00001").expect("id");
    profile.security_token = Some(SecurityToken::from(TOKEN));
    store.create(profile).expect("created");
    let update = ProfileUpdate {
        security_token: TokenChange::Remove,
        ..ProfileUpdate::default()
    };
    let error = store
        .update(&name("temp"), update)
        .expect_err("needs token");
    assert_eq!(error.code(), "security_token_required");
}

#[test]
fn deleting_removes_the_file_entry_and_every_keyring_entry() {
    let (_dir, vault, store) = setup();
    let mut profile = new_profile("prod");
    profile.security_token = Some(SecurityToken::from(TOKEN));
    store.create(profile).expect("created");
    store.delete(&name("prod")).expect("deleted");
    assert!(store.list().expect("list").is_empty());
    for kind in SecretKind::ALL {
        assert_eq!(vault.read(&name("prod"), kind).expect("read"), None);
    }
    assert_eq!(
        store.delete(&name("prod")).expect_err("gone").code(),
        "profile_not_found"
    );
}

#[test]
fn a_keyring_failure_on_delete_keeps_the_profile() {
    let (_dir, vault, store) = setup();
    store.create(new_profile("prod")).expect("created");
    vault.fail_removes.store(true, Ordering::SeqCst);
    assert_eq!(
        store.delete(&name("prod")).expect_err("locked").code(),
        "keychain_locked"
    );
    assert_eq!(store.list().expect("list").len(), 1);
}

#[test]
fn a_profile_whose_secret_is_gone_is_listed_as_secret_missing() {
    let (_dir, vault, store) = setup();
    store.create(new_profile("prod")).expect("created");
    store.create(new_profile("other")).expect("created");
    vault
        .inner
        .remove(&name("prod"), SecretKind::AccessKeySecret)
        .expect("removed behind our back");
    let statuses: Vec<_> = store
        .list()
        .expect("the list still works")
        .into_iter()
        .map(|s| (s.name, s.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("other".to_owned(), ProfileStatus::Ready),
            ("prod".to_owned(), ProfileStatus::SecretMissing)
        ]
    );
    let error = store
        .connection(&ProfileId::parse("prod").expect("id"))
        .expect_err("missing");
    assert_eq!(error.code(), "secret_missing");
    assert_eq!(
        error.remedy(),
        Some("Edit the profile and enter its AccessKey secret again.")
    );
}

#[test]
fn corrupt_json_is_reported_and_kept_as_a_timestamped_backup() {
    let (dir, _vault, store) = setup();
    let garbage = b"{\"version\": 1, \"profiles\": [ {\"name\": \"prod\",";
    std::fs::write(store.file_path(), garbage).expect("write");
    let error = store.list().expect_err("corrupt");
    assert_eq!(error.code(), "profiles_file_corrupt");
    let backup = dir.path().join("profiles.json.corrupt-20261124T114500Z");
    assert!(error.to_string().contains("not valid JSON"), "{error}");
    assert!(
        error.to_string().contains(&backup.display().to_string()),
        "{error}"
    );
    assert_eq!(std::fs::read(&backup).expect("backup kept"), garbage);

    // The next save starts a new file next to the kept one.
    store.create(new_profile("prod")).expect("created");
    assert_eq!(
        dir_entries(dir.path()),
        vec!["profiles.json", "profiles.json.corrupt-20261124T114500Z"]
    );
    assert_eq!(std::fs::read(&backup).expect("backup untouched"), garbage);
}

#[test]
fn a_file_with_an_invalid_value_is_treated_as_corrupt() {
    let (dir, _vault, store) = setup();
    let text = r#"{"version": 1, "profiles": [{"name": "prod", "accessKeyId": "LTAI5tStoreTestKey000001",
        "region": "Hangzhou", "instanceName": "store-test"}]}"#;
    std::fs::write(store.file_path(), text).expect("write");
    let error = store.list().expect_err("bad region");
    assert_eq!(error.code(), "profiles_file_corrupt");
    assert!(
        error
            .to_string()
            .contains("profile #1: The region 'Hangzhou'"),
        "{error}"
    );
    assert_eq!(
        dir_entries(dir.path()),
        vec!["profiles.json.corrupt-20261124T114500Z"]
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let (dir, _vault, store) = setup();
    let text = r#"{"version": 2, "profiles": [], "somethingNew": true}"#;
    std::fs::write(store.file_path(), text).expect("write");
    let error = store.list().expect_err("too new");
    assert_eq!(error.code(), "profiles_file_too_new");
    assert!(
        error
            .to_string()
            .contains("format 2; this version reads up to 1"),
        "{error}"
    );
    assert_eq!(
        store
            .create(new_profile("prod"))
            .expect_err("refused")
            .code(),
        "profiles_file_too_new"
    );
    assert_eq!(
        std::fs::read_to_string(store.file_path()).expect("read"),
        text
    );
    assert_eq!(dir_entries(dir.path()), vec!["profiles.json"]);
}

#[test]
fn the_sandbox_profile_follows_the_running_sandbox() {
    let (_dir, _vault, store) = setup();
    assert!(
        store.list().expect("list").is_empty(),
        "not configured: not listed"
    );
    store.configure_sandbox(SandboxProfile {
        region: Region::parse("cn-hangzhou").expect("region"),
        instance_name: InstanceName::parse("sandbox-inst").expect("instance"),
        credentials: Credentials::new(
            AccessKeyId::parse("LTAI5tSandboxDemoKey0001").expect("id"),
            Secret::from("SandboxDemoSecretPublic000001"),
        ),
    });
    let stopped = store.list().expect("list");
    assert_eq!(stopped[0].name, "sandbox");
    assert_eq!(stopped[0].status, ProfileStatus::SandboxStopped);
    assert_eq!(
        store
            .connection(&ProfileId::Sandbox)
            .expect_err("stopped")
            .code(),
        "sandbox_not_running"
    );

    store.sandbox_started(
        SandboxEndpoints::parse(
            "http://127.0.0.1:4001",
            "http://127.0.0.1:4002",
            "http://127.0.0.1:4003",
        )
        .expect("endpoints"),
    );
    store.create(new_profile("prod")).expect("created");
    let running = store.list().expect("list");
    assert_eq!(running.len(), 2);
    assert_eq!(running[0].status, ProfileStatus::Ready);
    assert_eq!(
        running[0].endpoints.oss.as_deref(),
        Some("http://127.0.0.1:4002")
    );
    let connection = store.connection(&ProfileId::Sandbox).expect("running");
    assert_eq!(
        connection.endpoints.tablestore.as_str(),
        "http://127.0.0.1:4001"
    );
    assert_eq!(
        connection.credentials.access_key_id.as_str(),
        "LTAI5tSandboxDemoKey0001"
    );
    assert!(
        !file_text(&store).contains("sandbox"),
        "the sandbox is never stored"
    );

    store.sandbox_stopped();
    assert_eq!(
        store.list().expect("list")[0].status,
        ProfileStatus::SandboxStopped
    );
}

#[test]
fn a_profile_made_from_the_form_round_trips_and_no_ipc_payload_holds_the_secret() {
    let (_dir, _vault, store) = setup();
    let request: NewProfileRequest = serde_json::from_value(serde_json::json!({
        "name": "from-form",
        "accessKeyId": "LTAI5tStoreTestKey000001",
        "accessKeySecret": SECRET,
        "securityToken": TOKEN,
        "region": "cn-hangzhou",
        "instanceName": "store-test",
        "endpoints": {}
    }))
    .expect("json");
    let summary = store
        .create(request.parse().expect("valid"))
        .expect("created");
    let payloads = [
        serde_json::to_string(&summary).expect("json"),
        serde_json::to_string(&store.list().expect("list")).expect("json"),
        file_text(&store),
    ];
    for payload in payloads {
        assert!(
            !payload.contains(SECRET) && !payload.contains(TOKEN),
            "{payload}"
        );
    }
}

#[test]
fn a_locked_keyring_is_asked_once_per_list_and_marks_every_profile() {
    let (_dir, vault, store) = setup();
    for profile in ["a", "b", "c"] {
        store.create(new_profile(profile)).expect("created");
    }
    vault.fail_lookups.store(true, Ordering::SeqCst);
    vault.lookups.store(0, Ordering::SeqCst);
    let statuses: Vec<_> = store
        .list()
        .expect("the list still works")
        .into_iter()
        .map(|s| s.status)
        .collect();
    assert_eq!(statuses, [ProfileStatus::KeychainLocked; 3]);
    assert_eq!(vault.lookups.load(Ordering::SeqCst), 1);
}
