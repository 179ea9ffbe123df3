//! When to try again, and how long to wait: the official SDKs' rules, as data, and the one
//! loop every client retries through.

use std::future::Future;
use std::time::Duration;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use crate::{ClientError, ErrorKind};

/// How an operation may be repeated safely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads: any transient failure may be retried.
    Idempotent,
    /// Writes: only failures the service promises happened before any change.
    NotIdempotent,
}

/// Capped, jittered exponential back-off.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    /// Base delay for throttling answers.
    pub throttled_base: Duration,
    /// Base delay for other retryable failures.
    pub base: Duration,
    pub max_delay: Duration,
    /// The longest wait a service's retry hint (`x-acs-retry-after`, `Retry-After`) may ask of
    /// us; a longer hint is cut to this, as the SDKs cut it to their `maxDelay`.
    pub max_hinted_delay: Duration,
    /// Attempts that may end in a timeout: each one already waited the whole read timeout,
    /// so a service that hangs is reported after this many of them rather than after every
    /// attempt (5 × 30 s with the defaults).
    pub max_timeout_attempts: u32,
}

impl Default for RetryPolicy {
    /// The Python SDK's numbers, with fewer attempts: an interactive app should report a
    /// failing service within seconds, not after 20 tries.
    fn default() -> Self {
        Self {
            max_attempts: 5,
            throttled_base: Duration::from_millis(500),
            base: Duration::from_millis(200),
            max_delay: Duration::from_secs(3),
            // The SDKs allow 60 s (aliyun-cli) or 120 s (Darabonba) for batch work; here a
            // person watches a spinner. 10 s is a third of the read timeout: long enough for a
            // gateway's per-second flow control to let us through, short enough that a hint
            // never leaves the app silently waiting for minutes (at most 4 waits of 10 s with
            // the default 5 attempts, after which the throttling is reported).
            max_hinted_delay: Duration::from_secs(10),
            // One retry: a single slow answer is often a blip; two in a row (about a minute
            // with the 30 s read timeout) mean the user should hear about it.
            max_timeout_attempts: 2,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Whether `error` after attempt number `attempt` (1-based) may be retried.
    pub fn should_retry(
        &self,
        error: &ClientError,
        idempotency: Idempotency,
        attempt: u32,
    ) -> bool {
        if attempt >= self.max_attempts {
            return false;
        }
        match error.kind() {
            // The service refused before doing anything: safe for any operation.
            ErrorKind::Throttled => true,
            // The request may have been applied: only reads are repeated.
            // `attempt` counts every attempt so far, so this also stops after one timeout
            // that followed other failures: the wait already came close to its worst.
            ErrorKind::Timeout => {
                idempotency == Idempotency::Idempotent && attempt < self.max_timeout_attempts
            }
            ErrorKind::ServerError | ErrorKind::ResponseCorrupt => {
                idempotency == Idempotency::Idempotent
            }
            ErrorKind::Network => match error {
                // The same request would be redirected again.
                ClientError::Redirected { .. } => false,
                // Nothing was sent when the connection could not be opened.
                ClientError::Network { detail, .. } if refused(detail) => true,
                _ => idempotency == Idempotency::Idempotent,
            },
            _ => false,
        }
    }

    /// The wait before attempt `attempt + 1`. A service's retry hint replaces the back-off
    /// (capped by `max_hinted_delay`) and is not jittered: the service named the time.
    pub fn delay(
        &self,
        error: &ClientError,
        attempt: u32,
        hint: Option<Duration>,
        jitter: &mut Jitter,
    ) -> Duration {
        if let Some(hint) = hint {
            return hint.min(self.max_hinted_delay);
        }
        let base = if error.kind() == ErrorKind::Throttled {
            self.throttled_base
        } else {
            self.base
        };
        let exponent = attempt.saturating_sub(1).min(16);
        let capped = base.saturating_mul(1 << exponent).min(self.max_delay);
        // Between half and all of the capped delay, so clients do not retry in lock-step.
        capped.mul_f64(0.5 + 0.5 * jitter.next())
    }

    /// Runs `attempt_once` until it succeeds, fails in a way that may not be retried, or runs
    /// out of attempts, waiting between attempts as [`RetryPolicy::delay`] says.
    pub(crate) async fn run<T, Attempt, Answer>(
        &self,
        idempotency: Idempotency,
        mut attempt_once: Attempt,
    ) -> Result<T, ClientError>
    where
        Attempt: FnMut() -> Answer,
        Answer: Future<Output = Result<T, Failure>>,
    {
        let mut jitter = Jitter::from_entropy();
        let mut attempt = 1;
        loop {
            match attempt_once().await {
                Ok(value) => return Ok(value),
                Err(failure) if self.should_retry(&failure.error, idempotency, attempt) => {
                    let wait =
                        self.delay(&failure.error, attempt, failure.retry_after, &mut jitter);
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(failure) => return Err(failure.error),
            }
        }
    }
}

/// One failed attempt: the error, and the wait the service asked for before the next one.
#[derive(Debug)]
pub(crate) struct Failure {
    pub error: ClientError,
    pub retry_after: Option<Duration>,
}

impl From<ClientError> for Failure {
    fn from(error: ClientError) -> Self {
        Self {
            error,
            retry_after: None,
        }
    }
}

fn refused(detail: &str) -> bool {
    detail.to_ascii_lowercase().contains("refused")
}

/// The random source behind back-off jitter.
#[derive(Debug)]
pub struct Jitter(SmallRng);

impl Jitter {
    pub fn from_entropy() -> Self {
        Self(SmallRng::from_os_rng())
    }

    pub fn seeded(seed: u64) -> Self {
        Self(SmallRng::seed_from_u64(seed))
    }

    fn next(&mut self) -> f64 {
        self.0.random()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Service;

    fn service_error(kind: ErrorKind) -> ClientError {
        ClientError::Service {
            service: Service::Tablestore,
            kind,
            status: 503,
            code: "X".into(),
            message: String::new(),
            request_id: None,
        }
    }

    #[test]
    fn throttling_is_retried_for_writes_but_server_errors_only_for_reads() {
        let policy = RetryPolicy::default();
        let throttled = service_error(ErrorKind::Throttled);
        let failing = service_error(ErrorKind::ServerError);
        assert!(policy.should_retry(&throttled, Idempotency::NotIdempotent, 1));
        assert!(!policy.should_retry(&failing, Idempotency::NotIdempotent, 1));
        assert!(policy.should_retry(&failing, Idempotency::Idempotent, 1));
    }

    #[test]
    fn auth_failures_are_never_retried_and_attempts_are_capped() {
        let policy = RetryPolicy::default();
        assert!(!policy.should_retry(
            &service_error(ErrorKind::AuthFailed),
            Idempotency::Idempotent,
            1
        ));
        let throttled = service_error(ErrorKind::Throttled);
        assert!(policy.should_retry(&throttled, Idempotency::Idempotent, 4));
        assert!(!policy.should_retry(&throttled, Idempotency::Idempotent, 5));
    }

    #[test]
    fn a_hanging_service_is_reported_after_two_timed_out_attempts_not_five() {
        let policy = RetryPolicy::default();
        let timeout = ClientError::Timeout {
            service: Service::Tablestore,
            endpoint: "https://x".into(),
        };
        assert!(policy.should_retry(&timeout, Idempotency::Idempotent, 1));
        assert!(!policy.should_retry(&timeout, Idempotency::Idempotent, 2));
        assert!(!policy.should_retry(&timeout, Idempotency::NotIdempotent, 1));
        // Other failures keep every attempt.
        let busy = service_error(ErrorKind::ServerError);
        assert!(policy.should_retry(&busy, Idempotency::Idempotent, 4));
    }

    #[test]
    fn a_refused_connection_is_safe_to_retry_even_for_a_write() {
        let refused = ClientError::Network {
            service: Service::Tablestore,
            endpoint: "http://127.0.0.1:1".into(),
            detail: "Connection refused (os error 111)".into(),
        };
        let reset = ClientError::Network {
            service: Service::Tablestore,
            endpoint: "http://127.0.0.1:1".into(),
            detail: "connection closed before message completed".into(),
        };
        let policy = RetryPolicy::default();
        assert!(policy.should_retry(&refused, Idempotency::NotIdempotent, 1));
        assert!(!policy.should_retry(&reset, Idempotency::NotIdempotent, 1));
    }

    #[test]
    fn delays_grow_double_stay_capped_and_jittered_within_half_to_full() {
        let policy = RetryPolicy::default();
        let error = service_error(ErrorKind::ServerError);
        let mut jitter = Jitter::seeded(3);
        for attempt in 1..=8 {
            let capped = (policy.base * (1 << (attempt - 1))).min(policy.max_delay);
            let delay = policy.delay(&error, attempt, None, &mut jitter);
            assert!(
                delay >= capped / 2 && delay <= capped,
                "{attempt}: {delay:?}"
            );
        }
    }

    #[test]
    fn a_retry_hint_replaces_the_back_off_exactly_but_never_beyond_its_cap() {
        let policy = RetryPolicy::default();
        let throttled = service_error(ErrorKind::Throttled);
        let mut jitter = Jitter::seeded(3);
        for attempt in 1..=4 {
            let hinted = policy.delay(
                &throttled,
                attempt,
                Some(Duration::from_secs(1)),
                &mut jitter,
            );
            assert_eq!(hinted, Duration::from_secs(1), "attempt {attempt}");
        }
        let five_minutes = Some(Duration::from_mins(5));
        assert_eq!(
            policy.delay(&throttled, 1, five_minutes, &mut jitter),
            Duration::from_secs(10)
        );
    }
}
