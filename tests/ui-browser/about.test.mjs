// The About box in Debian's Chromium against the built UI (ui/dist), with a stubbed IPC that
// answers third_party_licences with the real generated list as Rust sends it (each text once,
// packages naming theirs by id; the UI spells them out): the list loads, a package's licence text opens
// from the keyboard, Chinese labels, an axe-core scan with colour contrast and a screenshot.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { ARTIFACTS, ROOT, openBuiltUi, seriousAxeViolations } from "./chromium.mjs";

/** The committed list, which the `third_party_licences` command sends as it is. */
const SENT = JSON.parse(readFileSync(path.join(ROOT, "src-tauri/third-party-licences.json"), "utf8"));

/** The same with each package's texts looked up by id, for the expectations below. */
function shippedPackages() {
  const list = SENT;
  const texts = new Map(list.texts.map((t) => [t.id, t.text]));
  return list.packages.map((p) => ({
    ...p,
    licenceTexts: p.licenceTexts.map((r) => ({ name: r.name, standard: r.standard, id: r.text, text: texts.get(r.text) })),
  }));
}

const PACKAGES = shippedPackages();
const TAURI = PACKAGES.find((p) => p.name === "tauri");

let ui;

before(async () => {
  ui = await openBuiltUi();
});

after(async () => {
  await ui?.close();
});

async function openAbout(locale) {
  const context = await ui.browser.newContext({ locale, viewport: { width: 1200, height: 780 } });
  const page = await context.newPage();
  await page.addInitScript((licences) => {
    const answers = {
      app_info: { version: "0.1.0", dataDir: "/home/analyst/.local/share/tsds", sandbox: { running: false, endpoints: null }, locale: null },
      list_profiles: [],
      third_party_licences: licences,
    };
    window.__TAURI_INTERNALS__ = {
      transformCallback: () => 0,
      invoke: async (cmd) => {
        if (!(cmd in answers)) throw `command ${cmd} not found`;
        return answers[cmd];
      },
    };
  }, SENT);
  await page.goto(ui.url);
  await page.locator("#open-about").waitFor();
  return page;
}

test("the About box lists every shipped package and opens a package's licence text from the keyboard", async () => {
  const page = await openAbout("en-US");
  const started = Date.now();
  await page.locator("#open-about").click();
  await page.locator("#licence-count").filter({ hasText: `${PACKAGES.length} of ${PACKAGES.length} packages` }).waitFor();
  console.log(`${PACKAGES.length} packages with their texts shown ${Date.now() - started} ms after the click`);

  const show = page.getByRole("button", { name: `Show the licence text of tauri ${TAURI.version}` });
  await show.focus();
  await page.keyboard.press("Enter");
  const hide = page.getByRole("button", { name: `Hide the licence text of tauri ${TAURI.version}` });
  assert.equal(await hide.getAttribute("aria-expanded"), "true");
  const texts = page.locator(`#${await hide.getAttribute("aria-controls")}`.replaceAll(":", "\\:"));
  assert.deepEqual(await texts.getByRole("heading", { level: 3 }).allTextContents(), TAURI.licenceTexts.map((t) => t.name));
  assert.equal(await texts.getByText("Copyright (c) 2017 - Present Tauri Apps Contributors").count(), 1);
  assert.match(await texts.innerText(), /The same text comes with \d+ packages\./);

  assert.deepEqual(await seriousAxeViolations(page, '[role="dialog"]'), []);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "browser-about-licence-text.png") });

  await page.keyboard.press("Enter");
  assert.equal(await show.getAttribute("aria-expanded"), "false");
  await page.context().close();
});

test("a package without a licence file of its own shows the standard text and its authors, in Chinese too", async () => {
  const page = await openAbout("zh-CN");
  await page.locator("#open-about").click();
  const tsRs = PACKAGES.find((p) => p.name === "ts-rs");
  await page.getByRole("button", { name: `显示 ts-rs ${tsRs.version} 的许可证文本` }).click();
  await page.getByRole("heading", { name: "MIT 标准文本（该软件包未附带自己的许可证文件）" }).waitFor();
  assert.equal(await page.getByText(`版权持有人（即该软件包列出的作者）：${tsRs.authors.join(", ")}`).count(), 1);
  assert.equal(await page.getByRole("button", { name: `隐藏 ts-rs ${tsRs.version} 的许可证文本` }).getAttribute("aria-expanded"), "true");
  await page.context().close();
});
