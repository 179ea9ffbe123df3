//! Runs the sandbox on its own and prints its endpoints and demo keys.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use sandbox::accounts::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, LIMITED_ACCESS_KEY_ID, LIMITED_ACCESS_KEY_SECRET,
};
use sandbox::faults::FaultSettings;
use sandbox::{Sandbox, SandboxConfig};

/// A local, signature-checking stand-in for Tablestore, OSS and the account APIs.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address of the Tablestore endpoint (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:0")]
    tablestore: SocketAddr,
    /// Address of the OSS endpoint.
    #[arg(long, default_value = "127.0.0.1:0")]
    oss: SocketAddr,
    /// Address of the STS / RAM / ResourceManager / control-plane endpoint.
    #[arg(long, default_value = "127.0.0.1:0")]
    openapi: SocketAddr,
    /// Address of the sandbox's own control endpoint.
    #[arg(long, default_value = "127.0.0.1:0")]
    admin: SocketAddr,
    /// Region of the instance and of the same-region bucket.
    #[arg(long, default_value = "cn-hangzhou")]
    region: String,
    /// Name of the Tablestore instance.
    #[arg(long, default_value = "sandbox-demo")]
    instance: String,
    /// Rows in the large sample table.
    #[arg(long, default_value_t = 200_000)]
    large_table_rows: u32,
    /// Start with a demo delivery task on the `orders` table.
    #[arg(long)]
    demo_task: bool,
    /// Misbehaviour from the start, as the JSON the admin endpoint takes at PUT /faults.
    #[arg(long, value_parser = parse_faults)]
    faults: Option<FaultSettings>,
    /// How long a new delivery task stays in INIT, in milliseconds (the service takes minutes).
    #[arg(long)]
    delivery_init_ms: Option<u64>,
    /// How often a delivery task closes its open Parquet file, in milliseconds (default about
    /// two minutes, like the service).
    #[arg(long)]
    delivery_roll_ms: Option<u64>,
    /// Keep the state in this folder across restarts: tables, rows, objects, delivery tasks
    /// and the service-linked role. The sample data is used only while the folder holds no
    /// state. Fault switches and clock skew are not kept.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print the endpoints as one JSON line (for scripts) instead of text.
    #[arg(long)]
    json: bool,
}

fn parse_faults(text: &str) -> Result<FaultSettings, String> {
    serde_json::from_str(text).map_err(|e| format!("not valid fault settings: {e}"))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let mut delivery = sandbox::delivery::DeliveryTiming::default();
    if let Some(ms) = args.delivery_init_ms {
        delivery.init_delay = std::time::Duration::from_millis(ms);
    }
    if let Some(ms) = args.delivery_roll_ms {
        delivery.roll_interval = std::time::Duration::from_millis(ms);
    }
    let config = SandboxConfig {
        region: args.region,
        instance: args.instance,
        tablestore_addr: args.tablestore,
        oss_addr: args.oss,
        openapi_addr: args.openapi,
        admin_addr: args.admin,
        large_table_rows: args.large_table_rows,
        demo_task: args.demo_task,
        faults: args.faults.unwrap_or_default(),
        delivery,
        data_dir: args.data_dir,
        ..SandboxConfig::default()
    };
    let region = config.region.clone();
    let instance = config.instance.clone();
    let sandbox = match Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("sandbox: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let e = sandbox.endpoints();
    if args.json {
        let line = serde_json::json!({
            "tablestore": e.tablestore, "oss": e.oss, "openapi": e.openapi, "admin": e.admin,
            "region": region, "instance": instance,
            "accessKeyId": DEMO_ACCESS_KEY_ID, "accessKeySecret": DEMO_ACCESS_KEY_SECRET,
            "limitedAccessKeyId": LIMITED_ACCESS_KEY_ID,
            "limitedAccessKeySecret": LIMITED_ACCESS_KEY_SECRET,
        });
        println!("{line}");
    } else {
        println!(
            "Tablestore  {}  (instance {instance}, region {region})",
            e.tablestore
        );
        println!("OSS         {}", e.oss);
        println!(
            "OpenAPI     {}  (STS, RAM, ResourceManager, control plane)",
            e.openapi
        );
        println!("Admin       {}", e.admin);
        println!("Demo key    {DEMO_ACCESS_KEY_ID} / {DEMO_ACCESS_KEY_SECRET}");
        println!("Limited key {LIMITED_ACCESS_KEY_ID} / {LIMITED_ACCESS_KEY_SECRET}");
    }
    stop_requested().await;
    sandbox.stop().await;
    std::process::ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM (what scripts and service managers send): either stops the sandbox
/// cleanly, which saves its state when it has a data folder.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
