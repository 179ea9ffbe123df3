//! Starting and stopping the sandbox: one loopback listener per service, each serving its
//! router through hyper so transport faults (dropped connections) can be carried out.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::state::SandboxState;
use crate::transport::DropConnection;
use crate::{admin, openapi, oss, tablestore, SandboxConfig};

/// Where each service listens, as base URLs (`http://127.0.0.1:PORT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub tablestore: String,
    pub oss: String,
    /// STS, RAM, ResourceManager and the Tablestore control plane share one endpoint.
    pub openapi: String,
    /// Run-time control of the sandbox (faults, key revocation); not a cloud API.
    pub admin: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    /// The data folder could not be opened or its saved state read.
    #[error(transparent)]
    State(#[from] crate::persist::PersistError),
}

/// A running sandbox. Dropping it stops the listeners.
#[derive(Debug)]
pub struct Sandbox {
    endpoints: Endpoints,
    state: Arc<SandboxState>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    /// Writes the state to the data folder, when there is one.
    saver: Option<crate::persist::Saver>,
}

impl Sandbox {
    /// Seeds the data (or loads it from the data folder) and starts every listener. Must run
    /// inside a tokio runtime.
    pub async fn start(config: SandboxConfig) -> Result<Self, SandboxError> {
        let (state, saver) = match &config.data_dir {
            None => {
                let state = Arc::new(SandboxState::new(&config));
                if config.demo_task {
                    crate::delivery::demo::create_demo_task(&state);
                }
                (state, None)
            }
            Some(dir) => {
                let (dir, opening) = (dir.clone(), config.clone());
                let opened =
                    tokio::task::spawn_blocking(move || crate::persist::open(&dir, &opening))
                        .await
                        .expect("opening the data folder does not panic")?;
                let state = Arc::new(opened.state);
                if config.demo_task && !opened.resume.restored {
                    crate::delivery::demo::create_demo_task(&state);
                }
                let saver = opened.resume.run(&state)?;
                (state, Some(saver))
            }
        };
        let (shutdown, stopped) = watch::channel(false);
        let services = [
            (config.tablestore_addr, tablestore::router(state.clone())),
            (config.oss_addr, oss::router(state.clone())),
            (config.openapi_addr, openapi::router(state.clone())),
            (config.admin_addr, admin::router(state.clone())),
        ];
        let mut urls = Vec::new();
        let mut tasks = Vec::new();
        for (addr, router) in services {
            let listener = TcpListener::bind(addr)
                .await
                .map_err(|source| SandboxError::Bind { addr, source })?;
            let bound = listener
                .local_addr()
                .map_err(|source| SandboxError::Bind { addr, source })?;
            urls.push(format!("http://{bound}"));
            tasks.push(tokio::spawn(serve(listener, router, stopped.clone())));
        }
        let [tablestore, oss, openapi, admin] =
            <[String; 4]>::try_from(urls).expect("one URL per service");
        Ok(Self {
            endpoints: Endpoints {
                tablestore,
                oss,
                openapi,
                admin,
            },
            state,
            shutdown,
            tasks,
            saver,
        })
    }

    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    pub fn state(&self) -> &Arc<SandboxState> {
        &self.state
    }

    /// Stops accepting connections, waits for the listeners to end, stops the delivery
    /// engines and saves the state (when there is a data folder).
    pub async fn stop(mut self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks.drain(..) {
            let _ = task.await;
        }
        self.state.delivery.stop_all();
        if let Some(mut saver) = self.saver.take() {
            let _ = tokio::task::spawn_blocking(move || saver.finish()).await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(mut saver) = self.saver.take() {
            // Dropped without `stop`: save what is left before the folder is let go of.
            self.state.delivery.stop_all();
            saver.finish();
        }
    }
}

async fn serve(listener: TcpListener, router: Router, mut stopped: watch::Receiver<bool>) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopped.changed() => return,
        };
        let Ok((stream, _peer)) = accepted else {
            continue;
        };
        let router = router.clone();
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                let router = router.clone();
                async move {
                    let response = router
                        .oneshot(request.map(axum::body::Body::new))
                        .await
                        .unwrap_or_else(|never: Infallible| match never {});
                    if response.extensions().get::<DropConnection>().is_some() {
                        // An error from the service makes hyper close the connection unanswered.
                        return Err(crate::transport::CutOff);
                    }
                    Ok(response)
                }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => return,
                _ = stopped.changed() => {}
            }
            // Let an answer in flight finish, then close.
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        });
    }
}
