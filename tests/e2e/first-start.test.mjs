// End to end: the real app binary in a real window (Xvfb), driven through tauri-driver and
// WebKitWebDriver. Run by tests/e2e/run.sh, which starts the display and the driver.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { openApp } from "./window.mjs";

const artifacts = process.env.TEST_ARTIFACTS ?? path.resolve("test-artifacts");
let app;
let browser;

before(async () => {
  app = await openApp();
  browser = app.browser;
});

after(async () => {
  await app?.close();
});

test("the first-start screen offers a profile or the sandbox", async () => {
  const heading = await browser.$("h1");
  await heading.waitForDisplayed({ timeout: 15000 });
  assert.equal(await heading.getText(), "Welcome to Tablestore Delivery Studio");
  assert.equal(await (await browser.$("#add-profile")).getText(), "Add a profile");
  assert.equal(await (await browser.$("#try-sandbox")).getText(), "Try the sandbox");
  assert.equal(await (await browser.$(".sandbox-status")).getText(), "Sandbox not running");
});

test("the screen shows what Rust reported: version and the test build's own data folder", async () => {
  const version = await (await browser.$("#app-version")).getText();
  assert.match(version, /^Version \d+\.\d+\.\d+$/);
  const dataDir = await (await browser.$("#data-dir")).getText();
  // The E2E build has its own identifier, so it never touches a user's real data.
  assert.match(dataDir, /com\.tablestore-delivery-studio\.e2e-tests$/);
});

test("a screenshot of the first screen is saved for people to look at", async () => {
  // A screenshot right after a DOM read can show the previous frame; let a paint happen.
  await browser.pause(500);
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, "e2e-first-start.png");
  writeFileSync(file, Buffer.from(await browser.takeScreenshot(), "base64"));
  assert.ok((await import("node:fs")).statSync(file).size > 10_000, "screenshot has content");
});

test("the About box lists the version and the licences of every shipped package", async () => {
  await (await browser.$("#open-about")).click();
  const count = await browser.$("#licence-count");
  await count.waitForDisplayed({ timeout: 10000 });
  const [, shown, total] = (await count.getText()).match(/^(\d+) of (\d+) packages$/) ?? [];
  assert.ok(Number(total) > 300 && shown === total, await count.getText());
  assert.match(await (await browser.$('tr[data-package="tauri"]')).getText(), /MIT/);
  // The texts themselves ship in the binary: tauri's own MIT file, with its copyright line.
  await (await browser.$('tr[data-package="tauri"] button[aria-expanded="false"]')).click();
  const texts = await browser.$('tr[data-licence-of="tauri"]');
  await texts.waitForDisplayed({ timeout: 10000 });
  assert.match(await texts.getText(), /Copyright \(c\) 2017 - Present Tauri Apps Contributors/);
  await (await browser.$("button=Close")).click();
  await (await browser.$('[role="dialog"]')).waitForExist({ reverse: true, timeout: 5000 });
});

test("the content security policy blocks scripts, images and requests from anywhere else", async () => {
  // Loopback addresses on a closed port: nothing leaves the machine even if the policy failed,
  // and the verdict comes from the policy (a violation event), not from a network error.
  const verdict = await browser.executeAsync((done) => {
    const blocked = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      blocked.push(event.effectiveDirective);
    });
    const image = new Image();
    image.src = "http://127.0.0.1:9/pixel.png";
    const script = document.createElement("script");
    script.src = "http://127.0.0.1:9/remote.js";
    document.head.append(script);
    fetch("http://127.0.0.1:9/data.json").catch(() => undefined);
    setTimeout(() => {
      script.remove();
      done([...new Set(blocked.map((d) => d.replace(/-elem$/, "")))].sort());
    }, 1000);
  });
  assert.deepEqual(verdict, ["connect-src", "img-src", "script-src"]);
});

test("trying the sandbox starts it in-process and lists its tables and buckets", async () => {
  await (await browser.$("#try-sandbox")).click();
  const profileLine = await browser.$("#profile-line");
  await profileLine.waitForDisplayed({ timeout: 15000 });
  assert.equal(await profileLine.getText(), "Profile sandbox · region cn-hangzhou · instance sandbox-demo");
  // The instances of the region come from the control-plane API; the sandbox serves one.
  const demo = await browser.$('//*[@role="option"][.//*[normalize-space()="sandbox-demo"]]');
  await demo.waitForDisplayed({ timeout: 15000 });
  assert.equal(await demo.getAttribute("aria-selected"), "true");
  const orders = await browser.$('[role="option"]*=orders');
  await orders.waitForDisplayed({ timeout: 15000 });
  // The list is virtualised and the other-region bucket sorts last: filter to reach it.
  await (await browser.$('input[aria-label="Filter buckets"]')).setValue("beijing");
  const beijing = await browser.$('[role="option"]*=sandbox-beijing');
  await beijing.waitForExist({ timeout: 15000 });
  assert.equal(await beijing.getAttribute("aria-disabled"), "true");
  await orders.click();
  // Select all and type, as a person would: WebDriver's clear() empties the DOM value behind
  // React's back, and the old filter text can come back.
  const filter = await browser.$('input[aria-label="Filter buckets"]');
  await filter.click();
  await browser.keys(["Control", "a"]);
  await browser.keys(["Backspace"]);
  await filter.addValue("delivery");
  await (await browser.$('[role="option"]*=sandbox-delivery')).click();
  assert.equal(
    await (await browser.$("#selection")).getText(),
    "Source table: orders → destination bucket: sandbox-delivery",
  );
  await (await browser.$("#test-connection")).click();
  await browser.waitUntil(async () => (await browser.$$(".permission-check")).length === 3, { timeout: 15000 });
  for (const check of await browser.$$(".permission-check")) {
    assert.equal(await check.getAttribute("data-ok"), "true", await check.getText());
  }
  await browser.pause(500);
  writeFileSync(path.join(artifacts, "e2e-sandbox-workspace.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
});

test("the schema step samples the chosen table and finds columns that only exist in rows", async () => {
  await (await browser.$("button*=Schema")).click();
  const rows = await browser.$('//input[@id=//label[normalize-space()="Rows to sample"]/@for]');
  await rows.waitForDisplayed({ timeout: 15000 });
  await rows.setValue("3000");
  await (await browser.$("#sample-rows")).click();
  const summary = await browser.$("#sample-summary");
  await summary.waitForDisplayed({ timeout: 30000 });
  assert.match(await summary.getText(), /^Sampled 3,000 rows: \d+ columns\.$/);
  const coupon = await browser.$('tr[data-column="coupon_code"]');
  assert.match(await coupon.getText(), /Found in rows/);
  assert.match(await (await browser.$('tr[data-column="order_id"]')).getText(), /Primary key/);
  await browser.pause(500);
  writeFileSync(path.join(artifacts, "e2e-schema.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
});

test("the tasks step lists the demo task of the orders table with its phase", async () => {
  await (await browser.$("button=Tasks")).click();
  await (await browser.$('input[aria-label="Filter tables with tasks"]')).setValue("orders");
  await (await browser.$('[role="option"]*=orders')).click();
  const row = await browser.$('tr[data-task="orders-daily"]');
  await row.waitForDisplayed({ timeout: 15000 });
  const text = await row.getText();
  assert.match(text, /Full, then incremental/);
  assert.match(text, /Initialising|Full export|Incremental/);
  assert.match(text, /sandbox-delivery\/orders\/\$yyyy\/\$MM\/\$dd/);
  await browser.pause(500);
  writeFileSync(path.join(artifacts, "e2e-tasks.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
  // Deleting asks first, naming the task; then the task is gone from the list.
  await (await browser.$('button[aria-label="Delete orders-daily"]')).click();
  const dialog = await browser.$('[role="dialog"]');
  await dialog.waitForDisplayed({ timeout: 5000 });
  assert.match(await dialog.getText(), /orders-daily/);
  await (await dialog.$("button=Delete task")).click();
  await browser.waitUntil(async () => !(await (await browser.$('tr[data-task="orders-daily"]')).isExisting()), {
    timeout: 15000,
    timeoutMsg: "the deleted task is still listed",
  });
});
