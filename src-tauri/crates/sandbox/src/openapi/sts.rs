//! STS 2015-04-01: `GetCallerIdentity` and `AssumeRole`.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::error::ApiError;
use super::params::Params;
use crate::accounts::{Accounts, Caller, Principal, DEFAULT_STS_LIFETIME_SECONDS, DEMO_ACCOUNT_ID};

/// `DurationSeconds` bounds: 15 minutes to the longest session a role may allow (12 hours).
const MIN_DURATION_SECONDS: i64 = 900;
const MAX_DURATION_SECONDS: i64 = 43_200;

pub fn get_caller_identity(caller: &Caller) -> Value {
    match &caller.principal {
        Principal::RamUser { user_id, .. } => json!({
            "AccountId": DEMO_ACCOUNT_ID,
            "UserId": user_id,
            "PrincipalId": user_id,
            "Arn": caller.principal.arn(),
            "IdentityType": "RAMUser",
        }),
        Principal::AssumedRole {
            session, role_id, ..
        } => json!({
            "AccountId": DEMO_ACCOUNT_ID,
            "UserId": format!("{role_id}:{session}"),
            "PrincipalId": format!("{role_id}:{session}"),
            "RoleId": role_id,
            "Arn": caller.principal.arn(),
            "IdentityType": "AssumedRoleUser",
        }),
    }
}

/// The role name of `acs:ram::<account>:role/<name>`; any role of the demo account may be
/// assumed (the sandbox keeps no trust policies).
fn role_name(arn: &str) -> Result<&str, ApiError> {
    let rest = arn
        .strip_prefix("acs:ram::")
        .ok_or_else(|| ApiError::invalid("RoleArn", "expected acs:ram::<account>:role/<name>"))?;
    let (account, name) = rest
        .split_once(":role/")
        .ok_or_else(|| ApiError::invalid("RoleArn", "expected acs:ram::<account>:role/<name>"))?;
    if account != DEMO_ACCOUNT_ID || name.is_empty() {
        return Err(ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "EntityNotExist.Role",
            format!("The role does not exist: {arn}."),
        ));
    }
    Ok(name)
}

fn valid_session_name(name: &str) -> bool {
    (2..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@' | b'-'))
}

pub fn assume_role(
    accounts: &Accounts,
    caller: &Caller,
    params: &Params,
    now: DateTime<Utc>,
) -> Result<Value, ApiError> {
    let role = role_name(params.require("RoleArn")?)?;
    let session = params.require("RoleSessionName")?;
    if !valid_session_name(session) {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "InvalidParameter.RoleSessionName",
            "The parameter RoleSessionName is wrongly formed: use 2 to 64 letters, digits, '.', '@', '-' or '_'.",
        ));
    }
    let seconds = params
        .integer("DurationSeconds")?
        .unwrap_or(DEFAULT_STS_LIFETIME_SECONDS);
    if !(MIN_DURATION_SECONDS..=MAX_DURATION_SECONDS).contains(&seconds) {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "InvalidParameter.DurationSeconds",
            "The Min/Max value of DurationSeconds is 15min/12hr.",
        ));
    }
    let credential = accounts.issue_sts(caller, role, session, Duration::seconds(seconds), now);
    let token = credential.security_token.expose_secret();
    // The new key's principal carries the role ID the service assigned.
    let role_id = match accounts.authenticate(&credential.access_key_id, Some(token), now) {
        Ok(Caller {
            principal: Principal::AssumedRole { role_id, .. },
            ..
        }) => role_id,
        _ => String::new(),
    };
    Ok(json!({
        "Credentials": {
            "AccessKeyId": credential.access_key_id,
            "AccessKeySecret": credential.access_key_secret.expose_secret(),
            "SecurityToken": token,
            "Expiration": credential.expiration.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        },
        "AssumedRoleUser": {
            "Arn": format!("acs:ram::{DEMO_ACCOUNT_ID}:assumed-role/{role}/{session}"),
            "AssumedRoleId": format!("{role_id}:{session}"),
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::DEMO_ACCESS_KEY_ID;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).expect("valid")
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        )
    }

    #[test]
    fn the_demo_key_is_the_analyst_ram_user() {
        let accounts = Accounts::demo();
        let caller = accounts
            .authenticate(DEMO_ACCESS_KEY_ID, None, now())
            .expect("ok");
        let identity = get_caller_identity(&caller);
        assert_eq!(identity["AccountId"], "1234567890123456");
        assert_eq!(identity["Arn"], "acs:ram::1234567890123456:user/analyst");
        assert_eq!(identity["IdentityType"], "RAMUser");
    }

    #[test]
    fn assumed_credentials_authenticate_as_the_role_session_until_they_expire() {
        let accounts = Accounts::demo();
        let caller = accounts
            .authenticate(DEMO_ACCESS_KEY_ID, None, now())
            .expect("ok");
        let answer = assume_role(
            &accounts,
            &caller,
            &params(&[
                ("RoleArn", "acs:ram::1234567890123456:role/reader"),
                ("RoleSessionName", "app"),
                ("DurationSeconds", "900"),
            ]),
            now(),
        )
        .expect("issued");
        let credentials = &answer["Credentials"];
        assert_eq!(credentials["Expiration"], "2027-01-15T08:15:00Z");
        let session = accounts
            .authenticate(
                credentials["AccessKeyId"].as_str().expect("id"),
                credentials["SecurityToken"].as_str(),
                now(),
            )
            .expect("valid");
        let identity = get_caller_identity(&session);
        assert_eq!(
            identity["Arn"],
            "acs:ram::1234567890123456:assumed-role/reader/app"
        );
        assert_eq!(identity["IdentityType"], "AssumedRoleUser");
        assert_eq!(
            answer["AssumedRoleUser"]["AssumedRoleId"],
            format!("{}:app", identity["RoleId"].as_str().expect("role id"))
        );
    }

    #[test]
    fn durations_outside_the_allowed_range_and_foreign_roles_are_refused() {
        let accounts = Accounts::demo();
        let caller = accounts
            .authenticate(DEMO_ACCESS_KEY_ID, None, now())
            .expect("ok");
        let call = |pairs: &[(&str, &str)]| {
            assume_role(&accounts, &caller, &params(pairs), now())
                .expect_err("refused")
                .code
        };
        let arn = ("RoleArn", "acs:ram::1234567890123456:role/reader");
        let session = ("RoleSessionName", "app");
        assert_eq!(
            call(&[arn, session, ("DurationSeconds", "899")]),
            "InvalidParameter.DurationSeconds"
        );
        assert_eq!(
            call(&[arn, session, ("DurationSeconds", "43201")]),
            "InvalidParameter.DurationSeconds"
        );
        assert_eq!(call(&[arn]), "MissingRoleSessionName");
        assert_eq!(
            call(&[("RoleArn", "acs:ram::999:role/reader"), session]),
            "EntityNotExist.Role"
        );
        assert_eq!(
            call(&[("RoleArn", "reader"), session]),
            "InvalidParameter.RoleArn"
        );
    }
}
