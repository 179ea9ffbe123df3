//! The demo's delivery task, so the app's tasks screen has something to show at once. Its role
//! does not exist until the user creates it, so Describe shows the service's UNAUTHORIZED
//! problem first — exactly what the app's pre-flight exists to catch.

use std::sync::Arc;

use tablestore_wire::proto;

use crate::accounts::DEMO_ACCOUNT_ID;
use crate::state::SandboxState;

pub const DEMO_TASK_NAME: &str = "orders-daily";

pub fn create_demo_task(state: &Arc<SandboxState>) {
    let column = |name: &str, data_type: proto::parquet_schema::DataType| proto::ParquetSchema {
        column_name: Some(name.to_owned()),
        oss_column_name: Some(name.to_owned()),
        r#type: Some(data_type as i32),
        encode: Some(proto::Encoding::Plain as i32),
        type_extend: None,
    };
    let request = proto::CreateDeliveryTaskRequest {
        table_name: Some("orders".to_owned()),
        task_name: Some(DEMO_TASK_NAME.to_owned()),
        task_type: Some(proto::DeliveryTaskType::BaseInc as i32),
        task_config: Some(proto::OssTaskConfig {
            oss_prefix: Some("orders/$yyyy/$MM/$dd".to_owned()),
            formatter: None,
            oss_dirty_prefix: None,
            oss_bucket: Some("sandbox-delivery".to_owned()),
            oss_endpoint: Some(format!("oss-{}.aliyuncs.com", state.region)),
            oss_sts_role: Some(format!(
                "acs:ram::{DEMO_ACCOUNT_ID}:role/aliyunserviceroleforotsdatadelivery"
            )),
            event_time_column: None,
            format: Some(proto::Format::Parquet as i32),
            schema: vec![
                column("order_id", proto::parquet_schema::DataType::Int64),
                column("status", proto::parquet_schema::DataType::Utf8),
                column("amount", proto::parquet_schema::DataType::Double),
            ],
        }),
    };
    // The seed is valid by construction; a failure here is a bug in the seed itself.
    super::api::create(state, &request).expect("the demo task is valid");
}
