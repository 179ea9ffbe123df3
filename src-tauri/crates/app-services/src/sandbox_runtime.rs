//! The built-in sandbox, started in-process on demand and kept for the app's lifetime.

use sandbox::persist::PersistError;
use sandbox::{Sandbox, SandboxConfig, SandboxError};

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
        let sandbox = Sandbox::start(config).await.map_err(|e| start_failed(&e))?;
        let endpoints = endpoints_of(&sandbox);
        *self
            .snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(endpoints.clone());
        *running = Some(sandbox);
        Ok(endpoints)
    }

    /// Stops the sandbox if it runs and saves its state (when it has a data folder); the app
    /// calls this on exit, because Tauri ends the process without dropping managed state.
    pub async fn stop(&self) {
        let sandbox = self.running.lock().await.take();
        *self
            .snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        if let Some(sandbox) = sandbox {
            sandbox.stop().await;
        }
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

fn start_failed(error: &SandboxError) -> IpcError {
    let remedy = match error {
        SandboxError::Bind { .. } => {
            "Another program may hold the port; restart the app and try again."
        }
        SandboxError::State(PersistError::InUse { .. }) => {
            "Another copy of the app is using the sandbox; close it and try again."
        }
        // The message names the file; the saved state is never discarded on its own.
        SandboxError::State(_) => {
            "Move the sandbox folder named above out of the app's data folder to start again from the sample data."
        }
    };
    IpcError::new(
        ErrorCode::SandboxFailed,
        format!("The sandbox could not start: {error}."),
    )
    .with_remedy(remedy)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &std::path::Path) -> SandboxConfig {
        SandboxConfig {
            large_table_rows: 10,
            data_dir: Some(dir.to_owned()),
            ..SandboxConfig::default()
        }
    }

    #[tokio::test]
    async fn stopping_saves_the_state_and_lets_the_folder_go_while_the_app_still_runs() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let runtime = SandboxRuntime::default();
        let with_demo_task = SandboxConfig {
            demo_task: true,
            ..config(dir.path())
        };
        runtime.start(with_demo_task).await.expect("starts");
        assert!(runtime.status().running);
        runtime.stop().await;
        assert!(!runtime.status().running);
        // A fresh folder gets the demo task: stopping (well within the saver's 200 ms) saved it.
        let saved = std::fs::read_to_string(dir.path().join(sandbox::persist::STATE_FILE))
            .expect("the state was saved on stop");
        assert!(
            saved.contains(sandbox::delivery::demo::DEMO_TASK_NAME),
            "{saved}"
        );
        let next = SandboxRuntime::default();
        next.start(config(dir.path()))
            .await
            .expect("the folder is free again");
        next.stop().await;
    }

    #[tokio::test]
    async fn a_sandbox_folder_in_use_is_reported_with_its_own_remedy() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let first = SandboxRuntime::default();
        first.start(config(dir.path())).await.expect("starts");
        let error = SandboxRuntime::default()
            .start(config(dir.path()))
            .await
            .expect_err("the folder is taken");
        assert_eq!(error.code, ErrorCode::SandboxFailed);
        assert!(
            error.message.contains("in use by another sandbox"),
            "{}",
            error.message
        );
        assert_eq!(
            error.remedy.as_deref(),
            Some("Another copy of the app is using the sandbox; close it and try again.")
        );
    }

    #[tokio::test]
    async fn a_damaged_saved_state_names_the_file_and_is_left_in_place() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let state = dir.path().join(sandbox::persist::STATE_FILE);
        std::fs::write(&state, "{ not json").expect("written");
        let error = SandboxRuntime::default()
            .start(config(dir.path()))
            .await
            .expect_err("refused");
        assert!(
            error.message.contains(&state.display().to_string()),
            "{}",
            error.message
        );
        assert!(error.remedy.is_some_and(|r| r.contains("sample data")));
        assert_eq!(std::fs::read_to_string(&state).expect("kept"), "{ not json");
    }
}
