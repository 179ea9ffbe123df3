//! Task type and output format enums, serialised with their proto names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `DeliveryTaskType`. Always sent explicitly: the documented default is `BaseInc`, but the Go
/// SDK's zero value is `Base`, so leaving it out means different things to different clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum TaskType {
    /// Full export once.
    #[serde(rename = "BASE")]
    Base,
    /// Incremental changes only.
    #[serde(rename = "INC")]
    Inc,
    /// Full export, then incremental changes (the documented default).
    #[default]
    #[serde(rename = "BASE_INC")]
    BaseInc,
}

impl TaskType {
    pub fn proto_value(self) -> i32 {
        match self {
            TaskType::Base => 0,
            TaskType::Inc => 1,
            TaskType::BaseInc => 2,
        }
    }

    pub fn go_constant(self) -> &'static str {
        match self {
            TaskType::Base => "BaseTask",
            TaskType::Inc => "IncTask",
            TaskType::BaseInc => "BaseIncTask",
        }
    }

    pub fn java_constant(self) -> &'static str {
        match self {
            TaskType::Base => "BASE",
            TaskType::Inc => "INC",
            TaskType::BaseInc => "BASE_INC",
        }
    }
}

/// `Format`: Parquet is the only value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum OutputFormat {
    #[default]
    Parquet,
}

impl OutputFormat {
    pub fn proto_value(self) -> i32 {
        0
    }
}

/// `Encoding`. Only PLAIN is sent: the docs say it works for every type, and whether the
/// service honours the others is unconfirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum ColumnEncoding {
    #[default]
    #[serde(rename = "PLAIN")]
    Plain,
}

impl ColumnEncoding {
    pub fn proto_value(self) -> i32 {
        0
    }
}
