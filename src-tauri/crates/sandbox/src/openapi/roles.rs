//! The account's RAM roles as ResourceManager and RAM `GetRole` see them, and
//! `CreateServiceLinkedRole` for Tablestore data delivery. The role starts absent so the
//! app's "create the role" step can be exercised.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::error::ApiError;
use super::params::Params;
use crate::accounts::DEMO_ACCOUNT_ID;

/// The service whose linked role delivery needs (`account.md` §2).
pub const DELIVERY_SERVICE_NAME: &str = "datadelivery.ots.aliyuncs.com";
pub const DELIVERY_ROLE_NAME: &str = "AliyunServiceRoleForOTSDataDelivery";

/// One RAM role of the demo account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub name: String,
    pub id: String,
    pub service_name: String,
    pub created: DateTime<Utc>,
}

impl Role {
    fn to_json(&self) -> Value {
        let created = self.created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let trust = json!({
            "Statement": [{
                "Action": "sts:AssumeRole",
                "Effect": "Allow",
                "Principal": {"Service": [self.service_name]},
            }],
            "Version": "1",
        });
        json!({
            "RoleId": self.id,
            "RoleName": self.name,
            // RAM renders the role part of the ARN in lower case; delivery expects that form.
            "Arn": format!("acs:ram::{DEMO_ACCOUNT_ID}:role/{}", self.name.to_ascii_lowercase()),
            "RolePrincipalName": self.service_name,
            "Description": "Tablestore uses this role to write delivery output to OSS.",
            "IsServiceLinkedRole": true,
            "AssumeRolePolicyDocument": trust.to_string(),
            "MaxSessionDuration": 3600,
            "CreateDate": created,
            "UpdateDate": created,
        })
    }
}

/// Roles keyed by lower-cased name: RAM role names are case-insensitive.
#[derive(Debug, Default)]
pub struct Roles {
    by_name: Mutex<BTreeMap<String, Role>>,
    /// Bumped when a role is created, so persistence knows to save.
    changes: AtomicU64,
}

impl Roles {
    fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Role>> {
        self.by_name
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn changes(&self) -> u64 {
        self.changes.load(Ordering::Acquire)
    }

    /// Every role, sorted by name.
    pub fn all(&self) -> Vec<Role> {
        self.lock().values().cloned().collect()
    }

    /// Adds saved roles back (restoring a saved state).
    pub fn restore(&self, roles: impl IntoIterator<Item = Role>) {
        let mut by_name = self.lock();
        for role in roles {
            by_name.insert(role.name.to_ascii_lowercase(), role);
        }
    }

    /// `GetRole` (ResourceManager 2020-03-31 and RAM 2015-05-01 answer alike).
    pub fn get(&self, params: &Params) -> Result<Value, ApiError> {
        let name = params.require("RoleName")?;
        let roles = self
            .by_name
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        roles
            .get(&name.to_ascii_lowercase())
            .map(|role| json!({ "Role": role.to_json() }))
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::NOT_FOUND,
                    "EntityNotExist.Role",
                    format!("The role does not exist: {name}."),
                )
            })
    }

    /// The delivery service-linked role's ARN, once the role exists (read by the delivery
    /// engine, which may write to OSS only through that role).
    pub fn delivery_role_arn(&self) -> Option<String> {
        let roles = self
            .by_name
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        roles
            .get(&DELIVERY_ROLE_NAME.to_ascii_lowercase())
            .map(|role| {
                role.to_json()["Arn"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
    }

    /// `CreateServiceLinkedRole` for `ServiceName=datadelivery.ots.aliyuncs.com`.
    pub fn create_service_linked(
        &self,
        params: &Params,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        let service = params.require("ServiceName")?;
        if service != DELIVERY_SERVICE_NAME {
            return Err(ApiError::invalid(
                "ServiceName",
                &format!("the sandbox knows only {DELIVERY_SERVICE_NAME}"),
            ));
        }
        let mut roles = self
            .by_name
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let key = DELIVERY_ROLE_NAME.to_ascii_lowercase();
        if roles.contains_key(&key) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "EntityAlreadyExists.Role",
                format!("The role already exists: {DELIVERY_ROLE_NAME}."),
            ));
        }
        let role = Role {
            name: DELIVERY_ROLE_NAME.to_owned(),
            id: format!("3{:017}", roles.len() + 1),
            service_name: service.to_owned(),
            created: now,
        };
        let answer = json!({ "Role": role.to_json() });
        roles.insert(key, role);
        self.changes.fetch_add(1, Ordering::AcqRel);
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
        )
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).expect("valid")
    }

    #[test]
    fn the_delivery_role_is_absent_until_created_then_found_in_any_case() {
        let roles = Roles::default();
        let lookup = params(&[("RoleName", "aliyunserviceroleforotsdatadelivery")]);
        let missing = roles.get(&lookup).expect_err("refused");
        assert_eq!(
            (missing.status.as_u16(), missing.code.as_str()),
            (404, "EntityNotExist.Role")
        );

        let created = roles
            .create_service_linked(&params(&[("ServiceName", DELIVERY_SERVICE_NAME)]), now())
            .expect("created");
        assert_eq!(created["Role"]["RoleName"], DELIVERY_ROLE_NAME);
        assert_eq!(
            created["Role"]["Arn"],
            "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery"
        );
        let found = roles.get(&lookup).expect("found");
        assert_eq!(found["Role"]["RoleId"], created["Role"]["RoleId"]);
        assert_eq!(found["Role"]["IsServiceLinkedRole"], true);
    }

    #[test]
    fn creating_twice_or_for_another_service_is_refused() {
        let roles = Roles::default();
        let create = params(&[("ServiceName", DELIVERY_SERVICE_NAME)]);
        roles.create_service_linked(&create, now()).expect("first");
        let again = roles
            .create_service_linked(&create, now())
            .expect_err("refused");
        assert_eq!(
            (again.status.as_u16(), again.code.as_str()),
            (409, "EntityAlreadyExists.Role")
        );
        let other = roles
            .create_service_linked(&params(&[("ServiceName", "ecs.aliyuncs.com")]), now())
            .expect_err("refused");
        assert_eq!(other.code, "InvalidParameter.ServiceName");
        assert_eq!(
            roles
                .create_service_linked(&params(&[]), now())
                .expect_err("refused")
                .code,
            "MissingServiceName"
        );
    }
}
