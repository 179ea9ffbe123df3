// The profiles page in Debian's Chromium against the built UI (ui/dist), with a stubbed IPC: a
// profile with a long name must not widen the page or squeeze its name at the default window
// (1200 x 780) or the smallest (900 x 600); its buttons read "Use", "Edit", "Delete" and keep the
// profile's name in their accessible names.
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

const LONG_NAME = "prod-analytics-hangzhou";

/** A stored profile with a long name and the sandbox; no profile chosen, so the page opens. */
function installFakeBackend(longName) {
  const profile = (over) => ({
    kind: "stored", accessKeyId: "LTAI5tFakeLayoutTest1234", accessKeyIdMasked: "LTAI****1234", region: "cn-hangzhou",
    instanceName: "analytics-prod-01", endpoints: { tablestore: null, oss: null, sts: null }, hasSecurityToken: false, status: "ready", ...over,
  });
  const answers = {
    app_info: { version: "0.1.0", dataDir: "/home/analyst/.local/share/tsds", sandbox: { running: true, endpoints: null }, locale: null },
    list_profiles: [
      profile({ name: longName }),
      profile({ name: "temp-sts", accessKeyIdMasked: "STS.****1234", hasSecurityToken: true, instanceName: "" }),
      profile({ name: "sandbox", kind: "sandbox", instanceName: "sandbox-demo" }),
    ],
  };
  window.__TAURI_INTERNALS__ = {
    transformCallback: () => 0,
    invoke: async (cmd) => {
      if (!(cmd in answers)) throw `command ${cmd} not found`;
      return answers[cmd];
    },
  };
}

test("a long profile name neither widens the page nor is squeezed, and its buttons are short with full accessible names", async () => {
  for (const [width, height] of [[1200, 780], [900, 600]]) {
    for (const locale of ["en-US", "zh-CN"]) {
      const where = `${width}x${height} ${locale}`;
      const context = await browser.newContext({ locale, viewport: { width, height } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.addInitScript(installFakeBackend, LONG_NAME);
      await page.goto(ui.url);
      const row = page.locator(`li.profile-row[data-profile="${LONG_NAME}"]`);
      await row.waitFor();
      if (locale === "en-US") {
        for (const verb of ["Use", "Edit", "Delete"]) {
          const button = row.getByRole("button", { name: `${verb} ${LONG_NAME}` });
          assert.equal((await button.innerText()).trim(), verb, `${where}: ${verb}`);
        }
      }
      const sizes = await page.evaluate((name) => {
        const row = document.querySelector(`li.profile-row[data-profile="${name}"]`);
        const rowBox = row.getBoundingClientRect();
        const strong = row.querySelector(".profile-row-text strong");
        const range = document.createRange();
        range.selectNodeContents(strong);
        return {
          page: document.documentElement.scrollWidth,
          window: window.innerWidth,
          // One line box per line the name takes.
          nameLines: range.getClientRects().length,
          outside: [...row.querySelectorAll("button")]
            .filter((button) => button.getBoundingClientRect().right > rowBox.right + 1)
            .map((button) => button.textContent),
        };
      }, LONG_NAME);
      assert.ok(sizes.page <= sizes.window, `${where}: page ${sizes.page}px wide in a ${sizes.window}px window`);
      assert.deepEqual(sizes.outside, [], `${where}: buttons beyond their row`);
      assert.equal(sizes.nameLines, 1, `${where}: the name is squeezed onto ${sizes.nameLines} lines`);
      await context.close();
    }
  }
});
