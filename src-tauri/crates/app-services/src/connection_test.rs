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
    /// How many things the probe listed when it worked (tables, buckets); `None` for the
    /// identity probe, whose account is in the report. The UI words it in its language.
    pub found: Option<u32>,
    pub error: Option<IpcError>,
    /// The policy statement (JSON, the same in every language) to grant when the action was
    /// denied.
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
    count: impl FnOnce(&T) -> Option<usize>,
) -> (PermissionCheck, Option<T>) {
    match outcome {
        Ok(value) => (
            PermissionCheck {
                action: action.to_owned(),
                ok: true,
                found: count(&value).map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
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
                    found: None,
                    grant: denied.then(|| {
                        format!(
                            "{{\"Effect\": \"Allow\", \"Action\": \"{action}\", \"Resource\": \"*\"}}"
                        )
                    }),
                    error: Some(IpcError::from(error)),
                },
                None,
            )
        }
    }
}
