//! How a sandbox is started.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::delivery::DeliveryTiming;
use crate::faults::FaultSettings;

/// Start-up settings. `Default` gives the demo: one region, one instance, the sample data.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The region of the instance and of the same-region bucket.
    pub region: String,
    /// The Tablestore instance name the sandbox serves.
    pub instance: String,
    /// Where each service listens; port 0 picks a free port.
    pub tablestore_addr: SocketAddr,
    pub oss_addr: SocketAddr,
    pub openapi_addr: SocketAddr,
    pub admin_addr: SocketAddr,
    /// Rows in the large sample table (the product needs ≥ 200,000 for sampling; tests that do
    /// not need it can ask for fewer to start faster).
    pub large_table_rows: u32,
    /// Misbehaviour from the start; can be changed at run time through the admin endpoint.
    pub faults: FaultSettings,
    /// Seeds the random source behind fault rates, so a run can be repeated.
    pub random_seed: u64,
    /// How fast delivery tasks initialise and roll files; tests scale it down to milliseconds.
    pub delivery: DeliveryTiming,
    /// Starts with one delivery task on `orders` (the app's demo); tests that count tasks
    /// leave it off. With a data folder that already holds state, the saved tasks are used
    /// instead (a demo task the user deleted stays deleted).
    pub demo_task: bool,
    /// Where the state is kept across restarts (see [`crate::persist`]); `None` keeps
    /// everything in memory only. The seed is used only while the folder holds no state.
    /// Fault switches and clock skew are never saved.
    pub data_dir: Option<PathBuf>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        let loopback = SocketAddr::from(([127, 0, 0, 1], 0));
        Self {
            region: "cn-hangzhou".to_owned(),
            instance: "sandbox-demo".to_owned(),
            tablestore_addr: loopback,
            oss_addr: loopback,
            openapi_addr: loopback,
            admin_addr: loopback,
            large_table_rows: 200_000,
            faults: FaultSettings::default(),
            random_seed: 0x5eed,
            delivery: DeliveryTiming::default(),
            demo_task: false,
            data_dir: None,
        }
    }
}
