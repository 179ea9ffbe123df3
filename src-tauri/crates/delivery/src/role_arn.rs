//! The RAM role ARN sent as `ossStsRole`: `acs:ram::<account-id>:role/<role-name>`.

use ts_rs::TS;

use crate::error::DeliveryError;
use crate::string_newtype::string_newtype;

/// The lower-cased name of the delivery service-linked role as it appears in ARNs.
pub const DELIVERY_ROLE_NAME: &str = "aliyunserviceroleforotsdatadelivery";

/// A role ARN of the documented shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export)]
pub struct RoleArn(String);

string_newtype!(RoleArn);

impl RoleArn {
    pub fn parse(raw: &str) -> Result<Self, DeliveryError> {
        let invalid = |why: &str| DeliveryError::InvalidRoleArn(format!("'{raw}' {why}"));
        let Some(rest) = raw.strip_prefix("acs:ram::") else {
            return Err(invalid(
                "is not a role ARN; it must start with 'acs:ram::' (a plain role name is an old SDK sample, not the documented form).",
            ));
        };
        let Some((account, resource)) = rest.split_once(':') else {
            return Err(invalid("has no ':' after the account id."));
        };
        if account.is_empty() || !account.chars().all(|ch| ch.is_ascii_digit()) {
            return Err(invalid("needs the numeric account id after 'acs:ram::'."));
        }
        let Some(role) = resource.strip_prefix("role/") else {
            return Err(invalid("must name a role: '…:role/<role-name>'."));
        };
        let role_ok = !role.is_empty()
            && role.len() <= 64
            && role
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_'));
        if !role_ok {
            return Err(invalid(
                "has a role name that is empty, longer than 64 characters, or has characters other than letters, digits, '.', '-' and '_'.",
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The account id inside the ARN.
    pub fn account_id(&self) -> &str {
        let rest = &self.0["acs:ram::".len()..];
        rest.split_once(':').map_or(rest, |(account, _)| account)
    }

    /// The role name inside the ARN.
    pub fn role_name(&self) -> &str {
        self.0.rsplit_once("role/").map_or("", |(_, role)| role)
    }

    /// Whether this is the delivery service-linked role (compared case-insensitively, since
    /// RAM renders role ARNs lower-cased).
    pub fn is_delivery_service_role(&self) -> bool {
        self.role_name().eq_ignore_ascii_case(DELIVERY_ROLE_NAME)
    }

    /// The ARN of the delivery service-linked role in an account.
    pub fn delivery_service_role(account_id: &str) -> Result<Self, DeliveryError> {
        Self::parse(&format!("acs:ram::{account_id}:role/{DELIVERY_ROLE_NAME}"))
    }
}
