//! The sandbox's accounts: who holds which AccessKey, what each key may do, and the STS
//! temporary credentials it has issued.
//!
//! The demo keys are public test values printed at start-up; they protect nothing and exist so
//! that every request is signed and verified exactly as the cloud would.

use std::collections::{BTreeSet, HashMap};
use std::sync::RwLock;

use chrono::{DateTime, Duration, Utc};
use signing::{AccessKeyId, Secret, SecretLookup};

/// The demo account's 16-digit ID.
pub const DEMO_ACCOUNT_ID: &str = "1234567890123456";
/// Full-permission key of the demo RAM user `analyst`.
pub const DEMO_ACCESS_KEY_ID: &str = "LTAI5tSandboxDemoKey0001";
pub const DEMO_ACCESS_KEY_SECRET: &str = "SandboxDemoSecret000000000001";
/// A key of RAM user `viewer` whose policy denies listing buckets, delivery and creating roles,
/// to exercise permission diagnosis.
pub const LIMITED_ACCESS_KEY_ID: &str = "LTAI5tSandboxLimited0002";
pub const LIMITED_ACCESS_KEY_SECRET: &str = "SandboxLimitedSecret000000002";
/// Actions the limited key may not perform.
pub const LIMITED_DENIED_ACTIONS: &[&str] = &[
    "oss:ListBuckets",
    "ots:CreateDeliveryTask",
    "ots:DeleteDeliveryTask",
    "ram:CreateServiceLinkedRole",
];
/// How long an STS credential lives unless asked otherwise (the service's default is one hour).
pub const DEFAULT_STS_LIFETIME_SECONDS: i64 = 3600;

/// Who is calling, as GetCallerIdentity reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    RamUser {
        name: String,
        user_id: String,
    },
    AssumedRole {
        role: String,
        session: String,
        role_id: String,
    },
}

impl Principal {
    pub fn arn(&self) -> String {
        match self {
            Principal::RamUser { name, .. } => format!("acs:ram::{DEMO_ACCOUNT_ID}:user/{name}"),
            Principal::AssumedRole { role, session, .. } => {
                format!("acs:ram::{DEMO_ACCOUNT_ID}:assumed-role/{role}/{session}")
            }
        }
    }
}

/// What a key may do: everything except the listed RAM action names (`ots:ListTable`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    pub denied_actions: BTreeSet<String>,
}

impl Policy {
    pub fn allows(&self, action: &str) -> bool {
        !self.denied_actions.contains(action)
    }
}

#[derive(Debug, Clone)]
struct KeyRecord {
    secret: Secret,
    principal: Principal,
    policy: Policy,
    active: bool,
    /// Present for STS credentials: the token that must accompany the key, and its expiry.
    sts: Option<(Secret, DateTime<Utc>)>,
}

/// A caller whose key is known, active and (for STS) presented with its valid token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub access_key_id: String,
    pub principal: Principal,
    pub policy: Policy,
}

/// Why a key was refused, before or apart from its signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("the AccessKey ID {0} does not exist")]
    UnknownKey(String),
    #[error("the AccessKey ID {0} is disabled")]
    InactiveKey(String),
    #[error("the STS credential needs its security token")]
    MissingToken,
    #[error("the security token does not belong to this AccessKey ID")]
    InvalidToken,
    #[error("the security token expired at {0}")]
    ExpiredToken(DateTime<Utc>),
}

/// Temporary credentials as STS AssumeRole returns them.
#[derive(Debug, Clone)]
pub struct StsCredential {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Secret,
    pub expiration: DateTime<Utc>,
}

#[derive(Debug)]
pub struct Accounts {
    keys: RwLock<HashMap<String, KeyRecord>>,
    /// Every issued STS credential is treated as expired while this is on (a fault switch).
    expire_all_tokens: std::sync::atomic::AtomicBool,
}

impl Accounts {
    /// The demo account with its full and its limited key.
    pub fn demo() -> Self {
        let mut keys = HashMap::new();
        keys.insert(
            DEMO_ACCESS_KEY_ID.to_owned(),
            KeyRecord {
                secret: Secret::new(DEMO_ACCESS_KEY_SECRET.to_owned()),
                principal: Principal::RamUser {
                    name: "analyst".to_owned(),
                    user_id: "200000000000000001".to_owned(),
                },
                policy: Policy::default(),
                active: true,
                sts: None,
            },
        );
        keys.insert(
            LIMITED_ACCESS_KEY_ID.to_owned(),
            KeyRecord {
                secret: Secret::new(LIMITED_ACCESS_KEY_SECRET.to_owned()),
                principal: Principal::RamUser {
                    name: "viewer".to_owned(),
                    user_id: "200000000000000002".to_owned(),
                },
                policy: Policy {
                    denied_actions: LIMITED_DENIED_ACTIONS
                        .iter()
                        .map(|&a| a.to_owned())
                        .collect(),
                },
                active: true,
                sts: None,
            },
        );
        Self {
            keys: RwLock::new(keys),
            expire_all_tokens: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Checks that `access_key_id` may call at all: known, active, and for STS keys the right
    /// unexpired token. The signature is checked separately, with [`SecretLookup`].
    pub fn authenticate(
        &self,
        access_key_id: &str,
        token: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Caller, AccessError> {
        let keys = self
            .keys
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let record = keys
            .get(access_key_id)
            .ok_or_else(|| AccessError::UnknownKey(access_key_id.to_owned()))?;
        if !record.active {
            return Err(AccessError::InactiveKey(access_key_id.to_owned()));
        }
        if let Some((expected, expiration)) = &record.sts {
            let token = token.ok_or(AccessError::MissingToken)?;
            if !constant_time_eq(token.as_bytes(), expected.expose_secret().as_bytes()) {
                return Err(AccessError::InvalidToken);
            }
            let expire_all = self
                .expire_all_tokens
                .load(std::sync::atomic::Ordering::Relaxed);
            if expire_all || *expiration <= now {
                return Err(AccessError::ExpiredToken(*expiration));
            }
        }
        Ok(Caller {
            access_key_id: access_key_id.to_owned(),
            principal: record.principal.clone(),
            policy: record.policy.clone(),
        })
    }

    /// Issues temporary credentials acting as `role` for `caller`'s account.
    pub fn issue_sts(
        &self,
        caller: &Caller,
        role: &str,
        session: &str,
        lifetime: Duration,
        now: DateTime<Utc>,
    ) -> StsCredential {
        let mut keys = self
            .keys
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let serial = keys.len() + 1;
        let access_key_id = format!("STS.NSandbox{serial:012}");
        let access_key_secret = Secret::new(format!("SandboxStsSecret{serial:014}"));
        let security_token = Secret::new(format!("CAISSandboxToken{serial:08}{}", now.timestamp()));
        let expiration = now + lifetime;
        keys.insert(
            access_key_id.clone(),
            KeyRecord {
                secret: access_key_secret.clone(),
                principal: Principal::AssumedRole {
                    role: role.to_owned(),
                    session: session.to_owned(),
                    role_id: format!("3000000000000{serial:05}"),
                },
                // The session inherits what its issuer may do; a sandbox needs no more nuance.
                policy: caller.policy.clone(),
                active: true,
                sts: Some((security_token.clone(), expiration)),
            },
        );
        StsCredential {
            access_key_id,
            access_key_secret,
            security_token,
            expiration,
        }
    }

    /// Disables a key, as an administrator revoking it would.
    pub fn revoke(&self, access_key_id: &str) -> bool {
        let mut keys = self
            .keys
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        keys.get_mut(access_key_id)
            .map(|k| k.active = false)
            .is_some()
    }

    /// While on, every STS token is refused as expired.
    pub fn set_expire_all_tokens(&self, on: bool) {
        self.expire_all_tokens
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }
}

impl SecretLookup for Accounts {
    fn secret_for(&self, access_key_id: &AccessKeyId) -> Option<Secret> {
        let keys = self
            .keys
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        keys.get(access_key_id.as_str()).map(|k| k.secret.clone())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-24T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc)
    }

    #[test]
    fn the_demo_key_authenticates_as_the_analyst_with_every_permission() {
        let caller = Accounts::demo()
            .authenticate(DEMO_ACCESS_KEY_ID, None, now())
            .expect("ok");
        assert_eq!(
            caller.principal.arn(),
            "acs:ram::1234567890123456:user/analyst"
        );
        assert!(caller.policy.allows("oss:ListBuckets"));
    }

    #[test]
    fn the_limited_key_is_denied_bucket_listing_but_may_list_tables() {
        let caller = Accounts::demo()
            .authenticate(LIMITED_ACCESS_KEY_ID, None, now())
            .expect("ok");
        assert!(!caller.policy.allows("oss:ListBuckets"));
        assert!(caller.policy.allows("ots:ListTable"));
    }

    #[test]
    fn an_sts_credential_needs_its_token_and_expires() {
        let accounts = Accounts::demo();
        let issuer = accounts
            .authenticate(DEMO_ACCESS_KEY_ID, None, now())
            .expect("ok");
        let sts = accounts.issue_sts(&issuer, "reader", "s1", Duration::seconds(60), now());
        let token = sts.security_token.expose_secret().to_owned();
        assert_eq!(
            accounts.authenticate(&sts.access_key_id, None, now()),
            Err(AccessError::MissingToken)
        );
        assert_eq!(
            accounts.authenticate(&sts.access_key_id, Some("forged"), now()),
            Err(AccessError::InvalidToken)
        );
        let caller = accounts
            .authenticate(&sts.access_key_id, Some(&token), now())
            .expect("valid");
        assert_eq!(
            caller.principal.arn(),
            "acs:ram::1234567890123456:assumed-role/reader/s1"
        );
        let later = now() + Duration::seconds(61);
        assert_eq!(
            accounts.authenticate(&sts.access_key_id, Some(&token), later),
            Err(AccessError::ExpiredToken(sts.expiration))
        );
        accounts.set_expire_all_tokens(true);
        assert!(matches!(
            accounts.authenticate(&sts.access_key_id, Some(&token), now()),
            Err(AccessError::ExpiredToken(_))
        ));
    }

    #[test]
    fn a_revoked_key_is_refused_as_inactive() {
        let accounts = Accounts::demo();
        assert!(accounts.revoke(DEMO_ACCESS_KEY_ID));
        assert_eq!(
            accounts.authenticate(DEMO_ACCESS_KEY_ID, None, now()),
            Err(AccessError::InactiveKey(DEMO_ACCESS_KEY_ID.to_owned()))
        );
    }
}
