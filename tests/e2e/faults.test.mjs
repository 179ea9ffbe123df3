// The fault matrix through the real window: the in-app sandbox is told to misbehave (busy,
// corrupt, cut-off and dropped answers, a skewed clock, a revoked key, a create whose answer
// is lost or never arrives) and the app must show a coded message with a remedy, retry only
// where that is safe, never create a task twice, and keep the user's mapping and settings.
// Each row of the matrix is printed as "fault | what the user saw" for the record.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { openApp } from "./window.mjs";

let app;
let browser;
const matrix = [];

before(async () => {
  app = await openApp();
  browser = app.browser;
});

after(async () => {
  for (const [fault, seen] of matrix) console.log(`fault matrix | ${fault} | ${seen}`);
  await app?.close();
});

/** Samples `users` on the Schema step; answers the summary or the coded error shown. */
async function sample() {
  await app.step("Schema");
  const button = await browser.$("#sample-rows");
  await button.waitForEnabled({ timeout: 60000 });
  await button.click();
  const outcome = await browser.$('#sample-summary, [role="alert"][data-error-code]');
  await outcome.waitForDisplayed({ timeout: 60000 });
  // Let a running sample finish (the button comes back) before reading what it ended with.
  await button.waitForEnabled({ timeout: 60000 });
  const alert = await browser.$('[role="alert"][data-error-code]');
  if (await alert.isExisting()) {
    const remedy = await alert.$(".remedy");
    return {
      code: await alert.getAttribute("data-error-code"),
      message: await (await alert.$("p")).getText(),
      remedy: (await remedy.isExisting()) ? await remedy.getText() : null,
    };
  }
  return { summary: await (await browser.$("#sample-summary")).getText() };
}

test("the sandbox's users table is picked with the delivery bucket", async () => {
  await app.trySandbox();
  await app.pick("users", "sandbox-delivery");
});

for (const [name, faults, expected] of [
  ["every read answered busy", { busyRate: 1.0, operations: ["GetRange"] }, ["throttled", "server_error"]],
  ["every read answered with a corrupt body", { corruptRate: 1.0, operations: ["GetRange"] }, ["response_corrupt"]],
  ["every read answered with a cut-off body", { truncateRate: 1.0, operations: ["GetRange"] }, ["response_corrupt", "network"]],
  ["every read dropped without an answer", { dropRate: 1.0, operations: ["GetRange"] }, ["network"]],
  ["the computer's clock an hour off the service's", { clockSkewSeconds: 3600 }, ["clock_skew"]],
]) {
  test(`${name}: a coded message with a remedy, and the next try works`, async () => {
    await app.sandboxFaults(faults);
    const failed = await sample();
    await app.sandboxFaults({});
    assert.ok(expected.includes(failed.code), JSON.stringify(failed));
    assert.ok(failed.message.length > 10 && failed.remedy, JSON.stringify(failed));
    matrix.push([name, `${failed.code}: ${failed.message} — ${failed.remedy}`]);
    const retried = await sample();
    assert.match(retried.summary ?? JSON.stringify(retried), /^Read all 40 rows/);
  });
}

test("a third of reads answered busy: retried quietly, the sample completes", async () => {
  await app.sandboxFaults({ busyRate: 0.3, operations: ["GetRange", "DescribeTable"] });
  const outcome = await sample();
  await app.sandboxFaults({});
  assert.match(outcome.summary ?? JSON.stringify(outcome), /^Read all 40 rows/);
  matrix.push(["30 % of reads busy", `retried, no message: ${outcome.summary}`]);
});

/** Maps every column with a default type and fills the settings; returns nothing. */
async function prepareTask(task) {
  await app.step("Mapper");
  await (await browser.$("button=Add all")).click();
  await app.step("Settings");
  await app.replaceText(await app.field("Task name"), task);
  await app.replaceText(await app.field("OSS prefix (folder inside the bucket)"), "faults/$yyyy");
  const createRole = await browser.$("#create-role");
  if (await createRole.isExisting()) {
    await createRole.click();
    await browser.waitUntil(async () => (await browser.$("body").getText()).includes("The role exists in account"), { timeout: 15000 });
  }
  await app.step("Review");
  const create = await browser.$("#create-task");
  await browser.waitUntil(() => create.isEnabled(), { timeout: 15000, timeoutMsg: "Create stayed disabled" });
  return create;
}

const tasksOfUsers = async () => (await app.invoke("list_delivery_tasks", { profile: "sandbox", table: "users" })).map((t) => t.taskName);

test("a create whose answer is cut off is confirmed by listing, shown as created, and made once", async () => {
  const create = await prepareTask("faults-lost");
  await app.sandboxFaults({ truncateRate: 1.0, operations: ["CreateDeliveryTask"] });
  await create.click();
  await (await browser.$('.task-details[data-task="faults-lost"]')).waitForDisplayed({ timeout: 30000 });
  await app.sandboxFaults({});
  assert.deepEqual((await tasksOfUsers()).filter((t) => t === "faults-lost"), ["faults-lost"]);
  matrix.push(["create answered with a cut-off body", "confirmed through the task list; shown as created; exactly one task"]);
});

test("a create that never reached the service fails clearly; mapping and settings stay for the retry", async () => {
  const create = await prepareTask("faults-dropped");
  await app.sandboxFaults({ dropRate: 1.0, operations: ["CreateDeliveryTask"] });
  await create.click();
  const alert = await browser.$('[role="alert"][data-error-code]');
  await alert.waitForDisplayed({ timeout: 60000 });
  const code = await alert.getAttribute("data-error-code");
  const text = `${await (await alert.$("p")).getText()} — ${await (await alert.$(".remedy")).getText()}`;
  await app.sandboxFaults({});
  assert.equal(code, "network", text);
  assert.ok(!(await tasksOfUsers()).includes("faults-dropped"), "nothing was created");
  // Nothing the user entered is lost: the request still names the task and its columns.
  const json = await (await browser.$("#request-json")).getText();
  assert.match(json, /"taskName": "faults-dropped"/);
  assert.match(json, /"ossPrefix": "faults\/\$yyyy"/);
  await app.step("Mapper");
  assert.ok((await browser.$$('.schema-pane [role="listitem"]')).length > 0, "the mapping is still there");
  await app.step("Review");
  const again = await browser.$("#create-task");
  await browser.waitUntil(() => again.isEnabled(), { timeout: 15000 });
  await again.click();
  await (await browser.$('.task-details[data-task="faults-dropped"]')).waitForDisplayed({ timeout: 30000 });
  assert.deepEqual((await tasksOfUsers()).filter((t) => t === "faults-dropped"), ["faults-dropped"]);
  matrix.push(["create dropped before the service saw it", `${code}: ${text}; draft kept; retry created exactly one`]);
});

test("an expired STS token: a profile of temporary keys works, then every call says the token expired", async () => {
  const { sandbox } = await app.invoke("app_info");
  const issued = await (await fetch(`${sandbox.endpoints.admin}/sts`, { method: "POST" })).json();
  // Added through the profile form, as an analyst with temporary keys would.
  await (await browser.$(".switcher-button")).click();
  await (await browser.$("button=Add profile")).click();
  const form = {
    "Profile name": "sts-analyst",
    "AccessKey ID": issued.accessKeyId,
    "AccessKey secret": issued.accessKeySecret,
    "STS security token (optional)": issued.securityToken,
    Region: "cn-hangzhou",
    "Tablestore instance name": "sandbox-demo",
  };
  for (const [label, value] of Object.entries(form)) await app.replaceText(await app.field(label), value);
  await (await browser.$("summary=Advanced: custom endpoints")).click();
  await app.replaceText(await app.field("Tablestore endpoint"), sandbox.endpoints.tablestore);
  await app.replaceText(await app.field("OSS endpoint"), sandbox.endpoints.oss);
  await app.replaceText(await app.field("STS endpoint"), sandbox.endpoints.sts);
  await (await browser.$("button=Create profile")).click();
  const proceed = await browser.$("button=Continue");
  await proceed.waitForDisplayed({ timeout: 15000 });
  await proceed.click();
  const users = await browser.$('[role="option"]*=users');
  await users.waitForDisplayed({ timeout: 15000 });
  await users.click();
  const working = await sample();
  assert.match(working.summary ?? JSON.stringify(working), /^Read all 40 rows/, "the temporary keys work");

  await app.sandboxFaults({ expireTokens: true });
  const failed = await sample();
  await app.sandboxFaults({});
  assert.equal(failed.code, "credentials_expired", JSON.stringify(failed));
  assert.ok(failed.remedy, "a remedy is offered");
  matrix.push(["STS token expired", `${failed.code}: ${failed.message} — ${failed.remedy}`]);
  await app.screenshot("fault-sts-expired");
  // Back to the sandbox's own profile for the last row of the matrix; the stored profile (and its
  // keyring entries) go, so the next test file starts from a first start again.
  await (await browser.$(".switcher-button")).click();
  await (await browser.$('//button[contains(., "sandbox")]')).click();
  await (await browser.$('[role="option"]*=users')).click();
  await app.invoke("delete_profile", { name: "sts-analyst" });
});

test("a revoked key: every call refused with a coded message naming the key problem", async () => {
  const { sandbox } = await app.invoke("app_info");
  const revoked = await fetch(`${sandbox.endpoints.admin}/keys/LTAI5tSandboxDemoKey0001/revoke`, { method: "POST" });
  assert.ok(revoked.ok, `revoke: ${revoked.status}`);
  const failed = await sample();
  assert.equal(failed.code, "auth_failed", JSON.stringify(failed));
  assert.ok(failed.remedy, "a remedy is offered");
  matrix.push(["AccessKey revoked", `${failed.code}: ${failed.message} — ${failed.remedy}`]);
  await app.screenshot("fault-revoked-key");
});
