// The task wizard in Debian's Chromium against the built UI (ui/dist), with a stateful fake of
// the Rust commands: sandbox → pick → schema → mapper → settings → review → create, with a
// screenshot per step; and the error path, where a bucket in another region and a bad task name
// are shown by their fields and Create stays disabled without any create call.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { ARTIFACTS, openBuiltUi } from "./chromium.mjs";

let ui;
let browser;

before(async () => {
  ui = await openBuiltUi();
  browser = ui.browser;
});

after(async () => {
  await ui?.close();
});

/**
 * The fake backend, run inside the page before the app loads. check_draft applies the few rules
 * the tests need the way Rust states them (task name, bucket region, empty schema) and answers
 * with the request and an example object key, like the real command.
 */
function installFakeBackend() {
  const INFO = {
    version: "0.1.0",
    dataDir: "/home/analyst/.local/share/com.tablestore-delivery-studio",
    sandbox: { running: false, endpoints: null },
    locale: null,
  };
  const SANDBOX = {
    name: "sandbox",
    kind: "sandbox",
    accessKeyId: "LTAI5tSandboxDemoKey0001",
    accessKeyIdMasked: "LTAI****0001",
    region: "cn-hangzhou",
    instanceName: "sandbox-demo",
    endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false,
    status: "ready",
  };
  const BUCKETS = [
    { name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true },
    { name: "sandbox-beijing", region: "cn-beijing", sameRegion: false },
  ];
  const ROLE = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";
  let started = false;
  const tasks = [];
  const issue = (field, code, message, severity = "error", remedy = null) => ({ field, severity, code, message, remedy });

  function review(draft) {
    const issues = [];
    if (!/^[a-z0-9][a-z0-9-]{1,14}[a-z0-9]$/.test(draft.taskName)) {
      issues.push(issue("taskName", "invalid_task_name", `Task names are 3–16 lowercase letters, digits and hyphens: '${draft.taskName}' is not.`, "error", "Use e.g. orders-daily."));
    }
    const bucket = BUCKETS.find((b) => b.name === draft.ossBucket);
    if (!bucket) issues.push(issue("ossBucket", "bucket_not_found", `No bucket named '${draft.ossBucket}'.`));
    else if (!bucket.sameRegion) {
      issues.push(issue("ossBucket", "bucket_wrong_region", `Bucket ${bucket.name} is in ${bucket.region}; the instance is in cn-hangzhou.`, "error", "Choose a bucket in cn-hangzhou."));
    }
    if (draft.schema.length === 0) issues.push(issue("schema", "schema_empty", "Map at least one column."));
    if (draft.ossPrefix.includes("$mm")) issues.push(issue("ossPrefix", "minute_partitions", "Minute-level folders make many small files; partition by hour or day.", "warning"));
    const blocked = issues.some((i) => i.severity === "error");
    const expanded = draft.ossPrefix.replace("$yyyy", "2026").replace("$MM", "11").replace("$dd", "24").replace("$HH", "14").replace("$mm", "30");
    const key = `${expanded}/${draft.taskName}_0_${expanded.replaceAll("/", "_")}__1`;
    return {
      issues,
      request: null,
      requestJson: blocked
        ? null
        : JSON.stringify({
            tableName: draft.tableName,
            taskName: draft.taskName,
            taskConfig: {
              ossPrefix: draft.ossPrefix,
              ossBucket: draft.ossBucket,
              ossEndpoint: draft.ossEndpoint,
              ossStsRole: draft.roleArn,
              format: "Parquet",
              schema: draft.schema.map((e) => ({ columnName: e.sourceColumn, ossColumnName: e.outputName, type: e.parquetType, encode: "PLAIN" })),
            },
            taskType: draft.taskType,
          }),
      dirtyCounts: [],
      prefixPreview: bucket && draft.taskName
        ? {
            keys: [{ firstInstant: "1795962600000", instantCount: 1, expandedPrefix: expanded, objectKey: key, ossUrl: `oss://${draft.ossBucket}/${key}`, partitions: [] }],
            partitionColumns: [],
            issues: [],
          }
        : null,
      eventTimeCheck: null,
      instanceRegion: "cn-hangzhou",
      bucketRegion: bucket ? bucket.region : null,
      sampledRows: 3,
    };
  }

  const answers = {
    app_info: () => ({ ...INFO, sandbox: { running: started, endpoints: null } }),
    list_profiles: () => (started ? [SANDBOX] : []),
    start_sandbox: () => {
      started = true;
      return { tablestore: "http://127.0.0.1:4100", oss: "http://127.0.0.1:4101", sts: "http://127.0.0.1:4102" };
    },
    list_instances: () => [],
    test_connection: () => ({ accountId: "1234567890123456", callerArn: null, checks: [] }),
    list_tables: () => ["orders", "users"],
    list_buckets: () => BUCKETS,
    table_columns: () => [{ name: "order_id", origin: "primaryKey", typesSeen: ["STRING"] }],
    sample_schema: () => ({
      reachedEnd: true,
      report: {
        rowsSeen: 3,
        columns: [
          { name: "order_id", origin: "primaryKey", types: [{ tablestoreType: "STRING", rows: 3 }], presentRows: 3, presencePercent: 100 },
          { name: "amount", origin: "sampled", types: [{ tablestoreType: "DOUBLE", rows: 3 }], presentRows: 3, presencePercent: 100 },
          { name: "quantity", origin: "sampled", types: [{ tablestoreType: "INTEGER", rows: 2 }], presentRows: 2, presencePercent: 66.7 },
        ],
      },
    }),
    cancel_sampling: () => false,
    type_rules: () => [
      { source: "STRING", target: "UTF8", verdict: { status: "supported" }, isDefault: true },
      { source: "DOUBLE", target: "DOUBLE", verdict: { status: "supported" }, isDefault: true },
      { source: "INTEGER", target: "INT64", verdict: { status: "supported" }, isDefault: true },
    ],
    delivery_role: () => ({ accountId: "1234567890123456", roleArn: ROLE, exists: true, problem: null, docUrl: "https://help.aliyun.com/" }),
    check_draft: ({ draft }) => review(draft),
    preview_parquet: ({ draft }) => ({
      columns: draft.schema.map((e) => ({
        name: e.outputName,
        parquetType: e.parquetType,
        fileType: e.parquetType === "UTF8" ? "BYTE_ARRAY (String)" : e.parquetType,
        dirtyValues: 0,
      })),
      rows: [0, 1, 2].map((i) => draft.schema.map((e) => (e.parquetType === "UTF8" ? `o-000${i + 1}` : String((i + 1) * 12.5)))),
      totalRows: 3,
      fileBytes: 1834,
    }),
    export_task: ({ format }) => ({ format, fileName: `task.${format}`, text: format === "json" ? '{"taskName":"orders-daily"}' : `// ${format}` }),
    list_drafts: () => [],
    create_delivery_task: ({ draft }) => {
      tasks.push(draft);
      return { tableName: draft.tableName, taskName: draft.taskName, taskType: draft.taskType };
    },
    list_delivery_tasks: ({ table }) => tasks.filter((t) => t.tableName === table).map((t) => ({ tableName: t.tableName, taskName: t.taskName, taskType: t.taskType })),
    describe_delivery_task: ({ task }) => {
      const found = tasks.find((t) => t.taskName === task);
      return {
        taskType: found.taskType, phase: "INIT", checkpointNs: null, errorCode: null, errorDetail: null,
        bucket: found.ossBucket, prefix: found.ossPrefix, columnCount: found.schema.length,
      };
    },
    list_delivered_files: () => ({ bucket: "sandbox-delivery", listedPrefix: "orders/", objects: [], truncated: false }),
  };
  window.__IPC_CALLS__ = [];
  window.__TAURI_INTERNALS__ = {
    transformCallback: () => 0,
    invoke: async (cmd, args) => {
      window.__IPC_CALLS__.push({ cmd, args });
      const answer = answers[cmd];
      if (!answer) throw `command ${cmd} not found`;
      return answer(args);
    },
  };
}

async function openApp(colorScheme = "light", locale = "en-US") {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript(installFakeBackend);
  await page.goto(ui.url);
  return { context, page, errors };
}

const calls = (page, cmd) => page.evaluate((name) => window.__IPC_CALLS__.filter((c) => c.cmd === name).map((c) => c.args), cmd);
const stepButton = (page, name) => page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name });

async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // A frame after the last change, so the picture shows it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(ARTIFACTS, `browser-wizard-${name}.png`), fullPage: true });
}

async function sandboxWithOrders(page) {
  await page.getByRole("button", { name: "Try the sandbox" }).click();
  await page.getByRole("option", { name: "orders" }).click();
  await page.getByRole("option", { name: /sandbox-delivery/ }).click();
}

test("sandbox → pick → schema → mapper → settings → review → create opens the new task", async () => {
  const { context, page, errors } = await openApp();
  await sandboxWithOrders(page);
  await page.locator("#selection").getByText("Source table: orders → destination bucket: sandbox-delivery").waitFor();
  await shot(page, "1-pick");

  await stepButton(page, /Schema/).click();
  await page.locator("#declared-columns").getByRole("row", { name: /order_id/ }).waitFor();
  await page.locator("#sample-rows").click();
  await page.getByText("Read all 3 rows: 3 columns.").waitFor();
  await shot(page, "2-schema");

  await page.locator("#wizard-next").click();
  await page.getByRole("heading", { name: "Map columns of orders" }).waitFor();
  await page.getByRole("button", { name: "Add all" }).click();
  // The mapper's own badge goes once Rust has checked the filled schema.
  await page.getByTestId("step-badge-mapper").waitFor({ state: "detached" });
  await shot(page, "3-mapper");

  await stepButton(page, /Settings/).click();
  await page.getByLabel("Task name").fill("orders-daily");
  const prefix = page.getByLabel("OSS prefix (folder inside the bucket)");
  await prefix.fill("orders/");
  await page.getByRole("button", { name: "Insert $yyyy (year)" }).click();
  await prefix.press("End");
  await prefix.type("/");
  await page.getByRole("button", { name: "Insert $MM (month)" }).click();
  assert.equal(await prefix.inputValue(), "orders/$yyyy/$MM");
  await page.getByText("oss://sandbox-delivery/orders/2026/11/orders-daily_0_orders_2026_11__1").waitFor();
  assert.equal(await page.getByLabel("Delivery role (ARN)").inputValue(), "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery");
  await shot(page, "4-settings");

  await stepButton(page, /Review/).click();
  const request = page.locator("#request-json");
  await request.waitFor();
  const sent = JSON.parse(await request.textContent());
  assert.equal(sent.taskName, "orders-daily");
  assert.equal(sent.taskType, "BASE_INC");
  assert.deepEqual(sent.taskConfig.schema.map((c) => c.columnName), ["order_id", "amount", "quantity"]);
  const preview = page.locator("table.parquet-preview");
  await preview.waitFor();
  assert.equal(await preview.locator("thead th").count(), 3);
  assert.equal(await preview.locator("tbody tr").count(), 3);
  const create = page.locator("#create-task");
  assert.equal(await create.isEnabled(), true);
  await shot(page, "5-review");

  await create.click();
  await page.getByRole("heading", { name: "Delivery tasks" }).waitFor();
  const details = page.getByRole("button", { name: "Details and files of orders-daily" });
  await details.waitFor();
  assert.equal(await details.getAttribute("aria-expanded"), "true");
  await page.getByRole("region", { name: "Delivered files of orders-daily" }).getByText(/No files delivered yet/).waitFor();
  await shot(page, "6-task");
  assert.equal((await calls(page, "create_delivery_task")).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bucket in another region and a bad task name are shown by their fields; Create stays disabled (dark)", async () => {
  const { context, page, errors } = await openApp("dark");
  await sandboxWithOrders(page);
  await stepButton(page, /Mapper/).click();
  await page.getByRole("button", { name: "Add all" }).click();
  await stepButton(page, /Settings/).click();

  const bucket = page.getByLabel("OSS bucket");
  await bucket.fill("sandbox-beijing");
  const name = page.getByLabel("Task name");
  await name.fill("Orders_Daily");
  await page.getByText("Bucket sandbox-beijing is in cn-beijing; the instance is in cn-hangzhou.").waitFor();
  await page.getByText("Task names are 3–16 lowercase letters, digits and hyphens: 'Orders_Daily' is not.").waitFor();
  assert.equal(await bucket.getAttribute("aria-invalid"), "true");
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  // Each message sits in the field's own block and describes its input.
  for (const [input, text] of [[bucket, "is in cn-beijing"], [name, "lowercase letters"]]) {
    const describedBy = (await input.getAttribute("aria-describedby")).split(" ");
    const descriptions = await Promise.all(describedBy.map((id) => page.evaluate((i) => document.getElementById(i)?.textContent ?? "", id)));
    assert.ok(descriptions.some((d) => d.includes(text)), descriptions.join(" | "));
  }
  assert.equal(await page.getByTestId("step-badge-settings").textContent(), "2");
  await shot(page, "error-settings-dark");

  await stepButton(page, /Review/).click();
  const create = page.locator("#create-task");
  await page.getByText("Fix the 2 errors listed above first.").waitFor();
  assert.equal(await create.isDisabled(), true);
  await create.click({ force: true });
  await shot(page, "error-review-dark");
  assert.deepEqual(await calls(page, "create_delivery_task"), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the settings step in Simplified Chinese", async () => {
  const { context, page, errors } = await openApp("light", "zh-CN");
  await page.getByRole("button", { name: "试用沙箱" }).click();
  await page.getByRole("option", { name: "orders" }).click();
  await page.getByRole("option", { name: /sandbox-delivery/ }).click();
  await page.getByRole("navigation", { name: "步骤" }).getByRole("button", { name: /设置/ }).click();
  await page.getByLabel("任务名称").fill("订单");
  await page.getByRole("button", { name: "插入 $dd（日）" }).waitFor();
  await page.getByRole("radio", { name: "全量后增量" }).waitFor();
  await page.locator('[data-issue-code="invalid_task_name"]', { hasText: "订单" }).waitFor();
  assert.equal(await page.getByLabel("任务名称").getAttribute("aria-invalid"), "true");
  await shot(page, "settings-zh");
  assert.deepEqual(errors, []);
  await context.close();
});
