//! The Tablestore data plane of the sandbox: `POST /{Operation}` with protobuf bodies (spec
//! `tablestore.md` sections 1-3, 5, 6).
//!
//! Every call is checked like the service checks it ([`verify`]), then runs against tables
//! kept in memory ([`table`]), and is answered with the headers and response signature the
//! SDKs verify ([`respond`]). The fault switches apply per operation.

pub mod ddl;
pub mod error;
pub mod page_buffers;
pub mod read;
pub mod respond;
pub mod rows;
pub mod schema;
pub mod seed;
mod seed_orders;
pub mod table;
pub mod verify;
pub mod write;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::Method;
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use bytes::Bytes;
use prost::Message;
use tablestore_wire::proto::DeleteTableRequest;
use tablestore_wire::{decode_checked, RequiredFields};

use crate::faults::Fault;
use crate::state::SandboxState;
use crate::transport;
use crate::SandboxConfig;
use error::OtsError;
use page_buffers::PAGE_BUFFERS;
use respond::Answer;
use table::Table;

/// The instance's tables by name.
pub type Tables = BTreeMap<String, Table>;

/// The largest request body accepted (spec section 6).
pub const MAX_REQUEST_BYTES: usize = 5 * 1024 * 1024;

/// The service's data, in memory.
#[derive(Debug)]
pub struct Store {
    tables: RwLock<Tables>,
    /// Bumped whenever the tables may change (see [`Store::changes`]).
    changes: AtomicU64,
}

impl Store {
    pub fn seeded(config: &SandboxConfig) -> Self {
        Self::with_tables(seed::tables(config))
    }

    /// A store holding `tables` (restored from a saved state).
    pub fn with_tables(tables: Tables) -> Self {
        Self {
            tables: RwLock::new(tables),
            changes: AtomicU64::new(0),
        }
    }

    /// How many times the tables were opened for writing: persistence saves when it moves.
    pub fn changes(&self) -> u64 {
        self.changes.load(Ordering::Acquire)
    }

    pub fn tables(&self) -> RwLockReadGuard<'_, Tables> {
        self.tables
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn tables_mut(&self) -> RwLockWriteGuard<'_, Tables> {
        // Counted before the change is made: a saver that reads the count and then the
        // tables sees at least the change it counted, once the writer lets go.
        self.changes.fetch_add(1, Ordering::AcqRel);
        self.tables
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new()
        .route("/{operation}", any(handle))
        .fallback(any(|State(state): State<Arc<SandboxState>>| async move {
            let error = OtsError::parameter_invalid(
                "Unsupported operation: the path must be /{Operation}.",
            );
            Answer {
                operation: "",
                signer: None,
                fault: Fault::None,
            }
            .error(&state, &error)
        }))
        .with_state(state)
}

async fn handle(
    State(state): State<Arc<SandboxState>>,
    Path(operation): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let unsigned = Answer {
        operation: &operation,
        signer: None,
        fault: Fault::None,
    };
    if parts.method != Method::POST {
        return unsigned.error(&state, &OtsError::method_not_allowed());
    }
    let Ok(body) = axum::body::to_bytes(body, MAX_REQUEST_BYTES).await else {
        return unsigned.error(&state, &OtsError::body_too_large(MAX_REQUEST_BYTES));
    };

    let (latency, fault) = state.faults.decide(&operation);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    if fault == Fault::Drop {
        return transport::drop_connection(Response::new(Body::empty()));
    }
    let verified = match verify::verify(&state, &operation, &parts, &body) {
        Ok(verified) => verified,
        Err(refused) => {
            let answer = Answer {
                signer: refused.signer.as_ref(),
                fault,
                ..unsigned
            };
            return answer.error(&state, &refused.error);
        }
    };
    let answer = Answer {
        signer: Some(&verified.signer),
        fault,
        ..unsigned
    };
    if fault == Fault::Busy {
        return answer.error(&state, &OtsError::server_busy());
    }
    match dispatch(&state, &operation, &body) {
        Ok(bytes) => answer.ok(&state, &bytes),
        Err(error) => answer.error(&state, &error),
    }
}

fn decode<M: Message + Default + RequiredFields>(body: &[u8]) -> Result<M, OtsError> {
    decode_checked(body).map_err(OtsError::from)
}

/// Runs one verified call; the answer is the encoded response message.
fn dispatch(state: &Arc<SandboxState>, operation: &str, body: &[u8]) -> Result<Bytes, OtsError> {
    let store = &state.tablestore;
    let now_ms = state.now().timestamp_millis();
    let encoded = match operation {
        "ListTable" => ddl::list_table(&store.tables()).encode_to_vec(),
        "DescribeTable" => ddl::describe_table(&store.tables(), &decode(body)?)?.encode_to_vec(),
        "CreateTable" => ddl::create_table(
            &mut store.tables_mut(),
            decode(body)?,
            state.now().timestamp(),
        )?
        .encode_to_vec(),
        "DeleteTable" => {
            let request: DeleteTableRequest = decode(body)?;
            // The table's delivery tasks go with it, under the same lock CreateDeliveryTask
            // holds while it adds a task, so no task outlives its table or attaches to a
            // later table of the same name.
            let mut tables = store.tables_mut();
            let response = ddl::delete_table(&mut tables, &request)?;
            state.delivery.delete_table_tasks(&request.table_name);
            response.encode_to_vec()
        }
        "GetRow" => rows::get_row(&store.tables(), decode(body)?, now_ms)?.encode_to_vec(),
        "GetRange" => {
            // Pages are megabytes: encoded into a reused buffer (see `page_buffers`).
            let response = rows::get_range(&store.tables(), decode(body)?, now_ms)?;
            let mut encoded = PAGE_BUFFERS.take(response.encoded_len());
            response
                .encode(&mut encoded)
                .expect("a Vec grows to fit any message");
            return Ok(PAGE_BUFFERS.into_bytes(encoded));
        }
        "PutRow" => rows::put_row(&mut store.tables_mut(), &decode(body)?, now_ms)?.encode_to_vec(),
        "UpdateRow" => {
            rows::update_row(&mut store.tables_mut(), &decode(body)?, now_ms)?.encode_to_vec()
        }
        "DeleteRow" => {
            rows::delete_row(&mut store.tables_mut(), &decode(body)?, now_ms)?.encode_to_vec()
        }
        "BatchWriteRow" => {
            rows::batch_write_row(&mut store.tables_mut(), &decode(body)?, now_ms)?.encode_to_vec()
        }
        "CreateDeliveryTask" => {
            crate::delivery::api::create(state, &decode(body)?)?.encode_to_vec()
        }
        "ListDeliveryTask" => crate::delivery::api::list(state, &decode(body)?)?.encode_to_vec(),
        "DescribeDeliveryTask" => {
            crate::delivery::api::describe(state, &decode(body)?)?.encode_to_vec()
        }
        "DeleteDeliveryTask" => {
            crate::delivery::api::delete(state, &decode(body)?)?.encode_to_vec()
        }
        other => return Err(OtsError::unsupported_operation(other)),
    };
    Ok(Bytes::from(encoded))
}
