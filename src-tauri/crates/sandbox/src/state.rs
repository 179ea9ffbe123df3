//! Everything the services share: accounts, clock, faults, request IDs and each service's data.

use chrono::{DateTime, Utc};
use signing::Freshness;

use crate::accounts::Accounts;
use crate::clock::Clock;
use crate::config::SandboxConfig;
use crate::faults::FaultSwitches;
use crate::request_id::RequestIds;
use crate::{delivery, openapi, oss, tablestore};

#[derive(Debug)]
pub struct SandboxState {
    pub region: String,
    pub instance: String,
    pub accounts: Accounts,
    pub clock: Clock,
    pub faults: FaultSwitches,
    pub request_ids: RequestIds,
    pub tablestore: tablestore::Store,
    pub oss: oss::Store,
    pub openapi: openapi::Store,
    /// Delivery tasks (Tablestore → OSS) and the engines running them.
    pub delivery: delivery::Store,
}

impl SandboxState {
    pub fn new(config: &SandboxConfig) -> Self {
        let clock = Clock::default();
        clock.set_skew_seconds(config.faults.clock_skew_seconds);
        let accounts = Accounts::demo();
        accounts.set_expire_all_tokens(config.faults.expire_tokens);
        Self {
            region: config.region.clone(),
            instance: config.instance.clone(),
            accounts,
            clock,
            faults: FaultSwitches::new(config.faults.clone(), config.random_seed),
            request_ids: RequestIds::new(config.random_seed),
            tablestore: tablestore::Store::seeded(config),
            oss: oss::Store::seeded(config),
            openapi: openapi::Store::seeded(config),
            delivery: delivery::Store::new(config.delivery.clone()),
        }
    }

    /// Changes the misbehaviour switches at run time; clock and token switches take effect at once.
    pub fn apply_faults(&self, settings: crate::faults::FaultSettings) {
        self.clock.set_skew_seconds(settings.clock_skew_seconds);
        self.accounts.set_expire_all_tokens(settings.expire_tokens);
        self.faults.replace(settings);
    }

    /// Moves whenever anything persistence saves may have changed (tables, objects, roles,
    /// delivery tasks and their checkpoints); faults, clock skew and keys do not count.
    pub fn change_count(&self) -> u64 {
        self.tablestore
            .changes()
            .wrapping_add(self.oss.changes())
            .wrapping_add(self.openapi.roles().changes())
            .wrapping_add(self.delivery.changes())
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The window a signed request's date must fall in, by the service's clock.
    pub fn freshness(&self) -> Freshness {
        // The services allow 15 minutes either way.
        Freshness::new(self.now(), Freshness::FIFTEEN_MINUTES)
    }
}
