//! What the service finds only after a task was created: whether it may write to the bucket
//! (the delivery service-linked role exists and is the role the task names) and whether the
//! bucket exists in the instance's region. Describe shows the answer as `error_code` + `detail`
//! (spec `delivery.md` section 5); the task resumes once the problem is fixed.

use tablestore_wire::proto::ErrorType;

use super::task::TaskSpec;
use crate::openapi::DELIVERY_ROLE_NAME;
use crate::state::SandboxState;

/// The first problem that stops the task from writing, if any.
pub fn problem(state: &SandboxState, spec: &TaskSpec) -> Option<(ErrorType, String)> {
    match state.openapi.delivery_role_arn() {
        None => {
            return Some((
                ErrorType::Unauthorized,
                format!(
                    "Tablestore is not authorized to write to OSS: the service-linked role \
                     {DELIVERY_ROLE_NAME} does not exist. Create it; the task then resumes."
                ),
            ))
        }
        Some(arn) if !arn.eq_ignore_ascii_case(&spec.role) => {
            return Some((
                ErrorType::Unauthorized,
                format!(
                    "Tablestore cannot assume the role '{}': it is not the delivery \
                     service-linked role {arn}.",
                    spec.role
                ),
            ))
        }
        Some(_) => {}
    }
    match state.oss.bucket_region(&spec.bucket) {
        None => Some((
            ErrorType::InvalidOssBucket,
            format!("The OSS bucket '{}' does not exist.", spec.bucket),
        )),
        Some(region) if region != state.region => Some((
            ErrorType::InvalidOssBucket,
            format!(
                "The OSS bucket '{}' is in {region}, not in the instance's region {}.",
                spec.bucket, state.region
            ),
        )),
        Some(_) => None,
    }
}
