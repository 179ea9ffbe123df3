// What the real-window tests share: a WebDriver session on the app (started by run.sh's
// tauri-driver) and the few gestures they all need, done the way a person does them.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = process.env.TEST_ARTIFACTS ?? path.join(ROOT, "test-artifacts");

/** Opens the app in a new window (a new app process with its own in-process sandbox). */
export async function openApp() {
  if (!process.env.TAURI_APP) throw new Error("TAURI_APP must name the app binary (run through run.sh)");
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    logLevel: "warn",
    capabilities: { "tauri:options": { application: process.env.TAURI_APP } },
  });
  return new AppWindow(browser);
}

export class AppWindow {
  constructor(browser) {
    this.browser = browser;
  }

  async close() {
    await this.browser.deleteSession();
  }

  async screenshot(name) {
    await this.browser.pause(300);
    writeFileSync(path.join(artifacts, `e2e-${name}.png`), Buffer.from(await this.browser.takeScreenshot(), "base64"));
  }

  /** Calls a command the way the UI does (the capability file allows it); throws its IpcError. */
  async invoke(cmd, args = {}) {
    const answer = await this.browser.executeAsync(
      (command, commandArgs, done) => {
        window.__TAURI_INTERNALS__.invoke(command, commandArgs).then(
          (value) => done({ ok: value }),
          (error) => done({ error }),
        );
      },
      cmd,
      args,
    );
    if ("error" in answer) throw Object.assign(new Error(`${cmd}: ${JSON.stringify(answer.error)}`), { ipc: answer.error });
    return answer.ok;
  }

  /** The input or select labelled `label`. */
  async field(label) {
    const input = await this.browser.$(`//*[self::input or self::select][@id=//label[normalize-space()="${label}"]/@for]`);
    await input.waitForExist({ timeout: 10000 });
    return input;
  }

  /** Goes to a step of the stepper by its name. */
  async step(name) {
    await (await this.browser.$(`//nav[@aria-label="Steps"]//button[contains(., "${name}")]`)).click();
  }

  /** Replaces a React-controlled input's text as a person does (select all, type): WebDriver's
   * clear() empties the DOM value behind React's back, so the old text can come back. */
  async replaceText(input, text) {
    // Checked and repeated: under load a key can land before the focus does.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await input.click();
      await this.browser.keys(["Control", "a"]);
      await this.browser.keys(["Backspace"]);
      if (text !== "") await input.addValue(text);
      if ((await input.getValue()) === text) return;
    }
    throw new Error(`could not type "${text}" into the field (it holds "${await input.getValue()}")`);
  }

  /** Drags with the pointer: press, nudge past dnd-kit's activation distance, move, release.
   * `to` is an element, or `{ origin: "viewport", x, y }`. */
  async drag(from, to) {
    await this.browser
      .action("pointer", { parameters: { pointerType: "mouse" } })
      .move({ origin: from })
      .down({ button: 0 })
      .move({ origin: "pointer", x: 6, y: 6, duration: 100 })
      .move({ ...("origin" in to ? to : { origin: to }), duration: 400 })
      .move({ origin: "pointer", x: 0, y: 2, duration: 100 })
      .up({ button: 0 })
      .perform();
  }

  /** Starts the built-in sandbox from the first screen and waits for its workspace. */
  async trySandbox() {
    const start = await this.browser.$("#try-sandbox");
    await start.waitForDisplayed({ timeout: 15000 });
    await start.click();
    await (await this.browser.$("#profile-line")).waitForDisplayed({ timeout: 15000 });
  }

  /** Picks the source table and (through the bucket filter) the destination bucket. */
  async pick(table, bucket) {
    const option = await this.browser.$(`[role="option"]*=${table}`);
    await option.waitForDisplayed({ timeout: 15000 });
    await option.click();
    await this.replaceText(await this.browser.$('input[aria-label="Filter buckets"]'), bucket);
    await (await this.browser.$(`[role="option"]*=${bucket}`)).click();
  }

  /** Sets the in-app sandbox's misbehaviour switches through its admin endpoint. */
  async sandboxFaults(settings) {
    const { sandbox } = await this.invoke("app_info");
    const answer = await fetch(`${sandbox.endpoints.admin}/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(settings),
    });
    if (!answer.ok) throw new Error(`PUT /faults: ${answer.status} ${await answer.text()}`);
  }
}
