// Shared pieces of the browser tests: Debian's Chromium launched headless, and the axe-core
// scan with colour contrast (real layout here, unlike jsdom).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { serveDist } from "./serve-dist.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where screenshots go (CI's test-artifacts folder). */
export const ARTIFACTS = process.env.TEST_ARTIFACTS ?? path.join(ROOT, "test-artifacts");

/** Headless Chromium with nothing reaching out to the network on its own. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** The production bundle (ui/dist) served on loopback at `url`, and Chromium to open it; `close` stops both. */
export async function openBuiltUi() {
  const server = await serveDist(path.join(ROOT, "ui/dist"));
  const browser = await launchChromium();
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Serious and critical axe-core findings inside `selector`, colour contrast included. */
export async function seriousAxeViolations(page, selector) {
  await page.addScriptTag({ path: path.join(ROOT, "ui/node_modules/axe-core/axe.min.js") });
  return page.evaluate(async (root) => {
    const result = await window.axe.run(document.querySelector(root), { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, targets: v.nodes.map((node) => node.target.join(" ")) }));
  }, selector);
}
