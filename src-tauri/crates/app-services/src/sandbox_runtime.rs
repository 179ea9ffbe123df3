//! The built-in sandbox, started in-process on demand and kept for the app's lifetime.

use sandbox::{Sandbox, SandboxConfig};

use crate::{ErrorCode, IpcError, SandboxEndpoints, SandboxStatus};

#[derive(Debug, Default)]
pub struct SandboxRuntime {
    running: tokio::sync::Mutex<Option<Sandbox>>,
    // A copy of the endpoints for synchronous readers (app_info) that must not wait on start.
    snapshot: std::sync::Mutex<Option<SandboxEndpoints>>,
}

impl SandboxRuntime {
    /// Starts the sandbox unless it runs already; returns where it listens.
    pub async fn start(&self, config: SandboxConfig) -> Result<SandboxEndpoints, IpcError> {
        let mut running = self.running.lock().await;
        if let Some(sandbox) = running.as_ref() {
            return Ok(endpoints_of(sandbox));
        }
        let sandbox = Sandbox::start(config).await.map_err(|e| {
            IpcError::new(
                ErrorCode::SandboxFailed,
                format!("The sandbox could not start: {e}."),
            )
            .with_remedy("Another program may hold the port; restart the app and try again.")
        })?;
        let endpoints = endpoints_of(&sandbox);
        *self
            .snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(endpoints.clone());
        *running = Some(sandbox);
        Ok(endpoints)
    }

    pub fn status(&self) -> SandboxStatus {
        let endpoints = self
            .snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        SandboxStatus {
            running: endpoints.is_some(),
            endpoints,
        }
    }
}

fn endpoints_of(sandbox: &Sandbox) -> SandboxEndpoints {
    let e = sandbox.endpoints();
    SandboxEndpoints {
        tablestore: e.tablestore.clone(),
        oss: e.oss.clone(),
        sts: e.openapi.clone(),
        admin: e.admin.clone(),
    }
}

/// The sandbox's delivery engine in milliseconds instead of minutes, for end-to-end tests.
pub fn fast_sandbox_delivery() -> sandbox::delivery::DeliveryTiming {
    sandbox::delivery::DeliveryTiming::fast()
}
