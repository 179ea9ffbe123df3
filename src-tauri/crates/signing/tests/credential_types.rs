//! Secrets never print, ids follow their format, and lookups find the right secret.

use std::collections::HashMap;

use signing::{AccessKeyId, Credentials, Secret, SecretLookup, SecurityToken, SignError};

#[test]
fn secrets_and_tokens_print_as_stars_in_debug_and_display() {
    let secret = Secret::from("super-secret-value");
    let token = SecurityToken::from("token-value");
    assert_eq!(format!("{secret:?}"), "Secret(***)");
    assert_eq!(format!("{secret}"), "Secret(***)");
    assert_eq!(format!("{token:?}"), "SecurityToken(***)");
    assert_eq!(format!("{token}"), "SecurityToken(***)");
}

#[test]
fn credentials_debug_shows_the_id_but_not_the_secret_or_token() {
    let creds = Credentials::new(
        AccessKeyId::parse("LTAI5tExampleKeyId1234").expect("valid id"),
        Secret::from("super-secret-value"),
    )
    .with_security_token(SecurityToken::from("token-value"));
    let shown = format!("{creds:?}");
    assert!(shown.contains("LTAI5tExampleKeyId1234"), "{shown}");
    assert!(!shown.contains("super-secret-value"), "{shown}");
    assert!(!shown.contains("token-value"), "{shown}");
}

#[test]
fn the_secret_text_is_reachable_only_through_expose_secret() {
    assert_eq!(Secret::from("abc").expose_secret(), "abc");
    assert_eq!(Secret::from("abc"), Secret::from("abc"));
    assert_ne!(Secret::from("abc"), Secret::from("abd"));
}

#[test]
fn access_key_ids_accept_real_forms_and_refuse_separators() {
    assert_eq!(
        AccessKeyId::parse("STS.NUexample_Id-1").map(|id| id.to_string()),
        Ok("STS.NUexample_Id-1".to_owned())
    );
    assert_eq!(
        AccessKeyId::parse(""),
        Err(SignError::InvalidAccessKeyId("it is empty"))
    );
    for bad in ["LTAI:x", "LTAI/x", "LTAI x", "LTAI,x", "LTAIé"] {
        assert!(AccessKeyId::parse(bad).is_err(), "{bad} was accepted");
    }
    assert!(AccessKeyId::parse(&"a".repeat(129)).is_err());
}

#[test]
fn lookups_return_the_secret_of_the_named_id_only() {
    let alice = AccessKeyId::parse("LTAIalice").expect("valid id");
    let bob = AccessKeyId::parse("LTAIbob").expect("valid id");
    let creds = Credentials::new(alice.clone(), Secret::from("a-secret"));
    assert_eq!(creds.secret_for(&alice), Some(Secret::from("a-secret")));
    assert_eq!(creds.secret_for(&bob), None);

    let keyring: HashMap<AccessKeyId, Secret> = [(bob.clone(), Secret::from("b-secret"))].into();
    assert_eq!(keyring.secret_for(&bob), Some(Secret::from("b-secret")));

    let many = [
        creds,
        Credentials::new(bob.clone(), Secret::from("b-secret")),
    ];
    assert_eq!(many[..].secret_for(&bob), Some(Secret::from("b-secret")));
}
