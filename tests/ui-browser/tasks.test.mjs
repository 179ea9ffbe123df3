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

/**
 * The fake backend, run inside the page before the app loads: a sandbox with three tables' tasks.
 * Options: `longTable` adds a task of a table with a 39-character name; `failedCount` makes that
 * many tables fail with the same permission error (one by default).
 */
function installFakeBackend({ longTable = false, failedCount = 1 } = {}) {
  localStorage.setItem("tsds.lastProfile", "sandbox");
  const LONG_TABLE = "customer_shipping_address_history_2026x";
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
    list_tables: () => ["audit", "events", "orders", "users", ...(longTable ? [LONG_TABLE] : [])],
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
        ...(longTable ? [{ tableName: LONG_TABLE, taskName: "history-sync", taskType: "INC" }] : []),
      ],
      tablesAsked: 4,
      failedTables: Array.from({ length: failedCount }, (_, index) => {
        const tableName = index === 0 ? "audit" : `audit_${index}`;
        return {
          tableName,
          error: { code: "permission_denied", message: `ots:ListDeliveryTask was denied for table ${tableName}.`, remedy: "Grant ots:ListDeliveryTask to this profile's keys.", serviceCode: "OTSAuthFailed", requestId: `5F2A-${String(index + 1).padStart(4, "0")}` },
        };
      }),
    }),
    describe_delivery_task: ({ table, task }) => STATUS[`${table}/${task}`] ?? status({ taskType: "INC", phase: "INIT", checkpointNs: null }),
    list_delivered_files: () => ({
      bucket: "sandbox-delivery", listedPrefix: "orders/",
      objects: [
        { key: "orders/2026/11/24/orders-daily_0_orders_2026_11_24__1", size: 1_843_200, lastModified: "2026-11-24T14:31:05Z" },
        // A key longer than the task table is wide: it once widened the whole table.
        { key: "orders/2026/11/24/orders-daily_0_orders_2026_11_24__2_with_a_long_suffix_for_testing_widths", size: 43_200, lastModified: "2026-11-24T15:31:05Z" },
      ],
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
  assert.match(await page.locator('.failed-tables [data-error-code="permission_denied"]').innerText(), /The key lacks a permission\. Grant ots:ListDeliveryTask[\s\S]*Tables \(1\): audit/);
  await page.locator(".failed-tables summary").click();
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

/** The Tasks screen in a window of the given size and language, the fake backend given `options`. */
async function openTasks({ width, height, locale = "en-US" }, options = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.addInitScript(installFakeBackend, options);
  await page.goto(ui.url);
  await page.locator('li[data-step="tasks"] button').click();
  return { context, page };
}

test("the tasks of every table fit the default window, and the smallest one scrolls only the table", async () => {
  // tauri.conf.json: the window opens at 1200 x 780 and may shrink to 900 x 600.
  for (const [width, height, tableFits] of [[1200, 780, true], [900, 600, false]]) {
    const { context, page } = await openTasks({ width, height });
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

/** Where the task list and what it holds sit, against its section and the window. */
function measureTaskList() {
  const table = document.querySelector("table.tasks-table");
  const section = table.closest("section");
  const box = section.getBoundingClientRect();
  const sectionRight = box.left + section.clientWidth;
  const beyond = (selector) =>
    [...section.querySelectorAll(selector)]
      .filter((element) => element.getBoundingClientRect().right > sectionRight + 1 || element.getBoundingClientRect().left < box.left - 1)
      .map((element) => `${selector} "${element.textContent.trim().slice(0, 40)}"`);
  // The narrowest value cell of a task that could wrap (the lag never does): crushed columns
  // were one character wide.
  const cells = [...table.querySelectorAll(":scope > tbody > tr[data-task] > td:not(:empty, .task-lag)")];
  return {
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
    table: table.getBoundingClientRect().width,
    section: section.clientWidth,
    sectionScroll: section.scrollWidth,
    scrollLeft: section.scrollLeft,
    outside: [
      ...beyond(".row-actions button"),
      ...beyond(".drift-check"),
      ...beyond(".delivered-table tr[data-key] > *"),
      ...beyond(".drift-table tr[data-column] > *"),
    ],
    narrowestCell: Math.min(...cells.map((cell) => cell.getBoundingClientRect().width)),
  };
}

test("the task list fits its section with Details and the drift report open, at the default, a middle and the smallest window, in English and Chinese", async () => {
  // tauri.conf.json: the window opens at 1200 x 780 and may shrink to 900 x 600; at 1125 the task
  // list once had too little room for its columns and too much for the narrow layout.
  for (const [width, height] of [[1200, 780], [1125, 700], [900, 600]]) {
    for (const locale of ["en-US", "zh-CN"]) {
      const where = `${width}x${height} ${locale}`;
      const { context, page } = await openTasks({ width, height, locale }, { longTable: true });
      await page.locator('tr[data-task="history-sync"]').waitFor();
      const fits = (sizes, when) => {
        assert.ok(sizes.page <= sizes.window, `${where} ${when}: page ${sizes.page}px wide in a ${sizes.window}px window`);
        assert.ok(sizes.table <= sizes.section, `${where} ${when}: table ${sizes.table}px in ${sizes.section}px`);
        assert.ok(sizes.sectionScroll <= sizes.section, `${where} ${when}: the section scrolls sideways (${sizes.sectionScroll}px in ${sizes.section}px)`);
        assert.equal(sizes.scrollLeft, 0, `${where} ${when}: the section scrolled sideways by itself`);
        assert.deepEqual(sizes.outside, [], `${where} ${when}: outside the section`);
        // Five Chinese characters or a short English word at least.
        assert.ok(sizes.narrowestCell >= 72, `${where} ${when}: a column crushed to ${sizes.narrowestCell}px`);
      };
      fits(await page.evaluate(measureTaskList), "list");
      await page.locator('tr[data-task="orders-daily"] button[aria-expanded]').click();
      await page.locator(".delivered-table tr[data-key]").nth(1).waitFor();
      fits(await page.evaluate(measureTaskList), "Details open");
      await page.locator("#drift-check-orders-orders-daily").click();
      await page.locator("#drift-create-orders-orders-daily").waitFor();
      fits(await page.evaluate(measureTaskList), "drift report open");
      await shot(page, `fit-${width}-${locale}`);
      await context.close();
    }
  }
});

test("tables failing with the same error are one compact notice, and the tasks stay in view at the default window", async () => {
  const { context, page } = await openTasks({ width: 1200, height: 780 }, { failedCount: 12 });
  const first = page.locator("tr[data-task]").first();
  await first.waitFor();
  assert.equal(await page.locator(".failed-tables [role=alert]").count(), 1);
  assert.match(await page.locator(".failed-tables").innerText(), /Tables \(12\): audit, audit_1, [\s\S]*audit_11/);
  const top = await first.evaluate((row) => row.getBoundingClientRect().top);
  assert.ok(top < 780 - 100, `the first task starts at ${top}px in a 780px window`);
  await context.close();
});
