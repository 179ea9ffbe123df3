import { render, screen, waitFor, within } from "../test/render";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { DraftSummary } from "../bindings/DraftSummary";
import type { TaskDraft } from "../bindings/TaskDraft";
import { initI18n } from "../i18n";
import type { CommandHandlers } from "../ipc/testing";
import { clearCommandMocks, mockCommands } from "../ipc/testing";
import { appInfoFixture } from "../test/appInfoFixture";
import { draftFixture, issue, PARQUET_PREVIEW, reviewFixture, roleFixture, taskNameIssues } from "../test/deliveryFixture";
import { profileFixture } from "../test/profileFixture";
import { App } from "./App";

beforeEach(async () => {
  await initI18n("en");
  localStorage.clear();
  localStorage.setItem("tsds.lastProfile", "sandbox");
});
afterEach(() => {
  clearCommandMocks();
});

const SANDBOX = profileFixture({ name: "sandbox", kind: "sandbox", instanceName: "sandbox-demo" });

interface Backend {
  created: TaskDraft[];
  drafts: Map<string, { draft: TaskDraft; summary: DraftSummary }>;
  checked: TaskDraft[];
}

/** The sandbox as the wizard sees it; check_draft applies a few of Rust's rules. */
function backend(extra: CommandHandlers = {}): Backend {
  const state: Backend = { created: [], drafts: new Map(), checked: [] };
  mockCommands({
    app_info: () => appInfoFixture({ sandbox: { running: true, endpoints: null } }),
    list_profiles: () => [SANDBOX],
    list_instances: () => [],
    list_tables: () => ["orders", "users"],
    list_buckets: () => [
      { name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true },
      { name: "sandbox-beijing", region: "cn-beijing", sameRegion: false },
    ],
    table_columns: ({ table }) => [{ name: `${table}_id`, origin: "primaryKey", typesSeen: ["STRING"] }],
    type_rules: () => [{ source: "STRING", target: "UTF8", verdict: { status: "supported" }, isDefault: true }],
    delivery_role: () => roleFixture(true),
    check_draft: ({ draft }) => {
      state.checked.push(draft);
      const issues = taskNameIssues(draft.taskName);
      if (draft.ossBucket === "") issues.push(issue("ossBucket", "bucket_missing", "Choose a bucket."));
      if (draft.schema.length === 0) issues.push(issue("schema", "schema_empty", "Map at least one column."));
      return reviewFixture(draft, issues);
    },
    preview_parquet: () => PARQUET_PREVIEW,
    export_task: ({ format }) => ({ format, fileName: "task.json", text: "{}" }),
    list_drafts: () => [...state.drafts.values()].map((d) => d.summary),
    save_draft: ({ name, draft }) => {
      const summary = { name, tableName: draft.tableName, taskName: draft.taskName, columnCount: draft.schema.length, savedAt: "2026-11-24T14:30:00Z", problem: null };
      state.drafts.set(name, { draft, summary });
      return summary;
    },
    open_draft: ({ name }) => {
      const found = state.drafts.get(name);
      if (!found) throw new Error("no such draft");
      return found.draft;
    },
    delete_draft: ({ name }) => {
      state.drafts.delete(name);
      return null;
    },
    ...extra,
  });
  return state;
}

const steps = () => screen.getByRole("navigation", { name: "Steps" });
const step = (name: RegExp) => within(steps()).getByRole("button", { name });

async function pickOrders() {
  await userEvent.click(await screen.findByRole("option", { name: "orders" }));
  await userEvent.click(await screen.findByRole("option", { name: /sandbox-delivery/ }));
}

describe("the wizard in the app", () => {
  it("reaches every step once a table is chosen and counts blocking problems per step", async () => {
    backend();
    render(<App />);
    await screen.findByRole("option", { name: "orders" });
    expect(step(/Settings/)).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(screen.getByRole("option", { name: "orders" }));
    expect(step(/Settings/)).not.toHaveAttribute("aria-disabled");
    // No bucket, no name, no columns yet: two errors to fix in Settings, one in the Mapper.
    await waitFor(() => {
      expect(screen.getByTestId("step-badge-settings")).toHaveTextContent("2");
    });
    expect(screen.getByTestId("step-badge-mapper")).toHaveTextContent("1");
    expect(step(/Settings/)).toHaveAccessibleName(/^Settings\s*\(2 blocking problems\)$/);
    await userEvent.click(screen.getByRole("option", { name: /sandbox-delivery/ }));
    await waitFor(() => {
      expect(screen.getByTestId("step-badge-settings")).toHaveTextContent("1");
    });
    await userEvent.click(step(/Settings/));
    await userEvent.type(screen.getByLabelText("Task name"), "orders-daily");
    await waitFor(() => {
      expect(screen.queryByTestId("step-badge-settings")).not.toBeInTheDocument();
    });
  });

  it("moves the focus to the new step's title after Next by keyboard, so a second Enter does not skip a step", async () => {
    backend();
    render(<App />);
    await pickOrders();
    await userEvent.click(step(/Mapper/));
    await userEvent.click(await screen.findByRole("button", { name: "Add all" }));
    screen.getByRole("button", { name: "Next: Settings" }).focus();
    await userEvent.keyboard("{Enter}");
    const settingsTitle = await screen.findByRole("heading", { level: 1, name: "Delivery settings for orders" });
    expect(settingsTitle).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1, name: "Delivery settings for orders" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 1, name: "Review the task for orders" })).not.toBeInTheDocument();
  });

  it("moves the focus from the step list to the title of the step it opens", async () => {
    backend();
    render(<App />);
    await pickOrders();
    await userEvent.click(step(/Review/));
    expect(await screen.findByRole("heading", { level: 1, name: "Review the task for orders" })).toHaveFocus();
    await userEvent.click(step(/Settings/));
    expect(await screen.findByRole("heading", { level: 1, name: "Delivery settings for orders" })).toHaveFocus();
    // The tasks screen too.
    await userEvent.click(screen.getByRole("button", { name: "Tasks" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Delivery tasks" })).toHaveFocus();
  });

  it("shows the declared columns on the schema step before any sampling", async () => {
    backend();
    render(<App />);
    await userEvent.click(await screen.findByRole("option", { name: "orders" }));
    await userEvent.click(step(/Schema/));
    expect(await screen.findByRole("row", { name: /orders_id/ })).toHaveTextContent("Primary key");
  });

  it("keeps the draft through navigation and blocks Create until the mapper has filled the schema", async () => {
    const state = backend({
      create_delivery_task: ({ draft }) => {
        state.created.push(draft);
        return { tableName: draft.tableName, taskName: draft.taskName, taskType: draft.taskType };
      },
    });
    render(<App />);
    await pickOrders();
    await userEvent.click(step(/Settings/));
    await userEvent.type(screen.getByLabelText("Task name"), "orders-daily");
    await userEvent.type(screen.getByLabelText("OSS prefix (folder inside the bucket)"), "orders/");
    await userEvent.click(screen.getByRole("button", { name: "Insert $yyyy (year)" }));
    // Columns come from the mapper; here a reopened draft stands in for it.
    await userEvent.click(step(/Review/));
    expect(await screen.findByText("Map at least one column.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create delivery task" })).toBeDisabled();
    expect(state.created).toEqual([]);

    await userEvent.click(step(/Schema/));
    await userEvent.click(step(/Settings/));
    expect(screen.getByLabelText("Task name")).toHaveValue("orders-daily");
    expect(screen.getByLabelText("OSS prefix (folder inside the bucket)")).toHaveValue("orders/$yyyy");
    expect(state.checked.at(-1)?.ossBucket).toBe("sandbox-delivery");
    expect(state.checked.at(-1)?.ossEndpoint).toBe("oss-cn-hangzhou.aliyuncs.com");
    expect(state.checked.at(-1)?.taskType).toBe("BASE_INC");

    // The mapper fills the schema; then nothing blocks Create any more.
    await userEvent.click(step(/Mapper/));
    await userEvent.click(await screen.findByRole("button", { name: "Add all" }));
    await userEvent.click(step(/Review/));
    const create = screen.getByRole("button", { name: "Create delivery task" });
    await waitFor(() => {
      expect(create).toBeEnabled();
    });
    expect(state.checked.at(-1)?.schema).toEqual([{ sourceColumn: "orders_id", outputName: "orders_id", parquetType: "UTF8" }]);
  });

  it("creates from a reopened draft: a failure keeps everything, success opens the task with its files", async () => {
    let fail = true;
    const state = backend({
      create_delivery_task: ({ draft }) => {
        state.created.push(draft);
        if (fail) {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the plain IpcError object
          throw { code: "permission_denied", message: "ots:CreateDeliveryTask was denied.", remedy: "Grant ots:CreateDeliveryTask.", serviceCode: "OTSAuthFailed", requestId: "req-42" };
        }
        return { tableName: draft.tableName, taskName: draft.taskName, taskType: draft.taskType };
      },
      list_delivery_tasks: ({ table }) => (table === "orders" ? [{ tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" }] : []),
      describe_delivery_task: () => ({
        taskType: "BASE_INC",
        phase: "FULL",
        checkpointNs: "1795962600000000000",
        errorCode: null,
        errorDetail: null,
        bucket: "sandbox-delivery",
        prefix: "orders/$yyyy",
        columnCount: 2,
      }),
      list_delivered_files: () => ({
        bucket: "sandbox-delivery",
        listedPrefix: "orders/",
        objects: [{ key: "orders/2026/orders-daily_0_orders_2026__1", size: 2048, lastModified: "2026-11-24T14:31:00Z" }],
        truncated: false,
      }),
    });
    const ready = draftFixture();
    state.drafts.set("orders-v1", {
      draft: ready,
      summary: { name: "orders-v1", tableName: "orders", taskName: "orders-daily", columnCount: 2, savedAt: "2026-11-24T14:00:00Z", problem: null },
    });
    render(<App />);
    await userEvent.click(await screen.findByRole("option", { name: "users" }));
    await userEvent.click(step(/Drafts/));
    await userEvent.click(await screen.findByRole("button", { name: "Open orders-v1" }));
    expect(await screen.findByRole("heading", { name: "Map columns of orders" })).toBeInTheDocument();
    await userEvent.click(step(/Review/));
    const create = await screen.findByRole("button", { name: "Create delivery task" });
    await waitFor(() => {
      expect(create).toBeEnabled();
    });
    await userEvent.click(create);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-code", "permission_denied");
    expect(alert).toHaveTextContent("req-42");
    expect(state.created).toEqual([ready]);
    // The draft is untouched: Settings still holds every value.
    await userEvent.click(step(/Settings/));
    expect(screen.getByLabelText("Task name")).toHaveValue("orders-daily");
    expect(screen.getByLabelText("OSS prefix (folder inside the bucket)")).toHaveValue("orders/$yyyy/$MM/$dd");
    fail = false;
    await userEvent.click(step(/Review/));
    await userEvent.click(await screen.findByRole("button", { name: "Create delivery task" }));
    expect(await screen.findByRole("heading", { name: "Delivery tasks" })).toBeInTheDocument();
    expect(state.created).toHaveLength(2);
    const details = await screen.findByRole("button", { name: "Details and files of orders-daily" });
    expect(details).toHaveAttribute("aria-expanded", "true");
    const files = await screen.findByRole("region", { name: "Delivered files of orders-daily" });
    const row = await within(files).findByRole("row", { name: /orders-daily_0_orders_2026__1/ });
    expect(row).toHaveTextContent("2 kB");
    expect(row).toHaveTextContent("UTC");
  });

  it("saves a draft under a name, asks before overwriting, lists, reopens and deletes it", async () => {
    const state = backend();
    render(<App />);
    await pickOrders();
    await userEvent.click(step(/Settings/));
    await userEvent.type(screen.getByLabelText("Task name"), "orders-daily");
    await userEvent.click(step(/Review/));
    await userEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    let dialog = screen.getByRole("dialog", { name: "Save draft" });
    expect(within(dialog).getByLabelText("Draft name")).toHaveValue("orders-daily");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Draft orders-daily saved.")).toBeInTheDocument();
    expect(state.drafts.get("orders-daily")?.draft.taskName).toBe("orders-daily");

    // Saving again under the same name asks first.
    await userEvent.click(step(/Settings/));
    await userEvent.type(screen.getByLabelText("OSS prefix (folder inside the bucket)"), "v2");
    await userEvent.click(step(/Review/));
    await userEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    dialog = screen.getByRole("dialog", { name: "Save draft" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("A draft named orders-daily exists. Overwrite it?")).toBeInTheDocument();
    expect(state.drafts.get("orders-daily")?.draft.ossPrefix).toBe("");
    await userEvent.click(within(dialog).getByRole("button", { name: "Overwrite" }));
    await waitFor(() => {
      expect(state.drafts.get("orders-daily")?.draft.ossPrefix).toBe("v2");
    });

    await userEvent.click(step(/Drafts/));
    const row = await screen.findByRole("row", { name: /orders-daily/ });
    expect(row).toHaveTextContent("orders");
    expect(row).toHaveTextContent("0");
    await userEvent.click(within(row).getByRole("button", { name: "Open orders-daily" }));
    await screen.findByRole("heading", { name: "Map columns of orders" });
    await userEvent.click(step(/Settings/));
    expect(screen.getByLabelText("OSS prefix (folder inside the bucket)")).toHaveValue("v2");

    await userEvent.click(step(/Drafts/));
    await userEvent.click(await screen.findByRole("button", { name: "Delete orders-daily" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete draft" }));
    expect(await screen.findByText("No saved drafts.")).toBeInTheDocument();
    expect(state.drafts.size).toBe(0);
  });

  it("turns a task's drift report into a new draft on the mapper, with the new columns", async () => {
    const suggested = draftFixture({
      taskName: "",
      schema: [
        { sourceColumn: "order_id", outputName: "order_id", parquetType: "UTF8" },
        { sourceColumn: "coupon_code", outputName: "coupon_code", parquetType: "UTF8" },
      ],
    });
    const state = backend({
      list_instance_tasks: () => ({
        tasks: [{ tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" }],
        tablesAsked: 2,
        failedTables: [],
      }),
      describe_delivery_task: () => ({
        taskType: "BASE_INC",
        phase: "INCR",
        checkpointNs: "1795962600000000000",
        errorCode: "INVALID_OSS_BUCKET",
        errorDetail: null,
        bucket: "sandbox-beijing",
        prefix: "orders",
        columnCount: 1,
      }),
      list_delivered_files: () => ({ bucket: "sandbox-beijing", listedPrefix: "orders/", objects: [], truncated: false }),
      drift_watch: () => ({
        tableName: "orders",
        taskName: "orders-daily",
        sampledRows: 100,
        deliveredColumns: ["order_id"],
        undelivered: [{ name: "coupon_code", origin: "sampled", types: [{ tablestoreType: "STRING", rows: 40 }], presentRows: 40, presencePercent: 40 }],
        sample: {
          report: {
            rowsSeen: 100,
            columns: [
              { name: "order_id", origin: "primaryKey", types: [{ tablestoreType: "INTEGER", rows: 100 }], presentRows: 100, presencePercent: 100 },
              { name: "coupon_code", origin: "sampled", types: [{ tablestoreType: "STRING", rows: 40 }], presentRows: 40, presencePercent: 40 },
            ],
          },
          reachedEnd: true,
        },
        suggestedDraft: suggested,
      }),
    });
    render(<App />);
    await screen.findByRole("option", { name: "orders" });
    await userEvent.click(step(/Tasks/));
    // No table chosen yet: the tasks of every table.
    expect(await screen.findByRole("option", { name: "All tables" })).toHaveAttribute("aria-selected", "true");
    const row = await screen.findByRole("row", { name: /orders-daily/ });
    expect(row).toHaveTextContent("in the instance's region (cn-hangzhou)");
    await userEvent.click(within(row).getByRole("button", { name: "Details and files of orders-daily" }));
    await userEvent.click(await screen.findByRole("button", { name: "Check for new columns" }));
    await userEvent.click(await screen.findByRole("button", { name: "Create a new task including them" }));

    expect(await screen.findByRole("heading", { name: "Map columns of orders" })).toBeInTheDocument();
    const schema = screen.getByRole("list", { name: "Parquet schema, in output order" });
    expect(within(schema).getByRole("textbox", { name: "Output name for order_id" })).toHaveValue("order_id");
    expect(within(schema).getByRole("textbox", { name: "Output name for coupon_code" })).toHaveValue("coupon_code");
    // The drift check's own sample feeds the mapper: the new column is a known source column.
    expect(screen.getByText("in 40 % of rows")).toBeInTheDocument();
    expect(screen.queryByText(/not among the table's source columns/)).not.toBeInTheDocument();
    expect(step(/Mapper/)).toHaveAttribute("aria-current", "step");
    await waitFor(() => {
      expect(state.checked.at(-1)?.schema).toEqual(suggested.schema);
    });
  });

  it("sends a task with an unusable bucket to Source & destination with its table chosen", async () => {
    backend({
      list_instance_tasks: () => ({ tasks: [{ tableName: "users", taskName: "users-full", taskType: "BASE" }], tablesAsked: 2, failedTables: [] }),
      describe_delivery_task: () => ({
        taskType: "BASE",
        phase: "FULL",
        checkpointNs: null,
        errorCode: "INVALID_OSS_BUCKET",
        errorDetail: "bucket in cn-beijing",
        bucket: "sandbox-beijing",
        prefix: "users",
        columnCount: 1,
      }),
    });
    render(<App />);
    await screen.findByRole("option", { name: "orders" });
    await userEvent.click(step(/Tasks/));
    await userEvent.click(await screen.findByRole("button", { name: "Choose a bucket for users" }));
    expect(step(/Source & destination/)).toHaveAttribute("aria-current", "step");
    expect(await screen.findByRole("option", { name: "users" })).toHaveAttribute("aria-selected", "true");
  });
});
