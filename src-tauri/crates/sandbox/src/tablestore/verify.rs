//! Checking a request the way the service does before it runs: headers, body MD5, signature
//! (V2 or V4), the caller's key and token, the instance name and the caller's RAM policy.

use axum::http::request::Parts;
use base64::Engine as _;
use md5::{Digest as _, Md5};
use signing::tablestore::{verify_request, TablestoreSigningKey};
use signing::{AccessKeyId, CanonicalRequest, SignError};

use super::error::OtsError;
use crate::accounts::{AccessError, Caller};
use crate::state::SandboxState;

const API_VERSION: &str = "2015-12-31";

/// Headers every request must carry; the signature header is checked separately.
const REQUIRED_HEADERS: [&str; 5] = [
    "x-ots-date",
    "x-ots-apiversion",
    "x-ots-accesskeyid",
    "x-ots-instancename",
    "x-ots-contentmd5",
];

/// What the response is signed with: the verified request's key id and signing key.
#[derive(Debug, Clone)]
pub struct ResponseSigner {
    pub access_key_id: AccessKeyId,
    pub key: TablestoreSigningKey,
}

/// A request that passed every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub caller: Caller,
    pub signer: ResponseSigner,
}

/// A refused request, with the signer when the signature itself was good (the SDK checks the
/// response signature of most 403s other than `OTSAuthFailed`).
#[derive(Debug)]
pub struct Refused {
    pub error: OtsError,
    pub signer: Option<ResponseSigner>,
}

impl From<OtsError> for Refused {
    fn from(error: OtsError) -> Self {
        Self {
            error,
            signer: None,
        }
    }
}

/// The RAM action an operation needs, e.g. `ots:GetRange`.
pub fn action_of(operation: &str) -> String {
    format!("ots:{operation}")
}

pub fn verify(
    state: &SandboxState,
    operation: &str,
    parts: &Parts,
    body: &[u8],
) -> Result<Verified, Refused> {
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    };
    for name in REQUIRED_HEADERS {
        if header(name).is_none() {
            return Err(OtsError::parameter_invalid(format!("Missing header: {name}")).into());
        }
    }
    if header("x-ots-signature").is_none() && header("x-ots-signaturev4").is_none() {
        return Err(OtsError::parameter_invalid("Missing header: x-ots-signature").into());
    }
    let api_version = header("x-ots-apiversion").unwrap_or_default();
    if api_version != API_VERSION {
        return Err(
            OtsError::parameter_invalid(format!("Unsupported API version: {api_version}")).into(),
        );
    }
    let declared_md5 = header("x-ots-contentmd5").unwrap_or_default();
    let body_md5 = base64::engine::general_purpose::STANDARD.encode(Md5::digest(body));
    if declared_md5 != body_md5 {
        return Err(OtsError::auth_failed(
            "Mismatch between MD5 value of request body and x-ots-contentmd5 in header.",
        )
        .into());
    }

    // The service signs only `/{Operation}`, whatever path prefix the endpoint had.
    let mut canonical = CanonicalRequest::new("POST", format!("/{operation}"));
    for (name, value) in &parts.headers {
        let value = value.to_str().map_err(|_| {
            OtsError::parameter_invalid(format!("Header {name} is not valid text."))
        })?;
        canonical = canonical.with_header(name.as_str(), value);
    }
    // A V4 key is derived with the region; the service derives it with its own region, so a
    // signature made for another region cannot match.
    if header("x-ots-signaturev4").is_some()
        && header("x-ots-signregion").is_some_and(|region| region != state.region)
    {
        return Err(OtsError::auth_failed("Signature mismatch.").into());
    }
    let verified = verify_request(&canonical, &state.accounts, &state.freshness())
        .map_err(|error| Refused::from(signature_error(error, header("x-ots-date"))))?;
    let signer = ResponseSigner {
        access_key_id: verified.access_key_id.clone(),
        key: verified.signing_key,
    };
    let refuse = |error: OtsError| Refused {
        error,
        signer: Some(signer.clone()),
    };

    let token = verified
        .security_token
        .as_ref()
        .map(|token| token.expose_secret().to_owned());
    let caller = state
        .accounts
        .authenticate(
            verified.access_key_id.as_str(),
            token.as_deref(),
            state.now(),
        )
        .map_err(|error| refuse(access_error(&error)))?;

    let instance = header("x-ots-instancename").unwrap_or_default();
    if instance != state.instance {
        return Err(refuse(OtsError::auth_failed(format!(
            "The instance is not found: {instance}."
        ))));
    }
    let action = action_of(operation);
    if !caller.policy.allows(&action) {
        return Err(refuse(OtsError::no_permission(&action)));
    }
    Ok(Verified { caller, signer })
}

fn signature_error(error: SignError, date: Option<&str>) -> OtsError {
    match error {
        SignError::MissingHeader(name) => {
            OtsError::parameter_invalid(format!("Missing header: {name}"))
        }
        SignError::MalformedDate { value, .. } => {
            OtsError::parameter_invalid(format!("Invalid date format: {value}"))
        }
        SignError::StaleDate { .. } => OtsError::auth_failed(format!(
            "Mismatch between system time and x-ots-date: {}",
            date.unwrap_or_default()
        )),
        SignError::UnknownAccessKey(_) | SignError::InvalidAccessKeyId(_) => {
            OtsError::auth_failed("The AccessKeyID does not exist or is disabled.")
        }
        SignError::SignatureMismatch(_) => OtsError::auth_failed("Signature mismatch."),
        other => OtsError::auth_failed(other.to_string()),
    }
}

fn access_error(error: &AccessError) -> OtsError {
    match error {
        AccessError::UnknownKey(_) | AccessError::InactiveKey(_) => {
            OtsError::auth_failed("The AccessKeyID does not exist or is disabled.")
        }
        AccessError::MissingToken | AccessError::InvalidToken => {
            OtsError::auth_failed("The security token you provided is invalid.")
        }
        AccessError::ExpiredToken(_) => {
            OtsError::auth_failed("The security token you provided has expired.")
        }
    }
}
