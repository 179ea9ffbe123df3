// Moving between wizard steps in Debian's Chromium against the built UI (ui/dist), with a stubbed
// IPC, at the app's default window (1200 x 780) and its smallest (900 x 600): the new step opens
// at its top with its title focused and on screen, whether the move came from the Next button
// (by keyboard) or from the step list, and a second Enter does not skip the step just opened.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openBuiltUi } from "./chromium.mjs";

let ui;
let browser;

before(async () => {
  ui = await openBuiltUi();
  browser = ui.browser;
});

after(async () => {
  await ui?.close();
});

/** The fake backend, run inside the page before the app loads: the sandbox with a wide table. */
function installFakeBackend() {
  localStorage.setItem("tsds.lastProfile", "sandbox");
  const SANDBOX = {
    name: "sandbox", kind: "sandbox", accessKeyId: "LTAI5tSandboxDemoKey0001", accessKeyIdMasked: "LTAI****0001",
    region: "cn-hangzhou", instanceName: "sandbox-demo", endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false, status: "ready",
  };
  // Enough columns that the mapper is taller than the window and the Next button sits below it.
  const COLUMNS = Array.from({ length: 24 }, (_, i) => ({ name: `column_${String(i).padStart(2, "0")}`, origin: i === 0 ? "primaryKey" : "declared", typesSeen: ["STRING"] }));
  const answers = {
    app_info: () => ({ version: "0.1.0", dataDir: "/home/analyst/.local/share/tsds", sandbox: { running: true, endpoints: null }, locale: null }),
    list_profiles: () => [SANDBOX],
    list_instances: () => [],
    test_connection: () => ({ accountId: "1234567890123456", callerArn: null, checks: [] }),
    list_tables: () => ["orders"],
    list_buckets: () => [{ name: "sandbox-delivery", region: "cn-hangzhou", sameRegion: true }],
    table_columns: () => COLUMNS,
    type_rules: () => [{ source: "STRING", target: "UTF8", verdict: { status: "supported" }, isDefault: true }],
    delivery_role: () => ({ accountId: "1234567890123456", roleArn: "acs:ram::1234567890123456:role/aliyunserviceroleforotsdatadelivery", exists: true, problem: null, docUrl: "https://help.aliyun.com/" }),
    check_draft: () => ({
      issues: [], request: null, requestJson: null, dirtyCounts: [], prefixPreview: null, eventTimeCheck: null,
      instanceRegion: "cn-hangzhou", bucketRegion: "cn-hangzhou", sampledRows: 0,
    }),
    preview_parquet: () => ({ columns: [], rows: [], totalRows: 0, fileBytes: 0 }),
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

/** The focused element's text and box, and how far the window is scrolled. */
const focusInView = (page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    const box = focused.getBoundingClientRect();
    return { tag: focused.tagName, text: focused.textContent, top: box.top, bottom: box.bottom, height: innerHeight, scrollY };
  });

async function openMapperOfOrders(width, height) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.addInitScript(installFakeBackend);
  await page.goto(ui.url);
  await page.getByRole("option", { name: "orders" }).click();
  await page.getByRole("option", { name: /sandbox-delivery/ }).click();
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: /Mapper/ }).click();
  await page.getByRole("button", { name: "Add all" }).click();
  return { context, page };
}

test("after Next by keyboard the new step's title has the focus and is on screen; a second Enter stays there", async () => {
  for (const [width, height] of [[1200, 780], [900, 600]]) {
    const { context, page } = await openMapperOfOrders(width, height);
    await page.locator("#wizard-next").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Delivery settings for orders" }).waitFor();
    const settings = await focusInView(page);
    assert.equal(settings.tag, "H1", `${width}px: focus on ${settings.tag} "${settings.text}"`);
    assert.equal(settings.text, "Delivery settings for orders");
    assert.ok(settings.top >= 0 && settings.bottom <= settings.height, `${width}px: title at ${settings.top}–${settings.bottom} in a ${settings.height}px window`);
    assert.equal(settings.scrollY, 0, `${width}px: Settings opened scrolled by ${settings.scrollY}px`);

    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    assert.equal(await page.locator("h1").textContent(), "Delivery settings for orders", `${width}px: a second Enter left Settings`);
    await context.close();
  }
});

test("a step chosen in the step list opens at its top with its title focused", async () => {
  for (const [width, height] of [[1200, 780], [900, 600]]) {
    const { context, page } = await openMapperOfOrders(width, height);
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    assert.ok(await page.evaluate(() => scrollY) > 0, `${width}px: the mapper does not scroll, so this test proves nothing`);
    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: /Review/ }).click();
    await page.getByRole("heading", { level: 1, name: "Review the task for orders" }).waitFor();
    const review = await focusInView(page);
    assert.equal(review.tag, "H1", `${width}px: focus on ${review.tag} "${review.text}"`);
    assert.equal(review.scrollY, 0, `${width}px: Review opened scrolled by ${review.scrollY}px`);
    await context.close();
  }
});
