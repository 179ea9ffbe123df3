// Pick lists measure their rows (a bucket's "why not" reason wraps onto more lines): after a
// filter, every row must still sit below the one before it. Sizes were kept by position, so a
// row moved by the filter took another row's height and overlapped its neighbour.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openBuiltUi } from "./chromium.mjs";

let ui;

before(async () => {
  ui = await openBuiltUi();
});

after(async () => {
  await ui?.close();
});

/** The fake backend, run in the page: a sandbox whose second bucket is in another region. */
function installFakeBackend() {
  localStorage.setItem("tsds.lastProfile", "sandbox");
  const SANDBOX = {
    name: "sandbox", kind: "sandbox", accessKeyId: "LTAI5tSandboxDemoKey0001", accessKeyIdMasked: "LTAI****0001",
    region: "cn-hangzhou", instanceName: "sandbox-demo", endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false, status: "ready",
  };
  const answers = {
    app_info: () => ({ version: "0.1.0", dataDir: "/tmp/s", sandbox: { running: true, endpoints: null }, locale: null }),
    list_profiles: () => [SANDBOX],
    list_instances: () => [],
    test_connection: () => ({ accountId: "1", callerArn: null, checks: [] }),
    list_tables: () => ["orders"],
    list_buckets: () => [
      { name: "alpha", region: "cn-hangzhou", sameRegion: true },
      { name: "beta-x-far-away-bucket", region: "cn-beijing", sameRegion: false },
      { name: "gamma-x", region: "cn-hangzhou", sameRegion: true },
      { name: "delta-x", region: "cn-hangzhou", sameRegion: true },
    ],
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

/** Each bucket row's label, top and bottom, in list order. */
function bucketRows(page) {
  return page.getByRole("searchbox", { name: "Filter buckets" }).evaluate((filter) =>
    [...filter.closest(".searchable-list").querySelectorAll(".list-row")].map((row) => {
      const box = row.getBoundingClientRect();
      return { label: row.querySelector(".list-label").textContent, top: box.top, bottom: box.bottom };
    }),
  );
}

function assertStacked(rows, when) {
  for (let i = 1; i < rows.length; i += 1) {
    assert.ok(rows[i].top >= rows[i - 1].bottom - 0.5, `${when}: ${rows[i].label} overlaps ${rows[i - 1].label}: ${JSON.stringify(rows)}`);
  }
}

test("bucket rows stay stacked when a filter moves them", async () => {
  const context = await ui.browser.newContext({ locale: "en-US", viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.addInitScript(installFakeBackend);
  await page.goto(ui.url);
  await page.getByRole("option", { name: /gamma-x/ }).waitFor();
  const filter = page.getByRole("searchbox", { name: "Filter buckets" });
  for (const [text, expected] of [["", 4], ["x", 3], ["", 4]]) {
    await filter.fill(text);
    await page.waitForFunction(
      ([count]) => document.querySelectorAll('[aria-label="Filter buckets"]').length > 0 &&
        [...document.querySelector('[aria-label="Filter buckets"]').closest(".searchable-list").querySelectorAll(".list-row")].length === count,
      [expected],
    );
    // Two frames: the virtualiser measures after the rows are laid out.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const rows = await bucketRows(page);
    assert.equal(rows.length, expected);
    assertStacked(rows, `filter "${text}"`);
  }
  await context.close();
});
