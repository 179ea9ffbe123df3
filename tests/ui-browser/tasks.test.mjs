// The tasks view across the whole instance in Debian's Chromium against the built UI (ui/dist),
// with a stubbed IPC: tasks of several tables with a Table column, a table that could not be
// listed, the role remedy and a drift report open; screenshots in both themes and an axe-core
// scan with colour contrast (real layout here).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { ARTIFACTS, openBuiltUi, seriousAxeViolations } from "./chromium.mjs";

let ui;
let browser;

before(async () => {
  ui = await openBuiltUi();
  browser = ui.browser;
});

after(async () => {
  await ui?.close();
});

/** The fake backend, run inside the page before the app loads: a sandbox with three tables' tasks. */
function installFakeBackend() {
  localStorage.setItem("tsds.lastProfile", "sandbox");
  const ROLE = "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery";
  const SANDBOX = {
    name: "sandbox", kind: "sandbox", accessKeyId: "LTAI5tSandboxDemoKey0001", accessKeyIdMasked: "LTAI****0001",
    region: "cn-hangzhou", instanceName: "sandbox-demo", endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false, status: "ready",
  };
  // Checkpoints a few minutes and a few hours behind now, so the lag column reads naturally.
  const ns = (minutesAgo) => `${BigInt(Date.now() - minutesAgo * 60_000) * 1_000_000n}`;
  const status = (over) => ({
    taskType: "BASE_INC", phase: "INCR", checkpointNs: ns(4), errorCode: null, errorDetail: null,
    bucket: "sandbox-delivery", prefix: "orders/$yyyy/$MM/$dd", columnCount: 4, ...over,
  });
  const STATUS = {
    "orders/orders-daily": status({}),
    "users/users-full": status({ taskType: "BASE", phase: "FULL", checkpointNs: ns(190), errorCode: "UNAUTHORIZED", errorDetail: "The role cannot be assumed.", prefix: "users" }),
    "events/events-inc": status({ taskType: "INC", checkpointNs: null, errorCode: "INVALID_OSS_BUCKET", errorDetail: "The bucket is in cn-beijing.", bucket: "sandbox-beijing", prefix: "events" }),
  };
  const answers = {
    app_info: () => ({ version: "0.1.0", dataDir: "/home/analyst/.local/share/tsds", sandbox: { running: true, endpoints: null }, locale: null }),
    list_profiles: () => [SANDBOX],
    list_instances: () => [],
    list_tables: () => ["audit", "events", "orders", "users"],
    list_buckets: () => [{ name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true }],
    table_columns: () => [{ name: "order_id", origin: "primaryKey", typesSeen: ["STRING"] }],
    type_rules: () => [{ source: "STRING", target: "UTF8", verdict: { status: "supported" }, isDefault: true }],
    check_draft: () => ({ issues: [], request: null, requestJson: null, dirtyCounts: [], prefixPreview: null }),
    delivery_role: () => ({ accountId: "1234567890123456", roleArn: ROLE, exists: false, problem: null, docUrl: "https://help.aliyun.com/document_detail/2511543.html" }),
    create_delivery_role: () => ({ accountId: "1234567890123456", roleArn: ROLE, exists: true, problem: null, docUrl: "https://help.aliyun.com/" }),
    list_instance_tasks: () => ({
      tasks: [
        { tableName: "events", taskName: "events-inc", taskType: "INC" },
        { tableName: "orders", taskName: "orders-daily", taskType: "BASE_INC" },
        { tableName: "users", taskName: "users-full", taskType: "BASE" },
      ],
      tablesAsked: 4,
      failedTables: [{
        tableName: "audit",
        error: { code: "permission_denied", message: "ots:ListDeliveryTask was denied for table audit.", remedy: "Grant ots:ListDeliveryTask to this profile's keys.", serviceCode: "OTSAuthFailed", requestId: "5F2A-0001" },
      }],
    }),
    describe_delivery_task: ({ table, task }) => STATUS[`${table}/${task}`],
    list_delivered_files: () => ({
      bucket: "sandbox-delivery", listedPrefix: "orders/",
      objects: [{ key: "orders/2026/11/24/orders-daily_0_orders_2026_11_24__1", size: 1_843_200, lastModified: "2026-11-24T14:31:05Z" }],
      truncated: false,
    }),
    drift_watch: () => ({
      tableName: "orders", taskName: "orders-daily", sampledRows: 5000, deliveredColumns: ["order_id", "amount", "status", "created_at"],
      undelivered: [
        { name: "coupon_code", origin: "sampled", types: [{ tablestoreType: "STRING", rows: 1830 }], presentRows: 1830, presencePercent: 36.6 },
        { name: "gift_wrap", origin: "sampled", types: [{ tablestoreType: "INTEGER", rows: 40 }, { tablestoreType: "BOOLEAN", rows: 12 }], presentRows: 52, presencePercent: 1 },
      ],
      suggestedDraft: {
        tableName: "orders", taskName: "", taskType: "BASE_INC", ossBucket: "sandbox-delivery", ossEndpoint: "oss-cn-hangzhou.aliyuncs.com",
        ossPrefix: "orders/$yyyy/$MM/$dd", roleArn: ROLE, eventTime: null,
        schema: [
          { sourceColumn: "order_id", outputName: "order_id", parquetType: "UTF8" },
          { sourceColumn: "coupon_code", outputName: "coupon_code", parquetType: "UTF8" },
        ],
      },
    }),
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

async function openTasksWithDrift(colorScheme) {
  const context = await browser.newContext({ locale: "en-US", colorScheme, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript(installFakeBackend);
  await page.goto(ui.url);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "Tasks" }).click();
  await page.getByRole("heading", { name: "Tasks of every table" }).waitFor();
  const users = page.locator('tr[data-task="users-full"]');
  await users.getByRole("button", { name: "Fix the delivery role" }).click();
  await users.getByRole("button", { name: "Create the delivery role" }).click();
  await users.getByText(/^Role created:/).waitFor();
  await page.getByRole("button", { name: "Details and files of orders-daily" }).click();
  await page.locator("#drift-check-orders-orders-daily").click();
  await page.locator("#drift-create-orders-orders-daily").waitFor();
  return { context, page, errors };
}

async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: path.join(ARTIFACTS, `browser-tasks-${name}.png`), fullPage: true });
}

test("every table's tasks, a failed table, the role remedy and a drift report (light theme)", async () => {
  const { context, page, errors } = await openTasksWithDrift("light");
  const table = page.locator("table.tasks-table").first();
  assert.equal(await table.getByRole("columnheader", { name: "Table" }).count(), 1);
  assert.match(await page.locator('tr[data-task="events-inc"]').innerText(), /events[\s\S]*The bucket must exist and be in the instance's region \(cn-hangzhou\)/);
  assert.match(await page.locator('tr[data-task="orders-daily"] .task-lag').innerText(), /^\d+ min$/);
  assert.match(await page.locator('.failed-tables li[data-table="audit"]').innerText(), /ots:ListDeliveryTask was denied[\s\S]*5F2A-0001/);
  assert.match(await page.locator('tr[data-column="gift_wrap"]').innerText(), /INTEGER × 40[\s\S]*BOOLEAN × 12/);
  await shot(page, "all-tables");
  assert.deepEqual(await seriousAxeViolations(page, ".tasks-page"), []);
  // The drift report hands its draft to the wizard, which opens on the mapper.
  await page.locator("#drift-create-orders-orders-daily").click();
  await page.getByRole("heading", { name: "Map columns of orders" }).waitFor();
  await page.getByRole("textbox", { name: "Output name for coupon_code" }).waitFor();
  await shot(page, "drift-to-mapper");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the same view in the dark theme, with no serious axe-core finding (contrast included)", async () => {
  const { context, page, errors } = await openTasksWithDrift("dark");
  await shot(page, "all-tables-dark");
  assert.deepEqual(await seriousAxeViolations(page, ".tasks-page"), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the tasks of every table fit the default window, and the smallest one scrolls only the table", async () => {
  // tauri.conf.json: the window opens at 1200 x 780 and may shrink to 900 x 600.
  for (const [width, height, tableFits] of [[1200, 780, true], [900, 600, false]]) {
    const context = await browser.newContext({ locale: "en-US", viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.addInitScript(installFakeBackend);
    await page.goto(ui.url);
    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "Tasks" }).click();
    await page.locator('tr[data-task="users-full"]').waitFor();
    const sizes = await page.evaluate(() => {
      const table = document.querySelector("table.tasks-table");
      const section = table.closest("section");
      return {
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        table: table.getBoundingClientRect().width,
        section: section.clientWidth,
      };
    });
    // The window itself never scrolls sideways (it did: a hidden header escaped the table's box).
    assert.ok(sizes.page <= sizes.window, `${width}px: page ${sizes.page}px wide in a ${sizes.window}px window`);
    if (tableFits) {
      assert.ok(sizes.table <= sizes.section, `${width}px: table ${sizes.table}px in ${sizes.section}px`);
    }
    await context.close();
  }
});
