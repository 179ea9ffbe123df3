//! The profile store against the real Linux Secret Service (gnome-keyring), checked from the
//! outside with `secret-tool` (libsecret), an independent client.
//!
//! These tests need a private session bus and keyring, so they are `#[ignore]`d and also do
//! nothing unless `PROFILES_REAL_KEYRING` names their phase. Run them all with
//! `src-tauri/crates/profiles/tests/keyring/check.sh`, which starts `dbus-run-session` and
//! gnome-keyring with `XDG_DATA_HOME` in a temp folder, so the user's own keyring is never touched:
//! - `PROFILES_REAL_KEYRING=unlocked`: an unlocked keyring; round trip, update, delete, missing,
//!   then (`audit_…`, run last) a scan that every entry left is under the test namespace.
//! - `PROFILES_REAL_KEYRING=relock`: an unlocked keyring that the test then locks over D-Bus.
//! - `PROFILES_REAL_KEYRING=locked`: gnome-keyring started without a password (nothing unlocked).
//! - `PROFILES_REAL_KEYRING=no-bus`: no session bus at all.
#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::process::Command;
use std::sync::Arc;

use keyring_core::api::CredentialStoreApi;
use profiles::{
    CustomEndpoints, InstanceName, KeyringNamespace, KeyringVault, NewProfile, ProfileId,
    ProfileName, ProfileStatus, ProfileStore, ProfileUpdate, Region, TokenChange,
};
use signing::{AccessKeyId, Secret, SecurityToken};

/// The namespace every entry of these tests lives under; a release build uses its own id.
const NAMESPACE: &str = "tablestore-delivery-studio.tests.profiles";
const SECRET: &str = "KeyringTestSecretValue00000001";
const NEW_SECRET: &str = "KeyringTestSecretValue00000002";
const TOKEN: &str = "CAISKeyringTestToken+/=";

/// True when the check script runs this phase; otherwise the test is skipped.
fn phase(name: &str) -> bool {
    let active = std::env::var("PROFILES_REAL_KEYRING").unwrap_or_default() == name;
    if !active {
        eprintln!("skipped: set PROFILES_REAL_KEYRING={name} (see tests/keyring/check.sh)");
    }
    active
}

fn store(dir: &tempfile::TempDir) -> ProfileStore {
    let vault = KeyringVault::platform(KeyringNamespace::new(NAMESPACE).expect("namespace"));
    ProfileStore::new(dir.path(), Arc::new(vault))
}

fn name(text: &str) -> ProfileName {
    ProfileName::parse(text).expect("name")
}

fn new_profile(profile: &str, token: Option<&str>) -> NewProfile {
    NewProfile {
        name: name(profile),
        access_key_id: AccessKeyId::parse("LTAI5tKeyringTestKey0001").expect("id"),
        access_key_secret: Secret::from(SECRET),
        security_token: token.map(SecurityToken::from),
        region: Region::parse("cn-hangzhou").expect("region"),
        instance_name: InstanceName::parse("keyring-test").expect("instance"),
        endpoints: CustomEndpoints::default(),
    }
}

/// Reads an entry with libsecret's `secret-tool`; `None` when there is no such item.
fn secret_tool_lookup(account: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", NAMESPACE, "username", account])
        .output()
        .expect("secret-tool runs");
    output
        .status
        .success()
        .then(|| String::from_utf8(output.stdout).expect("utf-8"))
}

/// A profiles file written earlier, while a working keyring was there.
fn write_profiles_file(dir: &tempfile::TempDir) {
    std::fs::write(
        dir.path().join("profiles.json"),
        r#"{"version": 1, "profiles": [{"name": "prod", "accessKeyId": "LTAI5tKeyringTestKey0001",
            "region": "cn-hangzhou", "instanceName": "keyring-test"}]}"#,
    )
    .expect("write");
}

fn secret_tool_clear(account: &str) {
    let status = Command::new("secret-tool")
        .args(["clear", "service", NAMESPACE, "username", account])
        .status()
        .expect("secret-tool runs");
    assert!(status.success(), "secret-tool clear {account}");
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn unlocked_keyring_round_trips_a_profile_with_token() {
    if !phase("unlocked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("round-trip", Some(TOKEN)))
        .expect("created");

    assert_eq!(
        secret_tool_lookup("round-trip/access-key-secret").as_deref(),
        Some(SECRET)
    );
    assert_eq!(
        secret_tool_lookup("round-trip/security-token").as_deref(),
        Some(TOKEN)
    );
    let connection = store
        .connection(&ProfileId::parse("round-trip").expect("id"))
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
    assert_eq!(store.list().expect("list")[0].status, ProfileStatus::Ready);
    let file = std::fs::read_to_string(store.file_path()).expect("file");
    assert!(!file.contains(SECRET) && !file.contains(TOKEN), "{file}");
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn unlocked_keyring_sees_updates_and_renames() {
    if !phase("unlocked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("update-me", Some(TOKEN)))
        .expect("created");
    let update = ProfileUpdate {
        access_key_secret: Some(Secret::from(NEW_SECRET)),
        security_token: TokenChange::Remove,
        ..ProfileUpdate::default()
    };
    store.update(&name("update-me"), update).expect("updated");
    assert_eq!(
        secret_tool_lookup("update-me/access-key-secret").as_deref(),
        Some(NEW_SECRET)
    );
    assert_eq!(secret_tool_lookup("update-me/security-token"), None);

    let rename = ProfileUpdate {
        rename_to: Some(name("renamed")),
        ..ProfileUpdate::default()
    };
    store.update(&name("update-me"), rename).expect("renamed");
    assert_eq!(secret_tool_lookup("update-me/access-key-secret"), None);
    assert_eq!(
        secret_tool_lookup("renamed/access-key-secret").as_deref(),
        Some(NEW_SECRET)
    );
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn unlocked_keyring_loses_every_entry_on_delete() {
    if !phase("unlocked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("delete-me", Some(TOKEN)))
        .expect("created");
    assert!(secret_tool_lookup("delete-me/access-key-secret").is_some());
    store.delete(&name("delete-me")).expect("deleted");
    assert_eq!(secret_tool_lookup("delete-me/access-key-secret"), None);
    assert_eq!(secret_tool_lookup("delete-me/security-token"), None);
    assert!(store.list().expect("list").is_empty());
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn unlocked_keyring_reports_an_entry_removed_behind_our_back_as_secret_missing() {
    if !phase("unlocked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("vanishing", None))
        .expect("created");
    secret_tool_clear("vanishing/access-key-secret");
    let listed = store.list().expect("the list still works");
    assert_eq!(listed[0].status, ProfileStatus::SecretMissing);
    let error = store
        .connection(&ProfileId::parse("vanishing").expect("id"))
        .expect_err("missing");
    assert_eq!(error.code(), "secret_missing");
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn audit_after_the_run_every_keyring_entry_is_under_the_test_namespace() {
    if !phase("unlocked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("namespaced", Some(TOKEN)))
        .expect("created");
    // Runs after the other unlocked tests in the same keyring (check.sh), so it also sees what
    // they left. An empty search matches every item in every collection of this keyring.
    let all = zbus_secret_service_keyring_store::Store::new()
        .expect("store")
        .search(&HashMap::new())
        .expect("search");
    assert!(all.len() >= 2, "our two entries at least: {}", all.len());
    for entry in all {
        let attributes = entry.get_attributes().expect("attributes");
        assert_eq!(
            attributes.get("service").map(String::as_str),
            Some(NAMESPACE),
            "{attributes:?}"
        );
    }
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn locked_keyring_without_a_login_collection_refuses_writes_as_keychain_locked() {
    if !phase("locked") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    write_profiles_file(&dir);
    let store = store(&dir);
    let before = std::fs::read(store.file_path()).expect("file");
    let error = store
        .create(new_profile("locked", None))
        .expect_err("locked");
    assert_eq!(error.code(), "keychain_locked", "{error}");
    assert_eq!(
        std::fs::read(store.file_path()).expect("file"),
        before,
        "file unchanged"
    );
    // With no unlocked collection there is nothing to search, so the entry reads as missing.
    let listed = store.list().expect("the list still works");
    assert_eq!(listed[0].status, ProfileStatus::SecretMissing);
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn no_bus_means_keychain_unavailable_and_the_list_still_loads() {
    if !phase("no-bus") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    write_profiles_file(&dir);
    let store = store(&dir);
    let listed = store.list().expect("the list still works");
    assert_eq!(listed[0].status, ProfileStatus::KeychainUnavailable);
    let error = store
        .create(new_profile("other", None))
        .expect_err("no keyring");
    assert_eq!(error.code(), "keychain_unavailable", "{error}");
    assert!(error.remedy().is_some_and(|r| r.contains("Secret Service")));
}

#[test]
#[ignore = "needs a private Secret Service; run tests/keyring/check.sh"]
fn relocked_keyring_reports_keychain_locked_for_reads_and_in_the_list() {
    if !phase("relock") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let store = store(&dir);
    store
        .create(new_profile("relocked", None))
        .expect("created while unlocked");
    // The Secret Service's own Lock call (`secret-tool lock` wants a collection it cannot name).
    let status = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .status()
        .expect("dbus-send runs");
    assert!(status.success(), "lock the login collection");
    // Reading asks gnome-keyring to unlock; with no display its prompter cannot start, which
    // is what a dismissed unlock prompt looks like to the app.
    let listed = store.list().expect("the list still works");
    assert_eq!(listed[0].status, ProfileStatus::KeychainLocked);
    let error = store
        .connection(&ProfileId::parse("relocked").expect("id"))
        .expect_err("locked");
    assert_eq!(error.code(), "keychain_locked");
    assert_eq!(
        error.remedy(),
        Some("Unlock your keychain (for example by logging in again), allow this app to use it, then try again.")
    );
}
