//! The task as a Go program using the official Go SDK
//! (`github.com/aliyun/aliyun-tablestore-go-sdk/tablestore`): `NewClient`,
//! `CreateDeliveryTaskRequest`, `OSSTaskConfig`, `EventColumn`, `TaskSchema`,
//! `client.CreateDeliveryTask`.
//!
//! The output is laid out as gofmt would: tabs, and values of consecutive one-line keyed
//! fields aligned, each run broken by a multi-line field. Credentials come from the
//! environment; the export never contains a secret.

use crate::code_literal::go_string;
use crate::request::CreateDeliveryTaskRequest;

/// A keyed field of a composite literal: one line, or a block of already-indented lines.
enum GoField {
    Line(&'static str, String),
    Block(&'static str, String, Vec<String>),
}

/// Writes keyed fields at `indent` tabs, aligning runs of one-line fields like gofmt.
fn write_fields(out: &mut Vec<String>, indent: usize, fields: &[GoField]) {
    let tabs = "\t".repeat(indent);
    let mut index = 0;
    while index < fields.len() {
        match &fields[index] {
            GoField::Block(key, opening, body) => {
                out.push(format!("{tabs}{key}: {opening}"));
                out.extend(body.iter().cloned());
                out.push(format!("{tabs}}},"));
                index += 1;
            }
            GoField::Line(..) => {
                let run_end = fields[index..]
                    .iter()
                    .position(|f| matches!(f, GoField::Block(..)))
                    .map_or(fields.len(), |offset| index + offset);
                let width = fields[index..run_end]
                    .iter()
                    .map(|f| match f {
                        GoField::Line(key, _) | GoField::Block(key, ..) => key.len(),
                    })
                    .max()
                    .unwrap_or(0);
                for field in &fields[index..run_end] {
                    if let GoField::Line(key, value) = field {
                        let pad = " ".repeat(width - key.len());
                        out.push(format!("{tabs}{key}: {pad}{value},"));
                    }
                }
                index = run_end;
            }
        }
    }
}

/// The Go program.
pub fn export_go(request: &CreateDeliveryTaskRequest) -> String {
    let config = &request.task_config;
    let mut schema_lines = Vec::new();
    for field in &config.schema {
        // Types 10–15 have no Go constant; validation never lets them through, but the
        // number still says what would be sent.
        let type_expr = field.data_type.go_constant().map_or_else(
            || format!("tablestore.ParquetDataType({})", field.data_type.proto_value()),
            |name| format!("tablestore.{name}"),
        );
        schema_lines.push(format!(
            "\t\t\t\t{{ColumnName: {}, OssColumnName: {}, Type: {type_expr}, Encode: tablestore.EncodingPlain}},",
            go_string(&field.column_name),
            go_string(field.oss_column_name.as_str()),
        ));
    }
    let mut config_fields = vec![
        GoField::Line("OssPrefix", go_string(config.oss_prefix.as_str())),
        GoField::Line("OssBucket", go_string(config.oss_bucket.as_str())),
        GoField::Line("OssEndpoint", go_string(config.oss_endpoint.as_str())),
        GoField::Line("OssRoleName", go_string(config.oss_sts_role.as_str())),
    ];
    if let Some(event) = &config.event_time_column {
        let mut body = Vec::new();
        write_fields(
            &mut body,
            4,
            &[
                GoField::Line("ColumnName", go_string(&event.column_name)),
                GoField::Line(
                    "TimeFormat",
                    format!("tablestore.{}", event.time_format.go_constant()),
                ),
            ],
        );
        config_fields.push(GoField::Block(
            "EventTimeColumn",
            "&tablestore.EventColumn{".into(),
            body,
        ));
    }
    config_fields.push(GoField::Line("Format", "tablestore.ParquetFormat".into()));
    config_fields.push(GoField::Block(
        "Schema",
        "[]*tablestore.TaskSchema{".into(),
        schema_lines,
    ));
    let mut config_lines = Vec::new();
    write_fields(&mut config_lines, 3, &config_fields);

    let mut request_lines = Vec::new();
    write_fields(
        &mut request_lines,
        2,
        &[
            GoField::Line("TableName", go_string(request.table_name.as_str())),
            GoField::Line("TaskName", go_string(request.task_name.as_str())),
            GoField::Line(
                "TaskType",
                format!("tablestore.{}", request.task_type.go_constant()),
            ),
            GoField::Block(
                "TaskConfig",
                "&tablestore.OSSTaskConfig{".into(),
                config_lines,
            ),
        ],
    );

    let mut lines = vec![
        format!(
            "// Creates the Tablestore delivery task {} on table {}.",
            request.task_name, request.table_name
        ),
        "// Generated by Tablestore Delivery Studio. Reads the instance endpoint, instance name and".into(),
        "// AccessKey pair from the environment.".into(),
        "package main".into(),
        String::new(),
        "import (".into(),
        "\t\"fmt\"".into(),
        "\t\"os\"".into(),
        String::new(),
        "\t\"github.com/aliyun/aliyun-tablestore-go-sdk/tablestore\"".into(),
        ")".into(),
        String::new(),
        "func main() {".into(),
        "\tclient := tablestore.NewClient(".into(),
        "\t\tos.Getenv(\"TABLESTORE_ENDPOINT\"),".into(),
        "\t\tos.Getenv(\"TABLESTORE_INSTANCE\"),".into(),
        "\t\tos.Getenv(\"ALIBABA_CLOUD_ACCESS_KEY_ID\"),".into(),
        "\t\tos.Getenv(\"ALIBABA_CLOUD_ACCESS_KEY_SECRET\"),".into(),
        "\t)".into(),
        String::new(),
        "\t// TaskType is always set: its zero value, BaseTask, would export the table only once.".into(),
        "\trequest := &tablestore.CreateDeliveryTaskRequest{".into(),
    ];
    lines.extend(request_lines);
    lines.extend([
        "\t}".to_owned(),
        String::new(),
        "\tif _, err := client.CreateDeliveryTask(request); err != nil {".into(),
        "\t\tfmt.Fprintln(os.Stderr, \"create delivery task:\", err)".into(),
        "\t\tos.Exit(1)".into(),
        "\t}".into(),
        format!(
            "\tfmt.Println({})",
            go_string(&format!("created delivery task {}", request.task_name))
        ),
        "}".into(),
    ]);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}
