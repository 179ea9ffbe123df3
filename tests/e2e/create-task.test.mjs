// End to end: from the sandbox to a delivered Parquet file, in the real app window. Samples the
// table with mixed types, maps columns by dragging them with the pointer, sets a prefix with
// time variables, is refused a bad task name and a bucket in another region before any call,
// creates a BaseInc task, waits until the sandbox delivered, lists the file in the app, and
// reads it back with the official oss2 SDK and pyarrow: its columns are exactly those mapped.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";

import { openApp, ROOT } from "./window.mjs";

const TASK = "users-e2e";
/** Mapped in this order; `name` is renamed in the mapper. */
const MAPPED = ["user_id", "name", "age", "score"];
const EXPECTED_COLUMNS = ["user_id", "full_name", "age", "score"];
let app;
let browser;

before(async () => {
  app = await openApp();
  browser = app.browser;
});

after(async () => {
  await app?.close();
});


test("the sandbox's users table is picked with the delivery bucket and sampled", async () => {
  await app.trySandbox();
  await app.pick("users", "sandbox-delivery");
  await app.step("Schema");
  await (await browser.$("#sample-rows")).click();
  const summary = await browser.$("#sample-summary");
  await summary.waitForDisplayed({ timeout: 30000 });
  assert.match(await summary.getText(), /^Read all 40 rows: \d+ columns\.$/);
  // `score` holds numbers and text: the sample shows both types.
  assert.match(await (await browser.$('tr[data-column="score"]')).getText(), /DOUBLE[\s\S]*STRING|STRING[\s\S]*DOUBLE/);
});

test("columns are mapped by dragging them with the pointer, and one is renamed", async () => {
  await app.step("Mapper");
  const schemaZone = await browser.$(".schema-scroll");
  await schemaZone.waitForDisplayed({ timeout: 10000 });
  const sourceFilter = await browser.$('input[aria-label="Filter source columns"]');
  for (const column of MAPPED) {
    if (await sourceFilter.isExisting()) await app.replaceText(sourceFilter, column);
    const handle = await browser.$(`//div[@role="listitem"][.//span[@class="source-name"][normalize-space()="${column}"]]//button[contains(@class,"source-grab")]`);
    await handle.waitForDisplayed({ timeout: 10000 });
    // Below the rows already there: dropping on the empty end of the list appends.
    const zone = await browser.execute((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, height: r.height };
    }, schemaZone);
    await app.drag(handle, { origin: "viewport", x: Math.round(zone.left + 60), y: Math.round(zone.top + Math.min(zone.height - 20, 300)) });
    await browser.waitUntil(
      async () => (await browser.$$('.schema-pane [role="listitem"]')).length >= MAPPED.indexOf(column) + 1,
      { timeout: 5000, timeoutMsg: `${column} was not added by dragging` },
    );
  }
  if (await sourceFilter.isExisting()) await app.replaceText(sourceFilter, "");
  const rename = await browser.$('input[aria-label="Output name for name"]');
  await app.replaceText(rename, "full_name");
  // A column of two types has no default target: the analyst picks one, knowing what is lost.
  await (await browser.$('select[aria-label="Parquet type for score"]')).selectByAttribute("value", "DOUBLE");
  const outputs = await browser.$$('.schema-pane input[aria-label^="Output name for"]');
  const names = [];
  for (const output of outputs) names.push(await output.getValue());
  assert.deepEqual(names, EXPECTED_COLUMNS);
  // The mixed column is flagged with how many sampled rows it would lose.
  await browser.waitUntil(async () => /dirty|mixes types/i.test(await (await browser.$(".schema-pane")).getText()), {
    timeout: 10000,
    timeoutMsg: "the mixed-type column was not flagged",
  });
  await app.screenshot("mapper");
});

test("a bad task name and a bucket in another region are refused by their fields before any call", async () => {
  await app.step("Settings");
  const name = await app.field("Task name");
  await app.replaceText(name, "Bad_Name");
  const bucket = await app.field("OSS bucket");
  await app.replaceText(bucket, "sandbox-beijing");
  await browser.waitUntil(async () => (await name.getAttribute("aria-invalid")) === "true", {
    timeout: 10000,
    timeoutMsg: "the task name was not marked invalid",
  });
  await browser.waitUntil(async () => (await bucket.getAttribute("aria-invalid")) === "true", {
    timeout: 10000,
    timeoutMsg: "the other-region bucket was not marked invalid",
  });
  assert.ok(await (await browser.$('[data-issue-code="invalid_task_name"]')).isDisplayed());
  assert.ok(await (await browser.$('[data-issue-code="bucket_wrong_region"]')).isDisplayed());
  await app.screenshot("settings-refused");
  await app.step("Review");
  const create = await browser.$("#create-task");
  await create.waitForDisplayed({ timeout: 10000 });
  assert.equal(await create.isEnabled(), false);
  assert.match(await (await browser.$("#create-blocked")).getText(), /Fix the \d+ errors/);
  assert.deepEqual(await app.invoke("list_delivery_tasks", { profile: "sandbox", table: "users" }), []);
});

test("settings with time variables and the role created make a valid request", async () => {
  await app.step("Settings");
  await app.replaceText(await app.field("Task name"), TASK);
  await app.replaceText(await app.field("OSS bucket"), "sandbox-delivery");
  const prefix = await app.field("OSS prefix (folder inside the bucket)");
  await app.replaceText(prefix, "e2e/users/");
  await (await browser.$('button[aria-label^="Insert $yyyy"]')).click();
  await prefix.addValue("/");
  await (await browser.$('button[aria-label^="Insert $MM"]')).click();
  assert.equal(await prefix.getValue(), "e2e/users/$yyyy/$MM");
  const year = String(new Date().getUTCFullYear());
  try {
    await browser.waitUntil(async () => (await browser.$("body").getText()).includes(`oss://sandbox-delivery/e2e/users/${year}/`), {
      timeout: 10000,
      timeoutMsg: "no example object path for this year",
    });
  } catch (error) {
    await app.screenshot("settings-no-preview");
    throw error;
  }
  const createRole = await browser.$("#create-role");
  await createRole.waitForDisplayed({ timeout: 15000 });
  await createRole.click();
  await browser.waitUntil(async () => (await browser.$("body").getText()).includes("The role exists in account"), {
    timeout: 15000,
  });
  await app.screenshot("settings");
});

test("one click creates the task, which delivers a Parquet file with exactly the mapped columns", async () => {
  await app.step("Review");
  const json = await browser.$("#request-json");
  await browser.waitUntil(async () => (await json.getText()).includes(`"taskName": "${TASK}"`), { timeout: 10000 });
  assert.match(await json.getText(), /"taskType": "BASE_INC"/);
  assert.doesNotMatch(await json.getText(), /SandboxDemoSecret/);
  const create = await browser.$("#create-task");
  await browser.waitUntil(() => create.isEnabled(), { timeout: 10000, timeoutMsg: "Create stayed disabled" });
  await create.click();
  const details = await browser.$(`.task-details[data-task="${TASK}"]`);
  await details.waitForDisplayed({ timeout: 20000 });
  const tasks = await app.invoke("list_delivery_tasks", { profile: "sandbox", table: "users" });
  assert.deepEqual(tasks.map((t) => t.taskName), [TASK], "created exactly once");

  // The sandbox runs the task for real; the app lists what it wrote (refresh until it shows).
  const files = await browser.$(`.delivered-files[data-task="${TASK}"]`);
  await files.waitForDisplayed({ timeout: 10000 });
  let key = null;
  await browser.waitUntil(
    async () => {
      const row = await browser.$(`.delivered-files[data-task="${TASK}"] tr[data-key]`);
      if (await row.isExisting()) {
        key = await row.getAttribute("data-key");
        return true;
      }
      const refresh = await files.$("button");
      if (await refresh.isExisting()) await refresh.click();
      return false;
    },
    { timeout: 60000, interval: 1000, timeoutMsg: "no delivered file listed" },
  );
  assert.match(key, new RegExp(`^e2e/users/${new Date().getUTCFullYear()}/\\d{2}/${TASK}_`));
  await app.screenshot("delivered");

  const { sandbox } = await app.invoke("app_info");
  const read = JSON.parse(
    execFileSync(path.join(ROOT, ".venv/bin/python"), [path.join(ROOT, "tests/e2e/read_delivered.py"), sandbox.endpoints.oss, "sandbox-delivery", key], {
      encoding: "utf8",
    }),
  );
  assert.deepEqual(read.columns, EXPECTED_COLUMNS);
  assert.deepEqual(read.types, ["string", "string", "int64", "double"]);
  assert.ok(read.rows > 0 && read.rows <= 40, `${read.rows} rows`);
});
