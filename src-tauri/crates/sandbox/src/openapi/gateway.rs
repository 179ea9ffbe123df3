//! One request through the gateway: faults first (latency, drop, busy), then authentication,
//! routing, the RAM policy and the handler; body faults last.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::response::Response;

use super::api::{Api, Requested};
use super::auth::{authenticate, Authenticated};
use super::error::ApiError;
use super::respond::Answer;
use super::{instances, sts};
use crate::faults::Fault;
use crate::state::SandboxState;
use crate::transport;

/// Account API requests carry a few parameters; anything larger is not one of ours.
const MAX_BODY_BYTES: usize = 1 << 20;

pub async fn handle(State(state): State<Arc<SandboxState>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let requested = Requested::from_parts(&parts);
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("openapi.sandbox")
        .to_owned();
    let request_id = state.request_ids.openapi();

    let (latency, fault) = state.faults.decide(requested.operation());
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let outcome = match fault {
        Fault::Drop => return transport::drop_connection(Response::default()),
        Fault::Busy => Err(ApiError::throttled()),
        _ => match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
            Ok(body) => serve(&state, &requested, &parts, &body),
            Err(_) => Err(ApiError::invalid(
                "Body",
                "the body is too large or was cut off",
            )),
        },
    };
    let answer = match outcome {
        Ok(fields) => Answer::success(fields, request_id),
        Err(error) => Answer::failure(&error, request_id, &host, requested.product()),
    };
    answer.into_response(fault)
}

fn serve(
    state: &SandboxState,
    requested: &Requested,
    parts: &axum::http::request::Parts,
    body: &[u8],
) -> Result<serde_json::Value, ApiError> {
    let store = &state.openapi;
    let Authenticated { caller, params } = authenticate(state, store, parts, body)?;
    let api = requested.resolve()?;
    if let Some(ram_action) = api.ram_action() {
        if !caller.policy.allows(ram_action) {
            return Err(ApiError::no_permission(ram_action));
        }
    }
    match api {
        Api::GetCallerIdentity => Ok(sts::get_caller_identity(&caller)),
        Api::AssumeRole => sts::assume_role(&state.accounts, &caller, &params, state.now()),
        Api::ResourceManagerGetRole | Api::RamGetRole => store.roles.get(&params),
        Api::CreateServiceLinkedRole => store.roles.create_service_linked(&params, state.now()),
        Api::ListInstances => instances::list(&store.instances, &params),
        Api::GetInstance => instances::get(&store.instances, &params),
    }
}
