// End to end: a profile added in the real app window lands in the real Secret Service
// (gnome-keyring, started by run.sh) under the E2E build's own namespace, and nowhere else.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { openApp } from "./window.mjs";

const NAMESPACE = "com.tablestore-delivery-studio.e2e-tests";
const SECRET = "E2eKeyringSecretSentinel000000001";
const CLI_SECRET = "E2eCliConfigSecretSentinel0000001";
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

/** Every file under `dir`, recursively. */
function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

test("a profile added in the window keeps its secret in the keyring, not in any file", async () => {
  const add = await browser.$("#add-profile");
  await add.waitForDisplayed({ timeout: 15000 });
  await add.click();
  const field = async (label) => {
    const input = await browser.$(`//input[@id=//label[normalize-space()="${label}"]/@for]`);
    await input.waitForExist({ timeout: 5000 });
    return input;
  };
  await (await field("Profile name")).setValue("e2e-analytics");
  await (await field("AccessKey ID")).setValue("LTAI5tE2eKeyIdAbCdEfGh12");
  await (await field("AccessKey secret")).setValue(SECRET);
  await (await field("Region")).setValue("cn-beijing");
  await (await field("Tablestore instance name")).setValue("analytics-01");
  await (await browser.$("button=Create profile")).click();
  const created = await browser.$(`//*[self::h1 or self::h2][contains(., "Profile e2e-analytics created.")]`);
  try {
    await created.waitForDisplayed({ timeout: 15000 });
  } catch (error) {
    writeFileSync(path.join(artifacts, "e2e-profile-failed.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
    throw error;
  }

  // The secret is in the keyring, read back by libsecret's own client...
  const stored = execFileSync(
    "secret-tool",
    ["lookup", "service", NAMESPACE, "username", "e2e-analytics/access-key-secret"],
    { encoding: "utf8" },
  );
  assert.equal(stored, SECRET);
  // ...and in no file the app wrote.
  const written = [process.env.XDG_CONFIG_HOME, process.env.XDG_DATA_HOME].flatMap((d) => files(path.join(d, NAMESPACE)));
  assert.ok(written.some((f) => f.endsWith("profiles.json")), written.join("\n"));
  for (const file of written) {
    assert.ok(!readFileSync(file).includes(SECRET), `secret found in ${file}`);
  }
  // ...nor on screen, in the web view's storage, or in any answer Rust gives the web view.
  assert.ok(!(await browser.getPageSource()).includes(SECRET));
  const webView = await browser.executeAsync((done) => {
    const storage = (area) => JSON.stringify(Object.fromEntries(Object.keys(area).map((k) => [k, area.getItem(k)])));
    const invoke = (cmd, args) =>
      window.__TAURI_INTERNALS__.invoke(cmd, args).then(
        (answer) => JSON.stringify(answer),
        (error) => JSON.stringify(error),
      );
    Promise.all([
      invoke("list_profiles", {}),
      invoke("app_info", {}),
      // No cloud call: this profile points at the real cloud, and tests stay offline.
      invoke("import_preview", {}),
    ]).then((answers) => {
      done({ local: storage(localStorage), session: storage(sessionStorage), cookies: document.cookie, answers });
    });
  });
  assert.ok(webView.answers[0].includes("e2e-analytics"), "the IPC answers were read");
  const seen = JSON.stringify(webView);
  assert.ok(!seen.includes(SECRET), "secret in web view storage or IPC answers");
  await browser.pause(500);
  writeFileSync(path.join(artifacts, "e2e-profile-created.png"), Buffer.from(await browser.takeScreenshot(), "base64"));
});

test("credentials in the home folder's aliyun CLI config import into the keyring", async () => {
  // run.sh points HOME at a scratch folder, so this is the app's real lookup path.
  const config = path.join(process.env.HOME, ".aliyun", "config.json");
  mkdirSync(path.dirname(config), { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      current: "cli-work",
      profiles: [
        { name: "cli-work", mode: "AK", access_key_id: "LTAI5tE2eCliKeyId000001", access_key_secret: CLI_SECRET, region_id: "cn-shanghai" },
      ],
    }),
  );
  const answers = await browser.executeAsync((done) => {
    const invoke = (cmd, args) =>
      window.__TAURI_INTERNALS__.invoke(cmd, args).then(
        (answer) => JSON.stringify(answer),
        (error) => JSON.stringify(error),
      );
    invoke("import_preview", {}).then((preview) =>
      invoke("import_profile", {
        request: { source: "aliyun_cli", sourceName: "cli-work", name: "cli-work", region: null, instanceName: "cli-instance" },
      }).then((imported) => done({ preview, imported })),
    );
  });
  const preview = JSON.parse(answers.preview);
  assert.ok(
    preview.candidates.some((c) => c.source === "aliyun_cli" && c.sourceName === "cli-work" && c.region === "cn-shanghai"),
    answers.preview,
  );
  assert.match(answers.imported, /"name":"cli-work"/);
  assert.ok(!JSON.stringify(answers).includes(CLI_SECRET), "secret in an IPC answer");
  const stored = execFileSync("secret-tool", ["lookup", "service", NAMESPACE, "username", "cli-work/access-key-secret"], {
    encoding: "utf8",
  });
  assert.equal(stored, CLI_SECRET);
});
