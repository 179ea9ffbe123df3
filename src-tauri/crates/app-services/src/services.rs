//! The services the app shell holds in its state; each Tauri command calls one method.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use cloud_clients::account::{AccountClient, AccountEndpoints};
use cloud_clients::oss::{OssClient, OssConfig};
use cloud_clients::tablestore::{TablestoreClient, TablestoreConfig};
use cloud_clients::{HttpSettings, RetryPolicy, SystemClock};
use profiles::{
    Connection, NewProfileRequest, ProfileId, ProfileName, ProfileStore, ProfileSummary,
    ProfileUpdateRequest, SandboxProfile, SecretVault,
};

use crate::connection_test::{check, ConnectionReport};
use crate::import::{ImportRequest, ImportSources};
use crate::pickers::{BucketChoice, InstanceChoice};
use crate::sandbox_runtime::SandboxRuntime;
use crate::{AppInfo, ErrorCode, IpcError, Locale, Preferences, SandboxEndpoints};

/// Everything a command needs, built once at start-up.
#[derive(Debug)]
pub struct AppServices {
    version: String,
    data_dir: PathBuf,
    // Serialises read-modify-write of the preferences file between concurrent commands.
    preferences_lock: Mutex<()>,
    profiles: ProfileStore,
    sandbox: SandboxRuntime,
    sandbox_config: sandbox::SandboxConfig,
    http: HttpSettings,
    import_sources: ImportSources,
    samples: crate::schema_sampling::RunningSamples,
    knowledge: crate::sample_cache::SampleCache,
    drafts: crate::drafts_store::DraftStore,
    /// Each profile's last bucket listing, bucket name → region: the draft check needs the
    /// region on every edit and must not call OSS each time (nor again for every keystroke of
    /// a bucket name the listing does not hold).
    bucket_regions:
        Mutex<std::collections::HashMap<String, std::collections::HashMap<String, String>>>,
}

mod authoring;
mod creating;
mod watching;

impl AppServices {
    /// `config_dir` holds `profiles.json`; `vault` keeps the secrets (the OS keyring in the app).
    pub fn new(
        version: impl Into<String>,
        data_dir: impl Into<PathBuf>,
        config_dir: &Path,
        vault: Arc<dyn SecretVault>,
    ) -> Self {
        let version = version.into();
        let data_dir: PathBuf = data_dir.into();
        let sandbox_config = sandbox::SandboxConfig {
            // The demo's tasks screen starts with one task to look at.
            demo_task: true,
            ..sandbox::SandboxConfig::default()
        };
        let profiles = ProfileStore::new(config_dir, vault);
        profiles.configure_sandbox(sandbox_profile(&sandbox_config));
        Self {
            http: HttpSettings::for_app("TablestoreDeliveryStudio", &version),
            version,
            data_dir: data_dir.clone(),
            preferences_lock: Mutex::new(()),
            profiles,
            sandbox: SandboxRuntime::default(),
            sandbox_config,
            import_sources: ImportSources::default(),
            samples: crate::schema_sampling::RunningSamples::default(),
            knowledge: crate::sample_cache::SampleCache::default(),
            drafts: crate::drafts_store::DraftStore::new(data_dir.join("drafts")),
            bucket_regions: Mutex::default(),
        }
    }

    /// Uses a smaller sample table, for tests that need the sandbox to start fast.
    #[must_use]
    pub fn with_sandbox_rows(mut self, rows: u32) -> Self {
        self.sandbox_config.large_table_rows = rows;
        self
    }

    /// How fast the sandbox's delivery engine runs (tests use milliseconds, the demo seconds).
    #[must_use]
    pub fn with_sandbox_delivery(mut self, timing: sandbox::delivery::DeliveryTiming) -> Self {
        self.sandbox_config.delivery = timing;
        self
    }

    /// Keeps the built-in sandbox's state (tables, objects, delivery tasks, the role) in
    /// `dir` across restarts of the app; without it the sandbox starts from the sample data
    /// every time. The app passes its data folder's `sandbox` subfolder.
    #[must_use]
    pub fn with_sandbox_data_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.sandbox_config.data_dir = Some(dir.into());
        self
    }

    /// Where "import" looks for existing credentials.
    #[must_use]
    pub fn with_import_sources(mut self, sources: ImportSources) -> Self {
        self.import_sources = sources;
        self
    }

    /// Stops the built-in sandbox (if started) and saves its state; called when the app exits.
    pub async fn stop_sandbox(&self) {
        self.sandbox.stop().await;
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn preferences_path(&self) -> PathBuf {
        self.data_dir.join("preferences.json")
    }

    pub fn app_info(&self) -> Result<AppInfo, IpcError> {
        let preferences = Preferences::load(&self.preferences_path())?;
        Ok(AppInfo {
            version: self.version.clone(),
            data_dir: self.data_dir.display().to_string(),
            sandbox: self.sandbox.status(),
            locale: preferences.locale,
        })
    }

    /// Remembers the UI language; `None` goes back to following the operating system.
    pub fn set_locale(&self, locale: Option<Locale>) -> Result<(), IpcError> {
        let _guard = self
            .preferences_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let path = self.preferences_path();
        let mut preferences = Preferences::load(&path)?;
        preferences.locale = locale;
        preferences.save(&path)?;
        Ok(())
    }

    // --- Profiles -------------------------------------------------------------------------

    pub fn list_profiles(&self) -> Result<Vec<ProfileSummary>, IpcError> {
        Ok(self.profiles.list()?)
    }

    pub fn create_profile(&self, request: NewProfileRequest) -> Result<ProfileSummary, IpcError> {
        Ok(self.profiles.create(request.parse()?)?)
    }

    pub fn update_profile(
        &self,
        name: &str,
        request: ProfileUpdateRequest,
    ) -> Result<ProfileSummary, IpcError> {
        let name = ProfileName::parse(name)?;
        let updated = self.profiles.update(&name, request.parse()?)?;
        self.forget_profile(name.as_str());
        Ok(updated)
    }

    /// What could be imported, without any secret.
    pub fn import_preview(&self) -> Result<profiles::import::ImportPreview, IpcError> {
        Ok(self.import_sources.scan().preview())
    }

    /// Imports one found entry as a new profile (scanned afresh, so nothing stale is used).
    pub fn import_profile(&self, request: ImportRequest) -> Result<ProfileSummary, IpcError> {
        let mut scan = self.import_sources.scan();
        Ok(self.profiles.create(request.into_new_profile(&mut scan)?)?)
    }

    pub fn delete_profile(&self, name: &str) -> Result<(), IpcError> {
        let name = ProfileName::parse(name)?;
        self.profiles.delete(&name)?;
        self.forget_profile(name.as_str());
        Ok(())
    }

    /// Drops what was learnt through a profile that changed or went away.
    fn forget_profile(&self, profile: &str) {
        self.knowledge.forget_profile(profile);
        self.bucket_regions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(profile);
    }

    // --- Drafts ---------------------------------------------------------------------------

    pub fn list_drafts(&self) -> Result<Vec<crate::DraftSummary>, IpcError> {
        self.drafts.list()
    }

    pub fn save_draft(
        &self,
        name: &str,
        draft: &delivery::TaskDraft,
    ) -> Result<crate::DraftSummary, IpcError> {
        self.drafts.save(name, draft)
    }

    pub fn open_draft(&self, name: &str) -> Result<delivery::TaskDraft, IpcError> {
        self.drafts.open(name)
    }

    pub fn delete_draft(&self, name: &str) -> Result<(), IpcError> {
        self.drafts.delete(name)
    }

    // --- Sandbox --------------------------------------------------------------------------

    /// Starts the built-in sandbox (once) and points the sandbox profile at it.
    pub async fn start_sandbox(&self) -> Result<SandboxEndpoints, IpcError> {
        let endpoints = self.sandbox.start(self.sandbox_config.clone()).await?;
        let parsed = profiles::SandboxEndpoints::parse(
            &endpoints.tablestore,
            &endpoints.oss,
            &endpoints.sts,
        )?;
        self.profiles.sandbox_started(parsed);
        Ok(endpoints)
    }

    // --- Cloud ----------------------------------------------------------------------------

    fn connection(&self, profile: &str) -> Result<Connection, IpcError> {
        Ok(self.profiles.connection(&ProfileId::parse(profile)?)?)
    }

    fn tablestore(&self, connection: &Connection) -> Result<TablestoreClient, IpcError> {
        let config = TablestoreConfig {
            endpoint: connection.endpoints.tablestore.as_str().to_owned(),
            instance: connection.instance_name.as_str().to_owned(),
            region: Some(connection.region.as_str().to_owned()),
            credentials: connection.credentials.clone(),
        };
        Ok(TablestoreClient::new(
            config,
            &self.http,
            Arc::new(SystemClock),
            RetryPolicy::default(),
        )?)
    }

    fn oss(&self, connection: &Connection) -> Result<OssClient, IpcError> {
        let config = OssConfig {
            endpoint: connection.endpoints.oss.as_str().to_owned(),
            region: Some(connection.region.as_str().to_owned()),
            credentials: connection.credentials.clone(),
        };
        Ok(OssClient::new(
            config,
            &self.http,
            Arc::new(SystemClock),
            RetryPolicy::default(),
        )?)
    }

    fn account(&self, connection: &Connection) -> Result<AccountClient, IpcError> {
        let sts = &connection.endpoints.sts;
        // A custom or sandbox endpoint serves every account API; the cloud splits them.
        let endpoints = if sts.is_loopback() || connection.profile == ProfileId::Sandbox {
            AccountEndpoints::single(sts.as_str())
        } else {
            AccountEndpoints {
                sts: sts.as_str().to_owned(),
                ..AccountEndpoints::cloud(connection.region.as_str())
            }
        };
        Ok(AccountClient::new(
            endpoints,
            connection.credentials.clone(),
            &self.http,
            Arc::new(SystemClock),
            RetryPolicy::default(),
        )?)
    }

    pub async fn list_tables(&self, profile: &str) -> Result<Vec<String>, IpcError> {
        let connection = self.connection(profile)?;
        Ok(self.tablestore(&connection)?.list_tables().await?)
    }

    /// Every bucket of the account, flagged when it is outside the instance's region.
    pub async fn list_buckets(&self, profile: &str) -> Result<Vec<BucketChoice>, IpcError> {
        let connection = self.connection(profile)?;
        let region = connection.region.as_str().to_owned();
        let mut buckets: Vec<BucketChoice> = self
            .oss(&connection)?
            .list_buckets()
            .await?
            .into_iter()
            .map(|b| BucketChoice {
                same_region: b.region == region,
                name: b.name,
                region: b.region,
            })
            .collect();
        buckets.sort_by(|a, b| b.same_region.cmp(&a.same_region).then(a.name.cmp(&b.name)));
        // The whole listing replaces the last one, so a deleted bucket is forgotten too.
        self.bucket_regions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(
                profile.to_owned(),
                buckets
                    .iter()
                    .map(|b| (b.name.clone(), b.region.clone()))
                    .collect(),
            );
        Ok(buckets)
    }

    pub async fn list_instances(&self, profile: &str) -> Result<Vec<InstanceChoice>, IpcError> {
        let connection = self.connection(profile)?;
        let instances = self.account(&connection)?.list_instances().await?;
        Ok(instances
            .into_iter()
            .map(|i| InstanceChoice {
                name: i.name,
                region: i.region,
                status: i.status,
                description: i.description,
            })
            .collect())
    }

    /// The delivery tasks of one table.
    pub async fn list_delivery_tasks(
        &self,
        profile: &str,
        table: &str,
    ) -> Result<Vec<crate::DeliveryTaskView>, IpcError> {
        let connection = self.connection(profile)?;
        let tasks = self
            .tablestore(&connection)?
            .list_delivery_tasks(table)
            .await?;
        Ok(tasks
            .into_iter()
            .map(|t| crate::DeliveryTaskView {
                task_type: crate::tasks::task_type_name(t.task_type),
                table_name: t.table_name,
                task_name: t.task_name,
            })
            .collect())
    }

    /// A task's phase, checkpoint and any error the service reports.
    pub async fn describe_delivery_task(
        &self,
        profile: &str,
        table: &str,
        task: &str,
    ) -> Result<crate::DeliveryTaskStatus, IpcError> {
        let connection = self.connection(profile)?;
        let described = self
            .tablestore(&connection)?
            .describe_delivery_task(table, task)
            .await?;
        Ok(crate::DeliveryTaskStatus::from_proto(described))
    }

    pub async fn delete_delivery_task(
        &self,
        profile: &str,
        table: &str,
        task: &str,
    ) -> Result<(), IpcError> {
        let connection = self.connection(profile)?;
        let client = self.tablestore(&connection)?;
        let Err(refused) = client.delete_delivery_task(table, task).await else {
            return Ok(());
        };
        let refused = IpcError::from(refused);
        // The service refuses to delete a task that is still initialising, with a generic
        // "invalid parameter" answer (its exact code is unconfirmed); say what it means.
        if refused.code == ErrorCode::InvalidInput {
            if let Ok(described) = client.describe_delivery_task(table, task).await {
                if crate::DeliveryTaskStatus::from_proto(described).phase == "INIT" {
                    return Err(IpcError {
                        code: ErrorCode::TaskInitialising,
                        message: format!(
                            "Delivery task {task} is still initialising, and the service deletes a task only once it has started."
                        ),
                        remedy: Some(
                            "Wait a minute (a new task initialises for about a minute), refresh the list and delete it again."
                                .into(),
                        ),
                        ..refused
                    });
                }
            }
        }
        Err(refused)
    }

    /// The table's declared columns at once, then the types of every column found in up to
    /// `max_rows` sampled rows; `on_progress` hears after each page.
    pub async fn sample_schema(
        &self,
        profile: &str,
        table: &str,
        max_rows: u32,
        on_progress: impl FnMut(crate::SamplingProgress),
    ) -> Result<crate::SchemaSample, IpcError> {
        self.sample_schema_for(
            crate::schema_sampling::SampleKind::SchemaStep,
            profile,
            table,
            max_rows,
            on_progress,
        )
        .await
    }

    /// [`Self::sample_schema`] on behalf of `kind` (which decides what Cancel stops).
    pub(crate) async fn sample_schema_for(
        &self,
        kind: crate::schema_sampling::SampleKind,
        profile: &str,
        table: &str,
        max_rows: u32,
        mut on_progress: impl FnMut(crate::SamplingProgress),
    ) -> Result<crate::SchemaSample, IpcError> {
        use crate::sample_cache::{CachedSample, PREVIEW_ROWS};
        use crate::schema_sampling::{budget, declared_columns, new_inference};
        let connection = self.connection(profile)?;
        let client = self.tablestore(&connection)?;
        let description = client.describe_table(table).await?;
        let declared = declared_columns(&description);
        self.knowledge
            .remember_declared(profile, table, declared.clone());
        let key: Vec<String> = description
            .primary_key
            .iter()
            .map(|c| c.name.clone())
            .collect();
        let mut inference = new_inference(&declared);
        let mut kept = Vec::new();
        let run = self.samples.start(profile, table, kind);
        let summary = client
            .sample_rows(
                table,
                &key,
                budget(max_rows),
                &run.control,
                |row| {
                    let row = row.to_row();
                    inference.observe(&row);
                    if kept.len() < PREVIEW_ROWS {
                        kept.push(row);
                    }
                },
                |p| {
                    on_progress(crate::SamplingProgress {
                        rows: p.rows,
                        bytes: p.bytes,
                        pages: p.pages,
                    });
                },
            )
            .await;
        drop(run);
        let summary = summary?;
        let report = inference.report();
        self.knowledge.remember_sample(
            profile,
            table,
            CachedSample {
                report: report.clone(),
                rows: kept,
            },
        );
        Ok(crate::SchemaSample {
            report,
            reached_end: summary.reached_end,
        })
    }

    /// Stops a running sample of `table`; the sample then fails with `cancelled`.
    pub fn cancel_sampling(&self, profile: &str, table: &str) -> bool {
        self.samples.cancel(profile, table)
    }

    /// Proves the keys work and names each permission that is missing.
    pub async fn test_connection(&self, profile: &str) -> Result<ConnectionReport, IpcError> {
        let connection = self.connection(profile)?;
        let account = self.account(&connection)?;
        let tablestore = self.tablestore(&connection)?;
        let oss = self.oss(&connection)?;
        let (identity, tables, buckets) = tokio::join!(
            account.caller_identity(),
            tablestore.list_tables(),
            oss.list_buckets()
        );
        let (identity_check, identity) = check("sts:GetCallerIdentity", identity, |_| None);
        let (tables_check, _) = check("ots:ListTable", tables, |t| Some(t.len()));
        let (buckets_check, _) = check("oss:ListBuckets", buckets, |b| Some(b.len()));
        Ok(ConnectionReport {
            account_id: identity.as_ref().map(|i| i.account_id.clone()),
            caller_arn: identity.map(|i| i.arn),
            checks: vec![identity_check, tables_check, buckets_check],
        })
    }
}

fn sandbox_profile(config: &sandbox::SandboxConfig) -> SandboxProfile {
    let credentials = signing::Credentials::new(
        signing::AccessKeyId::parse(sandbox::accounts::DEMO_ACCESS_KEY_ID)
            .expect("the demo key id is well formed"),
        signing::Secret::new(sandbox::accounts::DEMO_ACCESS_KEY_SECRET.to_owned()),
    );
    SandboxProfile {
        region: profiles::Region::parse(&config.region).expect("the sandbox region is valid"),
        instance_name: profiles::InstanceName::parse(&config.instance)
            .expect("the sandbox instance name is valid"),
        credentials,
    }
}
