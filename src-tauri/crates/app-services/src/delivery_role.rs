//! The delivery service-linked role: found from the account ID, checked for existence, and
//! created on request — the service itself reports a missing role only after a task exists.

use serde::Serialize;
use ts_rs::TS;

use crate::IpcError;

/// Where to read about the role when it is missing and the keys cannot create it.
pub const ROLE_DOC_URL: &str =
    "https://www.alibabacloud.com/help/en/tablestore/user-guide/data-delivery-to-oss";

/// What the app knows about the role for the current profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeliveryRoleStatus {
    /// The account the keys belong to, when GetCallerIdentity answered.
    pub account_id: Option<String>,
    /// `acs:ram::<account>:role/aliyunserviceroleforotsdatadelivery`, when the account is known.
    pub role_arn: Option<String>,
    /// Whether the role exists; `None` when the keys may not ask.
    pub exists: Option<bool>,
    /// Why the account or the role could not be checked.
    pub problem: Option<IpcError>,
    pub doc_url: String,
}
