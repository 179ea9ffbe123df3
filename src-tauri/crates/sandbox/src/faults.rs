//! Misbehaviour switches: latency, busy errors, dropped connections, truncated bodies,
//! corrupt checksums, a skewed clock and expired tokens. Settable at start-up and at run time
//! (through the admin endpoint), so every failure path of the app can be driven for real.

use std::sync::{Mutex, RwLock};
use std::time::Duration;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

/// The switches. Rates are probabilities in `[0, 1]` per request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct FaultSettings {
    /// Added before every answer.
    pub latency_ms: u64,
    /// Answer with the service's busy/throttled error.
    pub busy_rate: f64,
    /// Close the connection without answering.
    pub drop_rate: f64,
    /// Send the headers and part of the body, then close the connection.
    pub truncate_rate: f64,
    /// Send a body whose checksum (Tablestore MD5, OSS CRC64) does not match.
    pub corrupt_rate: f64,
    /// How far the service's clock is from the real one.
    pub clock_skew_seconds: i64,
    /// Refuse every STS token as expired.
    pub expire_tokens: bool,
    /// Limit the rate-based faults to these operations (e.g. `GetRange`, `ListBuckets`);
    /// empty means every operation.
    pub operations: Vec<String>,
}

/// What to do to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    None,
    Busy,
    Drop,
    Truncate,
    Corrupt,
}

#[derive(Debug)]
pub struct FaultSwitches {
    settings: RwLock<FaultSettings>,
    random: Mutex<SmallRng>,
}

impl FaultSwitches {
    pub fn new(settings: FaultSettings, seed: u64) -> Self {
        Self {
            settings: RwLock::new(settings),
            random: Mutex::new(SmallRng::seed_from_u64(seed)),
        }
    }

    pub fn settings(&self) -> FaultSettings {
        self.settings
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn replace(&self, settings: FaultSettings) {
        *self
            .settings
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = settings;
    }

    /// Draws the fault for one call of `operation` and how long to wait before answering.
    pub fn decide(&self, operation: &str) -> (Duration, Fault) {
        let settings = self.settings();
        let latency = Duration::from_millis(settings.latency_ms);
        let applies =
            settings.operations.is_empty() || settings.operations.iter().any(|op| op == operation);
        if !applies {
            return (latency, Fault::None);
        }
        let roll: f64 = self
            .random
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .random();
        // One roll split into consecutive bands, so the rates add up as configured.
        let bands = [
            (settings.drop_rate, Fault::Drop),
            (settings.truncate_rate, Fault::Truncate),
            (settings.busy_rate, Fault::Busy),
            (settings.corrupt_rate, Fault::Corrupt),
        ];
        let mut edge = 0.0;
        for (rate, fault) in bands {
            edge += rate.clamp(0.0, 1.0);
            if roll < edge {
                return (latency, fault);
            }
        }
        (latency, Fault::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_settings_means_no_faults() {
        let switches = FaultSwitches::new(FaultSettings::default(), 1);
        for _ in 0..1000 {
            assert_eq!(switches.decide("GetRange"), (Duration::ZERO, Fault::None));
        }
    }

    #[test]
    fn a_rate_of_one_always_applies_and_latency_is_reported() {
        let switches = FaultSwitches::new(
            FaultSettings {
                busy_rate: 1.0,
                latency_ms: 30,
                ..FaultSettings::default()
            },
            1,
        );
        assert_eq!(
            switches.decide("ListTable"),
            (Duration::from_millis(30), Fault::Busy)
        );
    }

    #[test]
    fn rates_are_honoured_roughly_and_only_for_the_named_operations() {
        let switches = FaultSwitches::new(
            FaultSettings {
                drop_rate: 0.25,
                operations: vec!["GetRange".to_owned()],
                ..FaultSettings::default()
            },
            7,
        );
        let drops = (0..4000)
            .filter(|_| switches.decide("GetRange").1 == Fault::Drop)
            .count();
        assert!((800..1200).contains(&drops), "{drops} drops of 4000");
        assert_eq!(switches.decide("ListTable").1, Fault::None);
    }

    #[test]
    fn settings_parse_from_camel_case_json_and_refuse_unknown_fields() {
        let parsed: FaultSettings =
            serde_json::from_str(r#"{"busyRate":0.5,"expireTokens":true}"#).expect("parses");
        assert!((parsed.busy_rate - 0.5).abs() < f64::EPSILON);
        assert!(parsed.expire_tokens);
        assert!(serde_json::from_str::<FaultSettings>(r#"{"busy":1}"#).is_err());
    }
}
