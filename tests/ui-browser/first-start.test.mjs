// The built UI (ui/dist) in Debian's Chromium, with Tauri's IPC bridge stubbed before load:
// proves the production bundle renders, talks only through IPC, and shows coded errors.
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

/** Opens the UI with an IPC bridge whose answers come from `answers` (cmd → result or {error}). */
async function openWithIpc(answers, locale = "en-US") {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript((table) => {
    window.__IPC_CALLS__ = [];
    window.__TAURI_INTERNALS__ = {
      transformCallback: () => 0,
      invoke: async (cmd, args) => {
        window.__IPC_CALLS__.push({ cmd, args });
        const answer = table[cmd];
        if (answer === undefined) throw `command ${cmd} not found`;
        if (answer && answer.error) throw answer.error;
        return answer;
      },
    };
  }, answers);
  await page.goto(ui.url);
  return { page, errors };
}

const INFO = {
  version: "0.1.0",
  dataDir: "/home/analyst/.local/share/com.tablestore-delivery-studio.app",
  sandbox: { running: false, endpoints: null },
  locale: null,
};

test("the production bundle renders the first-start screen from app_info", async () => {
  const { page, errors } = await openWithIpc({ app_info: INFO, list_profiles: [] });
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Welcome to Tablestore Delivery Studio");
  assert.equal(await page.getByRole("button", { name: "Add a profile" }).count(), 1);
  assert.equal(await page.getByRole("button", { name: "Try the sandbox" }).count(), 1);
  assert.equal(await page.locator("#app-version").textContent(), "Version 0.1.0");
  const calls = await page.evaluate(() => window.__IPC_CALLS__.map((c) => c.cmd));
  assert.ok(calls.every((cmd) => cmd === "app_info" || cmd === "list_profiles"), calls.join());
  assert.deepEqual(errors, []);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-first-start.png") });
});

test("a Chinese system language gets the Simplified Chinese catalogue", async () => {
  const { page } = await openWithIpc({ app_info: INFO, list_profiles: [] }, "zh-CN");
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "欢迎使用表格存储投递工作室");
});

test("a coded error from Rust shows its message and remedy, not a debug dump", async () => {
  const error = {
    code: "storage_failed",
    message: "could not read /data/preferences.json: permission denied",
    remedy: "Check that the folder exists and that you may write to it.",
    serviceCode: null,
    requestId: null,
  };
  const { page } = await openWithIpc({ app_info: { error }, list_profiles: [] });
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.equal(await alert.getAttribute("data-error-code"), "storage_failed");
  const text = await alert.textContent();
  assert.ok(text.includes(error.message) && text.includes(error.remedy), text);
  assert.ok(!text.includes("{") && !text.includes("serviceCode"), text);
});

test("first start → Add a profile → fill the form → created → shown in the header", async () => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  // A small stateful fake of the profile commands: create_profile stores what list_profiles returns.
  await page.addInitScript((info) => {
    const profiles = [];
    window.__IPC_CALLS__ = [];
    const answers = {
      app_info: () => info,
      list_profiles: () => profiles,
      known_regions: () => [
        { id: "cn-hangzhou", nameEn: "China (Hangzhou)", nameZh: "华东1（杭州）" },
        { id: "cn-beijing", nameEn: "China (Beijing)", nameZh: "华北2（北京）" },
      ],
      create_profile: ({ request }) => {
        const summary = {
          name: request.name,
          kind: "stored",
          accessKeyId: request.accessKeyId,
          accessKeyIdMasked: `${request.accessKeyId.slice(0, 4)}****${request.accessKeyId.slice(-4)}`,
          region: request.region,
          instanceName: request.instanceName,
          endpoints: { tablestore: null, oss: null, sts: null },
          hasSecurityToken: request.securityToken !== null,
          status: "ready",
        };
        profiles.push(summary);
        return summary;
      },
      test_connection: () => ({
        accountId: "1234567890123456",
        callerArn: null,
        checks: [
          { action: "ots:ListTable", ok: true, found: 2, error: null, grant: null },
          { action: "oss:ListBuckets", ok: true, found: 1, error: null, grant: null },
        ],
      }),
      list_tables: () => ["orders"],
      list_buckets: () => [{ name: "analytics-out", region: "cn-beijing", sameRegion: true }],
    };
    window.__TAURI_INTERNALS__ = {
      transformCallback: () => 0,
      invoke: async (cmd, args) => {
        window.__IPC_CALLS__.push({ cmd, args });
        const answer = answers[cmd];
        if (!answer) throw `command ${cmd} not found`;
        return answer(args);
      },
    };
  }, INFO);
  await page.goto(ui.url);
  await page.locator("#add-profile").click();
  await page.getByLabel("Profile name").fill("analytics");
  await page.getByLabel("AccessKey ID").fill("LTAI5tAbCdEfGhIjKlMnOpQr");
  // A wrong region is flagged while typing, before anything is sent.
  await page.getByLabel("Region").fill("Beijing");
  await page.getByText("Region IDs are lowercase.").waitFor();
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-profile-form.png"), fullPage: true });
  // The region combobox filters the known regions by name; arrows and Enter pick one.
  const region = page.getByRole("combobox", { name: "Region" });
  await region.fill("beij");
  await page.getByRole("option", { name: /cn-beijing/ }).waitFor();
  await region.press("ArrowDown");
  await region.press("Enter");
  assert.equal(await region.inputValue(), "cn-beijing");
  assert.equal(await page.locator(".region-name").textContent(), "China (Beijing)");
  const secret = page.getByLabel("AccessKey secret");
  assert.equal(await secret.getAttribute("type"), "password");
  await secret.fill("s3cretS3cretS3cretS3cret12");
  await page.getByLabel("Tablestore instance name").fill("analytics-01");
  await page.getByRole("button", { name: "Create profile" }).click();
  await page.getByRole("heading", { name: "Profile analytics created." }).waitFor();
  const current = page.locator("#current-profile");
  await page.waitForFunction(() => document.querySelector("#current-profile")?.textContent?.includes("analytics"));
  assert.match(await current.textContent(), /Profile analytics · cn-beijing/);
  await page.locator("#test-connection").click();
  await page.locator(".permission-check").first().waitFor();
  assert.equal(await page.locator(".permission-check").count(), 2);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-profile-created.png") });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#profile-line").waitFor();
  assert.equal(await page.locator("#profile-line").textContent(), "Profile analytics · region cn-beijing · instance analytics-01");
  // The secret went to create_profile once and is nowhere on screen or in storage afterwards.
  const calls = await page.evaluate(() => window.__IPC_CALLS__);
  const creates = calls.filter((c) => c.cmd === "create_profile");
  assert.equal(creates.length, 1);
  assert.equal(creates[0].args.request.accessKeySecret, "s3cretS3cretS3cretS3cret12");
  const html = await page.content();
  assert.ok(!html.includes("s3cretS3cret"), "secret not in the DOM");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.equal(stored, JSON.stringify({ "tsds.lastProfile": "analytics" }));
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-profile-workspace.png") });
  await context.close();
});

test("import: the preview lists found credentials, one is imported under a chosen name (dark theme)", async () => {
  const context = await browser.newContext({ locale: "en-US", colorScheme: "dark" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript((info) => {
    const profiles = [];
    window.__IPC_CALLS__ = [];
    const answers = {
      app_info: () => info,
      list_profiles: () => profiles,
      known_regions: () => [{ id: "cn-hangzhou", nameEn: "China (Hangzhou)", nameZh: "华东1（杭州）" }],
      import_preview: () => ({
        candidates: [
          {
            source: "aliyun_cli", sourceName: "default", detail: "~/.aliyun/config.json", suggestedName: "default",
            accessKeyIdMasked: "LTAI****abcd", hasSecurityToken: false, region: "cn-hangzhou", isCurrent: true,
          },
          {
            source: "environment", sourceName: "environment", detail: "ALIBABA_CLOUD_ACCESS_KEY_ID",
            suggestedName: "env", accessKeyIdMasked: "STS.****9876", hasSecurityToken: true, region: null, isCurrent: false,
          },
        ],
        unsupported: [{ source: "aliyun_cli", sourceName: "ecs", mode: "EcsRamRole", reason: "needs the instance metadata service" }],
      }),
      import_profile: ({ request }) => {
        const summary = {
          name: request.name, kind: "stored", accessKeyId: "LTAI5tAbCdEfGhIjKlMnabcd", accessKeyIdMasked: "LTAI****abcd",
          region: request.region ?? "cn-hangzhou", instanceName: request.instanceName,
          endpoints: { tablestore: null, oss: null, sts: null }, hasSecurityToken: false, status: "ready",
        };
        profiles.push(summary);
        return summary;
      },
      list_tables: () => ["orders"],
      list_buckets: () => [],
    };
    window.__TAURI_INTERNALS__ = {
      transformCallback: () => 0,
      invoke: async (cmd, args) => {
        window.__IPC_CALLS__.push({ cmd, args });
        const answer = answers[cmd];
        if (!answer) throw `command ${cmd} not found`;
        return answer(args);
      },
    };
  }, INFO);
  await page.goto(ui.url);
  await page.locator("#import-profile").click();
  const dialog = page.getByRole("dialog", { name: "Import a profile" });
  await dialog.getByRole("radio", { name: /default/ }).check();
  assert.equal(await dialog.getByLabel("Profile name").inputValue(), "default");
  await dialog.getByLabel("Profile name").fill("cli-default");
  await dialog.getByLabel("Tablestore instance name").fill("prod-inst");
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-import-dialog-dark.png") });
  await dialog.getByRole("button", { name: "Import" }).click();
  await page.locator("#profile-line").waitFor();
  assert.equal(await page.locator("#profile-line").textContent(), "Profile cli-default · region cn-hangzhou · instance prod-inst");
  const sent = await page.evaluate(() => window.__IPC_CALLS__.filter((c) => c.cmd === "import_profile").map((c) => c.args.request));
  assert.deepEqual(sent, [
    { source: "aliyun_cli", sourceName: "default", name: "cli-default", instanceName: "prod-inst", region: null },
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the profile form in Simplified Chinese checks fields in Chinese and finds regions by Chinese name", async () => {
  const { page, errors } = await openWithIpc(
    {
      app_info: INFO,
      list_profiles: [],
      known_regions: [
        { id: "cn-hangzhou", nameEn: "China (Hangzhou)", nameZh: "华东1（杭州）" },
        { id: "cn-beijing", nameEn: "China (Beijing)", nameZh: "华北2（北京）" },
      ],
    },
    "zh-CN",
  );
  await page.locator("#add-profile").click();
  await page.getByLabel("配置名称").fill("-坏名字");
  await page.getByText("名称以“-”开头，请以字母或数字开头。").waitFor();
  const region = page.getByRole("combobox", { name: "地域" });
  await region.fill("北京");
  await page.getByRole("option", { name: /cn-beijing/ }).click();
  assert.equal(await region.inputValue(), "cn-beijing");
  assert.equal(await page.locator(".region-name").textContent(), "华北2（北京）");
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-profile-form-zh.png"), fullPage: true });
  assert.deepEqual(errors, []);
});
