// The built UI (ui/dist) in Debian's Chromium, with Tauri's IPC bridge stubbed before load:
// proves the production bundle renders, talks only through IPC, and shows coded errors.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

import { serveDist } from "./serve-dist.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = process.env.TEST_ARTIFACTS ?? path.join(ROOT, "test-artifacts");
let server;
let browser;

before(async () => {
  server = await serveDist(path.join(ROOT, "ui/dist"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
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
  await page.goto(server.url);
  return { page, errors };
}

const INFO = {
  version: "0.1.0",
  dataDir: "/home/analyst/.local/share/com.tablestore-delivery-studio.app",
  sandbox: { running: false, endpoints: null },
  locale: null,
};

test("the production bundle renders the first-start screen from app_info", async () => {
  const { page, errors } = await openWithIpc({ app_info: INFO });
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Welcome to Tablestore Delivery Studio");
  assert.equal(await page.getByRole("button", { name: "Add a profile" }).count(), 1);
  assert.equal(await page.getByRole("button", { name: "Try the sandbox" }).count(), 1);
  assert.equal(await page.locator("#app-version").textContent(), "Version 0.1.0");
  const calls = await page.evaluate(() => window.__IPC_CALLS__.map((c) => c.cmd));
  assert.ok(calls.every((cmd) => cmd === "app_info"), calls.join());
  assert.deepEqual(errors, []);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, "browser-first-start.png") });
});

test("a Chinese system language gets the Simplified Chinese catalogue", async () => {
  const { page } = await openWithIpc({ app_info: INFO }, "zh-CN");
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
  const { page } = await openWithIpc({ app_info: { error } });
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.equal(await alert.getAttribute("data-error-code"), "storage_failed");
  const text = await alert.textContent();
  assert.ok(text.includes(error.message) && text.includes(error.remedy), text);
  assert.ok(!text.includes("{") && !text.includes("serviceCode"), text);
});
