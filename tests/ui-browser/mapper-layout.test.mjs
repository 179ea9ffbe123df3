// Layout of the mapper and of the pick lists in the app's own window sizes (tauri.conf.json: it
// opens at 1200 x 780 and may shrink to 900 x 600), in Debian's Chromium against the built UI
// (ui/dist) with a fake of the Rust commands. Boxes are measured; no pixel comparisons.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openBuiltUi } from "./chromium.mjs";

const WINDOWS = [
  [1200, 780],
  [900, 600],
];

let ui;

before(async () => {
  ui = await openBuiltUi();
});

after(async () => {
  await ui?.close();
});

/** Run in the page before the app loads: a sandbox with one table of long-named columns and a bucket in another region. */
function installFakeBackend() {
  const COLUMNS = [
    ["order_id", "primaryKey", [["STRING", 50]]],
    ["customer_id", "primaryKey", [["INTEGER", 50]]],
    ["amount", "sampled", [["DOUBLE", 49], ["STRING", 1]]],
    ["created_at", "sampled", [["INTEGER", 50]]],
    ["customer_shipping_address_line_2_normalized", "sampled", [["STRING", 12]]],
    ["coupon_code", "sampled", [["STRING", 30]]],
    ["discount_rate_after_tax", "sampled", [["DOUBLE", 50]]],
    ["is_gift", "sampled", [["BOOLEAN", 2]]],
  ].map(([name, origin, types]) => {
    const present = types.reduce((sum, [, rows]) => sum + rows, 0);
    return { name, origin, types: types.map(([tablestoreType, rows]) => ({ tablestoreType, rows })), presentRows: present, presencePercent: present * 2 };
  });
  const DEFAULTS = { STRING: "UTF8", INTEGER: "INT64", DOUBLE: "DOUBLE", BOOLEAN: "BOOL" };
  const SANDBOX = {
    name: "sandbox", kind: "sandbox", accessKeyId: "LTAI5tSandboxDemoKey0001", accessKeyIdMasked: "LTAI****0001",
    region: "cn-hangzhou", instanceName: "sandbox-demo", endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false, status: "ready",
  };
  let started = false;
  const answers = {
    app_info: () => ({ version: "0.1.0", dataDir: "/tmp/studio", sandbox: { running: started, endpoints: null }, locale: null }),
    list_profiles: () => (started ? [SANDBOX] : []),
    start_sandbox: () => {
      started = true;
      return { tablestore: "http://127.0.0.1:4100", oss: "http://127.0.0.1:4101", sts: "http://127.0.0.1:4102" };
    },
    list_instances: () => [],
    test_connection: () => ({ accountId: "1234567890123456", callerArn: null, checks: [] }),
    list_tables: () => ["orders", "events_with_a_very_long_table_name_for_the_nightly_export"],
    list_buckets: () => [
      { name: "analytics-delivery-hangzhou-production-archive", region: "cn-hangzhou", sameRegion: true },
      { name: "archive-beijing", region: "cn-beijing", sameRegion: false },
    ],
    table_columns: () => [{ name: "order_id", origin: "primaryKey", typesSeen: ["STRING"] }],
    sample_schema: () => ({ reachedEnd: true, report: { rowsSeen: 50, columns: COLUMNS } }),
    cancel_sampling: () => false,
    type_rules: () => Object.entries(DEFAULTS).map(([source, target]) => ({ source, target, verdict: { status: "supported" }, isDefault: true })),
    delivery_role: () => ({ accountId: "1234567890123456", roleArn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery", exists: true, problem: null, docUrl: "https://help.aliyun.com/" }),
    check_draft: () => ({
      issues: [], request: null, requestJson: null, dirtyCounts: [], prefixPreview: null, eventTimeCheck: null,
      instanceRegion: "cn-hangzhou", bucketRegion: null, sampledRows: 50,
    }),
    list_drafts: () => [],
  };
  window.__TAURI_INTERNALS__ = {
    transformCallback: () => 0,
    invoke: async (cmd, args) => {
      const answer = answers[cmd];
      if (!answer) throw `command ${cmd} not found`;
      return answer(args);
    },
  };
}

async function openSandbox(width, height) {
  const context = await ui.browser.newContext({ locale: "en-US", viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript(installFakeBackend);
  await page.goto(ui.url);
  await page.getByRole("button", { name: "Try the sandbox" }).click();
  await page.getByRole("option", { name: "orders" }).waitFor();
  return { context, page, errors };
}

/** How many characters of an element's text are on screen (its text is cut by its own box). */
function visibleCharacters(element, text) {
  return element.scrollWidth <= element.clientWidth ? text.length : Math.floor((text.length * element.clientWidth) / element.scrollWidth);
}

test("every control of every output row is in the window, and names keep enough characters, at 1200x780 and 900x600", async () => {
  for (const [width, height] of WINDOWS) {
    const { context, page, errors } = await openSandbox(width, height);
    await page.getByRole("option", { name: "orders" }).click();
    await page.getByRole("option", { name: /analytics-delivery-hangzhou-production-archive/ }).click();
    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: /Schema/ }).click();
    await page.locator("#sample-rows").click();
    await page.locator("#wizard-next").click();
    await page.getByRole("heading", { name: "Map columns of orders" }).waitFor();
    await page.getByRole("button", { name: "Add all" }).click();
    await page.locator(".schema-row").nth(6).waitFor();

    const layout = await page.evaluate(
      ({ visibleCharacters: source }) => {
        const visible = new Function(`return (${source})`)();
        const box = (element) => element.getBoundingClientRect();
        const pane = box(document.querySelector(".schema-pane"));
        return {
          window: window.innerWidth,
          pane: { left: pane.left, right: pane.right },
          rows: [...document.querySelectorAll(".schema-row")].map((row) => ({
            name: row.querySelector(".schema-source").textContent,
            controls: [...row.querySelectorAll("button, input, select")].map((control) => ({
              label: control.getAttribute("aria-label"),
              left: box(control).left,
              right: box(control).right,
              width: box(control).width,
            })),
            output: (() => {
              const input = row.querySelector(".schema-output");
              // An input's scrollWidth is its text's width only while the text overflows; otherwise all of it shows.
              return { value: input.value, shown: visible(input, input.value) };
            })(),
          })),
          sources: [...document.querySelectorAll(".source-name")].map((name) => ({
            name: name.textContent,
            title: name.title,
            shown: visible(name, name.textContent),
          })),
        };
      },
      { visibleCharacters: visibleCharacters.toString() },
    );

    const at = `${width}x${height}`;
    assert.equal(layout.rows.length, 7, `${at}: the seven single-type columns were added`);
    for (const row of layout.rows) {
      assert.equal(row.controls.length, 6, `${at}: ${row.name} has its handle, name, type and three buttons`);
      for (const control of row.controls) {
        assert.ok(control.width > 0, `${at}: ${control.label} is shown`);
        assert.ok(control.left >= 0 && control.right <= layout.window, `${at}: ${control.label} spans ${control.left}–${control.right} in a ${layout.window}px window`);
        assert.ok(control.left >= layout.pane.left - 1 && control.right <= layout.pane.right + 1, `${at}: ${control.label} stays inside the schema pane`);
      }
      // "customer_id" showed as "customer_ic" at 1200 and as six characters at 900.
      assert.ok(row.output.shown >= Math.min(row.output.value.length, 30), `${at}: output name ${row.output.value} shows ${row.output.shown} characters`);
    }
    // Source names were cut to "o.", "c." or nothing at 900.
    for (const source of layout.sources) {
      assert.ok(source.shown >= Math.min(source.name.length, 16), `${at}: source column ${source.name} shows ${source.shown} characters`);
      assert.equal(source.title, source.name, `${at}: ${source.name} has its full name as a tooltip`);
    }
    assert.ok(layout.sources.length >= 4, `${at}: the source list shows its columns`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a list marks its active row only while it has the focus; the selected row keeps its own look", async () => {
  const { context, page, errors } = await openSandbox(1200, 780);
  await page.getByRole("option", { name: "orders" }).click();
  await page.getByRole("option", { name: /analytics-delivery-hangzhou-production-archive/ }).click();
  await page.getByRole("heading", { name: "Source and destination" }).click();

  const rowStyles = () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".list-row.active")].map((row) => {
        const style = getComputedStyle(row);
        return { label: row.querySelector(".list-label").textContent, outline: style.outlineStyle, background: style.backgroundColor };
      }),
    );
  const unfocused = await rowStyles();
  assert.equal(unfocused.length, 2, "the tables list and the buckets list each have an active row");
  for (const row of unfocused) assert.equal(row.outline, "none", `${row.label} has no ring while its list is not focused`);

  await page.getByRole("searchbox", { name: "Filter tables" }).focus();
  const focused = await rowStyles();
  const orders = focused.find((row) => row.label === "orders");
  assert.equal(orders?.outline, "solid", "the active row of the focused list is ringed");
  assert.notEqual(orders?.background, "rgba(0, 0, 0, 0)", "the selected row keeps its background");
  assert.equal(focused.find((row) => row.label !== "orders")?.outline, "none", "the other list stays unringed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the reason a bucket cannot be picked is shown whole, and long names end in an ellipsis with a tooltip", async () => {
  for (const [width, height] of WINDOWS) {
    const { context, page, errors } = await openSandbox(width, height);
    await page.getByRole("option", { name: /archive-beijing/ }).waitFor();
    const shown = await page.evaluate(() => {
      const rowOf = (text) => [...document.querySelectorAll(".list-row")].find((row) => row.querySelector(".list-label").textContent === text);
      const far = rowOf("archive-beijing");
      const reason = far.querySelector(".list-reason");
      const longTable = rowOf("events_with_a_very_long_table_name_for_the_nightly_export");
      const label = longTable.querySelector(".list-label");
      return {
        reason: { text: reason.textContent, cut: reason.scrollWidth > reason.clientWidth + 1, bottom: reason.getBoundingClientRect().bottom, rowBottom: far.getBoundingClientRect().bottom },
        label: { cut: label.scrollWidth > label.clientWidth, overflow: getComputedStyle(label).textOverflow, title: longTable.title },
      };
    });
    const at = `${width}x${height}`;
    assert.match(shown.reason.text, /^In cn-beijing: delivery needs a bucket in cn-hangzhou$/);
    assert.equal(shown.reason.cut, false, `${at}: the reason is not cut`);
    assert.ok(shown.reason.bottom <= shown.reason.rowBottom + 0.5, `${at}: the reason's lines are inside its row`);
    if (shown.label.cut) assert.equal(shown.label.overflow, "ellipsis", `${at}: a cut table name ends in an ellipsis`);
    assert.equal(shown.label.title, "events_with_a_very_long_table_name_for_the_nightly_export");
    assert.deepEqual(errors, []);
    await context.close();
  }
});
