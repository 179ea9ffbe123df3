//! The sandbox's own control endpoint (not a cloud API): read and change the misbehaviour
//! switches, revoke a key, and issue STS credentials for tests.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

use crate::accounts::{Caller, Policy, Principal, DEFAULT_STS_LIFETIME_SECONDS};
use crate::faults::FaultSettings;
use crate::state::SandboxState;

pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/faults", get(read_faults).put(write_faults))
        .route("/keys/{access_key_id}/revoke", post(revoke_key))
        .route("/sts", post(issue_sts))
        .with_state(state)
}

async fn read_faults(State(state): State<Arc<SandboxState>>) -> Json<FaultSettings> {
    Json(state.faults.settings())
}

async fn write_faults(
    State(state): State<Arc<SandboxState>>,
    Json(settings): Json<FaultSettings>,
) -> Json<FaultSettings> {
    state.apply_faults(settings);
    Json(state.faults.settings())
}

async fn revoke_key(
    State(state): State<Arc<SandboxState>>,
    Path(access_key_id): Path<String>,
) -> StatusCode {
    if state.accounts.revoke(&access_key_id) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IssuedSts {
    access_key_id: String,
    access_key_secret: String,
    security_token: String,
    expiration: String,
}

/// Issues demo STS credentials (for the demo account's analyst) with an optional lifetime.
async fn issue_sts(
    State(state): State<Arc<SandboxState>>,
    body: Option<Json<serde_json::Value>>,
) -> Json<IssuedSts> {
    let seconds = body
        .and_then(|Json(v)| v.get("durationSeconds").and_then(serde_json::Value::as_i64))
        .unwrap_or(DEFAULT_STS_LIFETIME_SECONDS);
    let issuer = Caller {
        access_key_id: crate::accounts::DEMO_ACCESS_KEY_ID.to_owned(),
        principal: Principal::RamUser {
            name: "analyst".to_owned(),
            user_id: "200000000000000001".to_owned(),
        },
        policy: Policy::default(),
    };
    let credential = state.accounts.issue_sts(
        &issuer,
        "sandbox-tester",
        "admin",
        chrono::Duration::seconds(seconds),
        state.now(),
    );
    Json(IssuedSts {
        access_key_id: credential.access_key_id,
        // The sandbox's own test credentials: handing them to the test that asked is the point.
        access_key_secret: credential.access_key_secret.expose_secret().to_owned(),
        security_token: credential.security_token.expose_secret().to_owned(),
        expiration: credential
            .expiration
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}
