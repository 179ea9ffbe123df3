//! Sampling a table: a bounded forward range read from the first row, streamed one row at a
//! time to the caller, with a row budget, a byte budget, progress and cancellation.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::sync::Notify;

use tablestore_wire::plainbuffer::{encode_primary_key, RowReader, RowRef};
use tablestore_wire::{proto, PrimaryKeyValue};

use super::{CallMeta, TablestoreClient};
use crate::retry::Idempotency;
use crate::{ClientError, Service};

/// The most a page may ask for; the service caps a page at 5,000 rows anyway.
const PAGE_ROWS: u32 = 5_000;

/// When to stop reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleBudget {
    pub max_rows: u64,
    /// Stops after the page that crosses this many response bytes.
    pub max_bytes: u64,
}

/// Where a sample is, reported after each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleProgress {
    pub rows: u64,
    pub bytes: u64,
    pub pages: u32,
}

/// How a sample ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleSummary {
    pub progress: SampleProgress,
    /// The whole table was read before any budget ran out.
    pub reached_end: bool,
}

/// Lets another task cancel a running sample. Cancelling wakes a sample that is waiting for a
/// page, so it ends at once instead of after the page (and its retries) arrive.
#[derive(Debug, Default)]
pub struct SampleControl {
    cancelled: AtomicBool,
    wake: Notify,
}

impl SampleControl {
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        self.wake.notify_waiters();
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// Resolves once [`SampleControl::cancel`] has been called (at once if it already was).
    pub async fn cancelled(&self) {
        // Registered before the flag is read: a `cancel` between the two still wakes us
        // (tokio's `Notified` hears `notify_waiters` from its creation, polled or not).
        let woken = self.wake.notified();
        if self.is_cancelled() {
            return;
        }
        woken.await;
    }
}

impl TablestoreClient {
    /// Reads up to `budget` rows of `table` (whose primary-key column names, in order, are
    /// `primary_key`), giving each row to `on_row` and the running totals to `on_progress`.
    pub async fn sample_rows(
        &self,
        table: &str,
        primary_key: &[String],
        budget: SampleBudget,
        control: &SampleControl,
        mut on_row: impl FnMut(&RowRef<'_>),
        mut on_progress: impl FnMut(SampleProgress),
    ) -> Result<SampleSummary, ClientError> {
        let bound = |value: PrimaryKeyValue| {
            let key: Vec<_> = primary_key
                .iter()
                .map(|n| (n.clone(), value.clone()))
                .collect();
            encode_primary_key(&key).map_err(|e| ClientError::InvalidRequest(e.to_string()))
        };
        let start = bytes::Bytes::from(bound(PrimaryKeyValue::InfMin)?);
        let end = bytes::Bytes::from(bound(PrimaryKeyValue::InfMax)?);
        let mut progress = SampleProgress {
            rows: 0,
            bytes: 0,
            pages: 0,
        };
        // Cancelled before it began: ask the service nothing (the first page would be sent
        // before the race below could see the cancel).
        if control.is_cancelled() {
            return Err(ClientError::Cancelled);
        }
        // The row limit asked of the page in flight.
        let mut limit = page_limit(budget.max_rows);
        let mut page = self.fetch_page(table, start, &end, limit);
        loop {
            // The page in flight races the cancel: a stalled page (up to its attempts × the
            // read timeout) must not keep a cancelled sample alive.
            let joined = tokio::select! {
                biased;
                () = control.cancelled() => return Err(ClientError::Cancelled),
                joined = &mut page => joined,
            };
            let (response, meta) =
                joined.map_err(|e| ClientError::InvalidRequest(format!("page task: {e}")))??;
            let next = response.next_start_primary_key.clone().unwrap_or_default();
            // Ask for the next page before decoding this one, so the network and the service
            // work while we decode. Its limit assumes this page is full; if the service cut
            // it short (the 4 MB cap), the loop simply reads one page more.
            let after_this = budget
                .max_rows
                .saturating_sub(progress.rows)
                .saturating_sub(u64::from(limit.max(0).unsigned_abs()));
            let next_limit = page_limit(after_this);
            // Not when this page already spends the byte budget: that request would be wasted.
            let bytes_left = progress.bytes + (meta.body_len as u64) < budget.max_bytes;
            let prefetched = (!next.is_empty() && after_this > 0 && bytes_left)
                .then(|| self.fetch_page(table, next.clone(), &end, next_limit));
            let corrupt = |e: tablestore_wire::WireError| ClientError::ResponseCorrupt {
                service: Service::Tablestore,
                detail: format!("a row of the page did not decode: {e}"),
                request_id: meta.request_id.clone(),
            };
            RowReader::new(&response.rows)
                .map_err(corrupt)
                .and_then(|mut rows| {
                    // One `RowRef` refilled row after row: no allocation per row.
                    let mut row = RowRef::default();
                    while let Some(read) = rows.next_into(&mut row) {
                        read.map_err(corrupt)?;
                        on_row(&row);
                        progress.rows += 1;
                    }
                    Ok(())
                })?;
            progress.bytes += meta.body_len as u64;
            progress.pages += 1;
            on_progress(progress);
            let done = next.is_empty();
            if done || progress.rows >= budget.max_rows || progress.bytes >= budget.max_bytes {
                return Ok(SampleSummary {
                    progress,
                    reached_end: done,
                });
            }
            (page, limit) = if let Some(p) = prefetched {
                (p, next_limit)
            } else {
                let rest = page_limit(budget.max_rows - progress.rows);
                (self.fetch_page(table, next, &end, rest), rest)
            };
        }
    }

    /// Starts reading one page in the background.
    fn fetch_page(
        &self,
        table: &str,
        start: bytes::Bytes,
        end: &bytes::Bytes,
        limit: i32,
    ) -> PageTask {
        let request = proto::GetRangeRequest {
            table_name: table.to_owned(),
            direction: proto::Direction::Forward as i32,
            max_versions: Some(1),
            limit: Some(limit),
            inclusive_start_primary_key: start,
            exclusive_end_primary_key: end.clone(),
            ..Default::default()
        };
        let client = self.clone();
        PageTask(tokio::spawn(async move {
            client
                .call("GetRange", Idempotency::Idempotent, &request)
                .await
        }))
    }
}

type PageResult = Result<(proto::GetRangeResponse, CallMeta), ClientError>;

/// A page being read in the background, stopped when it is dropped: every way out of a sample
/// (cancelled, failed, budget spent, or the sample itself dropped) ends its reads in flight.
struct PageTask(tokio::task::JoinHandle<PageResult>);

impl Future for PageTask {
    type Output = Result<PageResult, tokio::task::JoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl Drop for PageTask {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A page's row limit: what is left of the budget, at most a service page.
fn page_limit(remaining: u64) -> i32 {
    i32::try_from(remaining.min(u64::from(PAGE_ROWS))).unwrap_or(i32::MAX)
}
