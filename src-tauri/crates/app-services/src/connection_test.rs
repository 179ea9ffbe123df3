//! "Test connection": one call per permission the app needs, each reported by its RAM action
//! name with what to grant when it fails.

use serde::Serialize;
use ts_rs::TS;

use crate::IpcError;

/// The result of one permission probe.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PermissionCheck {
    /// The RAM action probed, e.g. `ots:ListTable`.
    pub action: String,
    pub ok: bool,
    /// What the probe found when it worked, e.g. "12 tables".
    pub detail: Option<String>,
    pub error: Option<IpcError>,
    /// The policy statement to grant when the action was denied.
    pub grant: Option<String>,
}

/// Every probe, and the account the key belongs to when that could be found.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionReport {
    pub account_id: Option<String>,
    pub caller_arn: Option<String>,
    pub checks: Vec<PermissionCheck>,
}

impl ConnectionReport {
    pub fn all_ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

/// Builds a check from a probe's outcome.
pub fn check<T>(
    action: &str,
    outcome: Result<T, cloud_clients::ClientError>,
    describe: impl FnOnce(&T) -> String,
) -> (PermissionCheck, Option<T>) {
    match outcome {
        Ok(value) => (
            PermissionCheck {
                action: action.to_owned(),
                ok: true,
                detail: Some(describe(&value)),
                error: None,
                grant: None,
            },
            Some(value),
        ),
        Err(error) => {
            let denied = error.kind() == cloud_clients::ErrorKind::PermissionDenied;
            (
                PermissionCheck {
                    action: action.to_owned(),
                    ok: false,
                    detail: None,
                    grant: denied.then(|| {
                        format!(
                            "Grant the RAM action \"{action}\" to this key's user, e.g. with a policy statement {{\"Effect\": \"Allow\", \"Action\": \"{action}\", \"Resource\": \"*\"}}."
                        )
                    }),
                    error: Some(IpcError::from(error)),
                },
                None,
            )
        }
    }
}
