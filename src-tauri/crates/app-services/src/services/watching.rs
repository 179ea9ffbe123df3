//! Looking across the instance: every table's tasks at once, and drift between a task's
//! schema and the columns the table's rows hold now.

use futures_util::stream::{self, StreamExt};

use super::AppServices;
use crate::drift::{draft_from_described, DriftReport};
use crate::instance_tasks::{InstanceTasks, TableFailure, TABLES_AT_ONCE};
use crate::IpcError;

impl AppServices {
    /// The tasks of every table of the profile's instance, asking a few tables at a time.
    pub async fn list_instance_tasks(&self, profile: &str) -> Result<InstanceTasks, IpcError> {
        let tables = self.list_tables(profile).await?;
        let answers: Vec<(String, Result<Vec<crate::DeliveryTaskView>, IpcError>)> =
            stream::iter(tables.iter().cloned())
                .map(|table| async move {
                    let answer = self.list_delivery_tasks(profile, &table).await;
                    (table, answer)
                })
                .buffer_unordered(TABLES_AT_ONCE)
                .collect()
                .await;
        let mut tasks = Vec::new();
        let mut failed_tables = Vec::new();
        for (table_name, answer) in answers {
            match answer {
                Ok(found) => tasks.extend(found),
                Err(error) => failed_tables.push(TableFailure { table_name, error }),
            }
        }
        tasks.sort_by(|a, b| {
            (a.table_name.as_str(), a.task_name.as_str())
                .cmp(&(b.table_name.as_str(), b.task_name.as_str()))
        });
        failed_tables.sort_by(|a, b| a.table_name.cmp(&b.table_name));
        Ok(InstanceTasks {
            tasks,
            tables_asked: u32::try_from(tables.len()).unwrap_or(u32::MAX),
            failed_tables,
        })
    }

    /// Samples `table` afresh and lists the columns its rows hold that `task` does not deliver.
    pub async fn drift_watch(
        &self,
        profile: &str,
        table: &str,
        task: &str,
        max_rows: u32,
    ) -> Result<DriftReport, IpcError> {
        let connection = self.connection(profile)?;
        let described = self
            .tablestore(&connection)?
            .describe_delivery_task(table, task)
            .await?;
        let sample = self
            .sample_schema_for(
                crate::schema_sampling::SampleKind::DriftCheck,
                profile,
                table,
                max_rows,
                |_| {},
            )
            .await?;
        let delivered: Vec<String> = described
            .task_config
            .as_ref()
            .map(|config| {
                config
                    .schema
                    .iter()
                    .filter_map(|field| field.column_name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let undelivered: Vec<_> = sample
            .report
            .columns
            .iter()
            // Drift is about attributes the rows hold: key columns are not new (leaving one
            // out was a choice when the task was made), and a declared column no sampled row
            // holds has no data, nor a type to suggest.
            .filter(|column| {
                column.origin != delivery::ColumnOrigin::PrimaryKey
                    && column.present_rows > 0
                    && !delivered.contains(&column.name)
            })
            .cloned()
            .collect();
        Ok(DriftReport {
            table_name: table.to_owned(),
            task_name: task.to_owned(),
            sampled_rows: sample.report.rows_seen,
            suggested_draft: draft_from_described(table, task, &described, &undelivered),
            delivered_columns: delivered,
            undelivered,
            sample,
        })
    }
}
