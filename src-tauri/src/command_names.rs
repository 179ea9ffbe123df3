// The one list of the app's own IPC commands. `build.rs` includes this file to generate an
// `allow-<command>` permission for each; a test checks the invoke handler serves exactly these.
pub const COMMAND_NAMES: &[&str] = &[
    "app_info",
    "set_locale",
    "list_profiles",
    "create_profile",
    "update_profile",
    "import_preview",
    "import_profile",
    "known_regions",
    "delete_profile",
    "start_sandbox",
    "test_connection",
    "list_tables",
    "list_buckets",
    "list_instances",
    "list_delivery_tasks",
    "describe_delivery_task",
    "delete_delivery_task",
    "sample_schema",
    "cancel_sampling",
];
