// The app as installed from the .deb (/usr/bin), in a real window: the first screen appears.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { openApp } from "../e2e/window.mjs";

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

test("the installed app opens on the first-start screen with its embedded UI", async () => {
  const heading = await browser.$("h1");
  await heading.waitForDisplayed({ timeout: 15000 });
  assert.equal(await heading.getText(), "Welcome to Tablestore Delivery Studio");
  assert.match(await (await browser.$("#app-version")).getText(), /^Version 0\.1\.0$/);
  // The release identifier's own data folder, inside run.sh's throwaway HOME.
  assert.match(await (await browser.$("#data-dir")).getText(), /com\.tablestore-delivery-studio\.desktop$/);
  await browser.pause(500);
  writeFileSync(path.join(artifacts, "installed-first-start.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
});
