// The mapper in Debian's Chromium, on its harness page (ui/mapper-harness.html, fixture columns
// from the query string): drag and drop with a real pointer, and the filter's time per
// keystroke with 2,000 columns (printed, not asserted). The harness is built here into a
// temporary folder, so the app's own bundle (ui/dist) never contains it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { launchChromium } from "./chromium.mjs";
import { serveDist } from "./serve-dist.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = process.env.TEST_ARTIFACTS ?? path.join(ROOT, "test-artifacts");
let outDir;
let server;
let browser;

/** Builds only the harness page with the app's Vite config, into `dir`. */
function buildHarness(dir) {
  const script = `
    import { build } from "vite";
    await build({
      configFile: "vite.config.ts",
      logLevel: "warn",
      build: { outDir: ${JSON.stringify(dir)}, emptyOutDir: true, rollupOptions: { input: "mapper-harness.html" } },
    });`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: path.join(ROOT, "ui"), encoding: "utf8" });
  assert.equal(result.status, 0, `harness build failed:\n${result.stdout}\n${result.stderr}`);
}

before(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "mapper-harness-"));
  buildHarness(outDir);
  server = await serveDist(outDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Serious and critical axe-core findings on the mapper, colour contrast included (real layout here). */
async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(ROOT, "ui/node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector(".mapper"), { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, targets: v.nodes.map((node) => node.target.join(" ")) }));
  });
}

async function openHarness(query, colorScheme = "light") {
  const context = await browser.newContext({ locale: "en-US", colorScheme, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${server.url}mapper-harness.html?${query}`);
  await page.locator(".mapper").waitFor();
  return { context, page, errors };
}

/** Output names in schema order, as the page shows them. */
async function outputNames(page) {
  return page.locator(".schema-row .schema-output").evaluateAll((inputs) => inputs.map((input) => input.value));
}

async function center(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, "element is on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses at `from`, moves in small steps (dnd-kit needs real moves past its activation distance), releases at `to`. */
async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
}

function sourceRow(page, name) {
  return page.locator(".source-grab", { has: page.locator(".source-name", { hasText: new RegExp(`^${name}$`) }) });
}

test("a pointer drags source columns into the schema and reorders schema rows", async () => {
  const { context, page, errors } = await openHarness("columns=40&mapped=3");
  assert.deepEqual(await outputNames(page), ["user_id", "event_time", "amount"]);

  // Reorder: the first row's handle, dropped on the third row.
  const handles = page.locator(".schema-row .drag-handle");
  await drag(page, await center(handles.nth(0)), await center(page.locator(".schema-row").nth(2)));
  await page.waitForFunction(() => document.querySelectorAll(".schema-row .schema-output")[2]?.value === "user_id");
  assert.deepEqual(await outputNames(page), ["event_time", "amount", "user_id"]);

  // A source column dropped on the empty part of the schema pane is appended.
  const pane = await page.locator(".schema-scroll").boundingBox();
  await drag(page, await center(sourceRow(page, "price")), { x: pane.x + pane.width / 2, y: pane.y + pane.height - 40 });
  await page.waitForFunction(() => document.querySelectorAll(".schema-row").length === 4);
  assert.deepEqual(await outputNames(page), ["event_time", "amount", "user_id", "price"]);

  // A source column dropped on a row is inserted at that row's place.
  await drag(page, await center(sourceRow(page, "thumbnail")), await center(page.locator(".schema-row").nth(0)));
  await page.waitForFunction(() => document.querySelectorAll(".schema-row").length === 5);
  assert.deepEqual(await outputNames(page), ["thumbnail", "event_time", "amount", "user_id", "price"]);

  // The mapped columns are marked on the left, and the row problems show at once.
  assert.equal(await sourceRow(page, "price").locator(".mapped-mark").count(), 1);
  const priceRow = page.locator(".schema-row", { has: page.locator('input[value="price"]') });
  assert.match(await priceRow.locator(".row-problems").textContent(), /Mixed types: DOUBLE 800, STRING 200/);
  const schema = await page.evaluate(() => window.mapperHarness.schema);
  assert.deepEqual(schema.map((entry) => entry.sourceColumn), ["thumbnail", "event_time", "amount", "user_id", "price"]);

  // Undo walks back over the three drags.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  assert.deepEqual(await outputNames(page), ["event_time", "amount", "user_id"]);

  mkdirSync(artifacts, { recursive: true });
  await page.getByRole("button", { name: "Redo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await page.screenshot({ path: path.join(artifacts, "browser-mapper.png") });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the keyboard picks up a row with Space, moves it with the arrows and drops it, announced in Chinese", async () => {
  const { context, page, errors } = await openHarness("columns=40&mapped=3&lang=zh-CN");
  const handle = page.getByRole("button", { name: "移动 user_id，第 1 位，共 3 位" });
  await handle.focus();
  await page.keyboard.press("Space");
  const live = page.locator("[id^=DndLiveRegion]");
  await page.locator('.schema-row[data-dragging="true"]').waitFor();
  const announced = (text) => page.waitForFunction((t) => document.querySelector("[id^=DndLiveRegion]")?.textContent?.includes(t), text);
  await page.keyboard.press("ArrowDown");
  await announced("user_id 位于第 2 位上方，共 3 位。");
  await page.keyboard.press("ArrowDown");
  await announced("user_id 位于第 3 位上方，共 3 位。");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelectorAll(".schema-row .schema-output")[2]?.value === "user_id");
  assert.deepEqual(await outputNames(page), ["event_time", "amount", "user_id"]);
  await page.waitForFunction(() => document.querySelector("[id^=DndLiveRegion]")?.textContent?.includes("已放在第 3 位"));
  assert.match(await live.textContent(), /user_id 已放在第 3 位，共 3 位。/);
  // Focus stays on the moved row's handle, so the next key press acts on it again.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "移动 user_id，第 3 位，共 3 位");
  assert.deepEqual(errors, []);
  await context.close();
});

test("renaming with 2,000 output rows: time per keystroke (benchmark)", async () => {
  const { context, page, errors } = await openHarness("columns=2000&mapped=2000");
  const input = page.getByRole("textbox", { name: "Output name for amount" });
  await input.focus();
  await page.keyboard.press("End");
  const times = [];
  for (const key of "_eur") {
    await page.evaluate(() => {
      window.keystroke = new Promise((resolve) => {
        let start = 0;
        window.addEventListener("keydown", () => (start = performance.now()), { once: true, capture: true });
        window.addEventListener("input", () => queueMicrotask(() => resolve(performance.now() - start)), { once: true });
      });
    });
    await page.keyboard.press(key);
    times.push(await page.evaluate(() => window.keystroke));
  }
  assert.equal(await input.inputValue(), "amount_eur");
  const schema = await page.evaluate(() => window.mapperHarness.schema);
  assert.equal(schema[2].outputName, "amount_eur");
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`mapper rename (2000 rows): median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms per keystroke (keydown to the DOM updated)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the mapper in the dark theme, with no serious axe-core finding (contrast included)", async () => {
  const { context, page, errors } = await openHarness("columns=40&mapped=6", "dark");
  const background = await page.locator(".schema-row").first().evaluate((row) => getComputedStyle(row).backgroundColor);
  assert.equal(background, "rgb(29, 35, 44)");
  assert.deepEqual(await axeViolations(page), []);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, "browser-mapper-dark.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("filtering 2,000 columns: time per keystroke (benchmark) and the right rows", async () => {
  const { context, page, errors } = await openHarness("columns=2000&mapped=2000");
  await page.locator(".schema-row").first().waitFor();
  const filter = page.getByRole("searchbox", { name: "Filter source columns" });
  await filter.focus();
  const typed = "Order_Status_1";
  const times = [];
  const updates = [];
  for (const key of typed) {
    // In the page: from the keydown until React updated the list, and until the frame after it.
    await page.evaluate(() => {
      window.keystroke = new Promise((resolve) => {
        let start = 0;
        window.addEventListener("keydown", () => (start = performance.now()), { once: true, capture: true });
        window.addEventListener(
          "input",
          () => {
            queueMicrotask(() => {
              const updated = performance.now();
              requestAnimationFrame(() => setTimeout(() => resolve({ update: updated - start, frame: performance.now() - start })));
            });
          },
          { once: true },
        );
      });
    });
    await page.keyboard.press(key);
    const measured = page.evaluate(() => window.keystroke);
    const { update, frame } = await measured;
    times.push(frame);
    updates.push(update);
  }
  const needle = typed.toLowerCase();
  const names = await page.evaluate(() => window.mapperHarness.columnNames);
  const expected = names.filter((name) => name.toLowerCase().includes(needle));
  assert.ok(expected.length > 0 && expected.length < 2000, `${expected.length} columns match`);
  const source = page.getByRole("region", { name: "Source columns" });
  assert.equal(await source.locator(".mapper-pane-count").textContent(), `${expected.length} of 2000`);
  const shown = await source.locator(".source-name").allTextContents();
  assert.deepEqual(shown, expected.slice(0, shown.length));

  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
  };
  const frame = stats(times);
  const update = stats(updates);
  console.log(`mapper filter (2000 columns): median ${frame.median.toFixed(1)} ms, max ${frame.max.toFixed(1)} ms per keystroke (keydown to the next frame)`);
  console.log(`mapper filter (2000 columns): median ${update.median.toFixed(1)} ms, max ${update.max.toFixed(1)} ms per keystroke (keydown to the DOM updated)`);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, "browser-mapper-2000-filtered.png") });
  assert.deepEqual(errors, []);
  await context.close();
});
