// Shared pieces of the browser tests: Debian's Chromium launched headless, and the axe-core
// scan with colour contrast (real layout here, unlike jsdom).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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
