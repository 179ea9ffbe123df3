//! Writing to the cloud: the delivery role, creating a task after a fresh pre-flight, and
//! browsing what a task delivered.

use cloud_clients::account::delivery_role_arn;
use cloud_clients::tablestore::CreateOutcome;
use cloud_clients::{ClientError, ErrorKind};
use delivery::{RoleArn, TaskDraft};

use super::authoring::blocked_by;
use super::AppServices;
use crate::delivered_files::{listed_prefix, DeliveredFiles, DeliveredObject};
use crate::delivery_role::{DeliveryRoleStatus, ROLE_DOC_URL};
use crate::{DeliveryTaskView, ErrorCode, IpcError};

/// Objects listed per "browse delivered files", at most.
const MAX_LISTED_OBJECTS: usize = 1_000;
/// Listing pages (of up to 1,000 keys) read for one look at a task's files.
const MAX_LISTED_PAGES: usize = 10;

impl AppServices {
    /// The account's delivery role: its ARN and whether it exists, as far as the keys may ask.
    pub async fn delivery_role(&self, profile: &str) -> Result<DeliveryRoleStatus, IpcError> {
        let connection = self.connection(profile)?;
        let account = self.account(&connection)?;
        let mut status = DeliveryRoleStatus {
            account_id: None,
            role_arn: None,
            exists: None,
            problem: None,
            doc_url: ROLE_DOC_URL.to_owned(),
        };
        match account.caller_identity().await {
            Ok(identity) => {
                status.role_arn = Some(delivery_role_arn(&identity.account_id));
                status.account_id = Some(identity.account_id);
            }
            Err(error) => {
                status.problem = Some(error.into());
                return Ok(status);
            }
        }
        match account.delivery_role().await {
            Ok(role) => status.exists = Some(role.is_some()),
            Err(error) => status.problem = Some(error.into()),
        }
        Ok(status)
    }

    /// Creates the delivery service-linked role, then reports the role as it now stands.
    pub async fn create_delivery_role(
        &self,
        profile: &str,
    ) -> Result<DeliveryRoleStatus, IpcError> {
        let connection = self.connection(profile)?;
        match self.account(&connection)?.create_delivery_role().await {
            Ok(_) => {}
            // Created meanwhile (another window, the console): that is what was wanted.
            Err(error) if error.kind() == ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error.into()),
        }
        self.delivery_role(profile).await
    }

    /// Checks the draft again, then pre-flights what the service would only report after
    /// creation (bucket region, role existence) and the name's uniqueness, then creates the
    /// task once; a create whose answer was lost is confirmed by listing, never repeated blindly.
    pub async fn create_delivery_task(
        &self,
        profile: &str,
        draft: &TaskDraft,
    ) -> Result<DeliveryTaskView, IpcError> {
        let review = self.check_draft(profile, draft, 0).await?;
        let request = review.request.ok_or_else(|| blocked_by(&review.issues))?;
        let connection = self.connection(profile)?;
        let region = connection.region.as_str();
        let bucket = request.task_config.oss_bucket.as_str();

        // Listed afresh: the bucket may have gone since it was picked.
        match self.list_buckets(profile).await {
            Ok(buckets) => match buckets.iter().find(|b| b.name == bucket) {
                None => {
                    return Err(IpcError::new(
                        ErrorCode::BucketNotFound,
                        format!("The bucket '{bucket}' does not exist (any more)."),
                    )
                    .with_remedy(
                        "Pick another bucket in Source & destination, or create this one in OSS.",
                    ));
                }
                Some(found) if found.region != region => {
                    return Err(bucket_wrong_region(bucket, &found.region, region));
                }
                Some(_) => {}
            },
            // Keys that may create tasks but not list buckets: the draft check above already
            // judged whatever region is known.
            Err(error) if error.code == ErrorCode::PermissionDenied => {}
            Err(error) => return Err(error),
        }

        if is_delivery_role(&request.task_config.oss_sts_role) {
            let account = self.account(&connection)?;
            match account.delivery_role().await {
                Ok(Some(_)) => {}
                Ok(None) => {
                    return Err(IpcError::new(
                        ErrorCode::RoleMissing,
                        "The delivery service-linked role does not exist in this account, so the task would fail with UNAUTHORIZED.",
                    )
                    .with_remedy("Create the role in the Settings step (or in the RAM console), then create the task again."));
                }
                // Keys that may not read roles: the service will tell through Describe.
                Err(error) if error.kind() == ErrorKind::PermissionDenied => {}
                Err(error) => return Err(error.into()),
            }
        }

        let tablestore = self.tablestore(&connection)?;
        let table = request.table_name.as_str();
        let task = request.task_name.as_str();
        let existing = tablestore.list_delivery_tasks(table).await?;
        if existing.iter().any(|t| t.task_name == task) {
            return Err(IpcError::new(
                ErrorCode::TaskExists,
                format!("The table '{table}' already has a delivery task called '{task}'."),
            )
            .with_remedy("Choose another task name, or delete the existing task first."));
        }

        let outcome: Result<CreateOutcome, ClientError> =
            tablestore.create_delivery_task(&request).await;
        outcome?;
        Ok(DeliveryTaskView {
            table_name: table.to_owned(),
            task_name: task.to_owned(),
            task_type: crate::tasks::task_type_name(Some(request.task_type.proto_value())),
        })
    }

    /// The objects `task` wrote: listed under its prefix up to the first time variable, and
    /// kept when the file name is the task's.
    pub async fn list_delivered_files(
        &self,
        profile: &str,
        table: &str,
        task: &str,
    ) -> Result<DeliveredFiles, IpcError> {
        let connection = self.connection(profile)?;
        let status = self
            .tablestore(&connection)?
            .describe_delivery_task(table, task)
            .await
            .map(crate::DeliveryTaskStatus::from_proto)?;
        let bucket = status.bucket.unwrap_or_default();
        let prefix = listed_prefix(status.prefix.as_deref().unwrap_or_default());
        let oss = self.oss(&connection)?;
        let mut newest = crate::delivered_files::NewestObjects::new(MAX_LISTED_OBJECTS);
        let mut token: Option<String> = None;
        // A budget of pages, so a large bucket (or a prefix that starts with a variable, which
        // lists from the bucket's first key) costs a bounded number of calls per refresh.
        for _ in 0..MAX_LISTED_PAGES {
            let page = oss
                .list_objects(&bucket, &prefix, None, token.as_deref(), 1000)
                .await?;
            for o in page.objects {
                if crate::delivered_files::written_by(&o.key, task) {
                    newest.push(DeliveredObject {
                        key: o.key,
                        size: o.size,
                        last_modified: o.last_modified.unwrap_or_default(),
                    });
                }
            }
            token = page.next_continuation_token;
            if token.is_none() {
                break;
            }
        }
        let (objects, dropped) = newest.finish();
        let truncated = dropped || token.is_some();
        Ok(DeliveredFiles {
            bucket,
            listed_prefix: prefix,
            objects,
            truncated,
        })
    }
}

fn is_delivery_role(role: &RoleArn) -> bool {
    role.is_delivery_service_role()
}

fn bucket_wrong_region(bucket: &str, bucket_region: &str, region: &str) -> IpcError {
    IpcError::new(
        ErrorCode::BucketWrongRegion,
        format!("The bucket '{bucket}' is in {bucket_region}, but delivery writes only to buckets in the instance's region {region}."),
    )
    .with_remedy(format!("Pick a bucket in {region}, or create one there."))
}
