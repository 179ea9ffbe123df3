// App cold start to first screen painted, and idle memory, for tests/bench/run.sh.
// Runs inside Xvfb with tauri-driver listening on TAURI_DRIVER_PORT (run.sh starts both).
// Each run: a new WebDriver session launches the release binary (TAURI_APP); the clock stops
// when the first-start screen's "Welcome…" heading is in the DOM and two animation frames have passed (so it has
// been painted). After IDLE_SECONDS of idling, PSS is summed over the app and its WebKit
// processes (pss.sh). Prints one JSON line: {"seconds": [...], "session_seconds": [...],
// "pss_kib": [...], "processes": [...]}.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
const application = process.env.TAURI_APP;
const runs = Number(process.env.RUNS ?? 3);
const idleSeconds = Number(process.env.IDLE_SECONDS ?? 5);
const port = Number(process.env.TAURI_DRIVER_PORT ?? 4444);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function oneRun() {
  const started = performance.now();
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    capabilities: { "tauri:options": { application } },
  });
  const sessionSeconds = (performance.now() - started) / 1000;
  try {
    for (;;) {
      const painted = await browser.executeAsync((done) => {
        const headings = [...document.querySelectorAll("h1, h2")];
        if (!headings.some((h) => h.textContent.includes("Welcome"))) return done(false);
        requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
      });
      if (painted) break;
      if (performance.now() - started > 30000) throw new Error("first screen not shown in 30 s");
      await sleep(10);
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(idleSeconds * 1000);
    const [pssKib, processes] = execFileSync("bash", [path.join(here, "pss.sh"), application], {
      encoding: "utf8",
    })
      .trim()
      .split(" ");
    return { seconds, sessionSeconds, pssKib: Number(pssKib), processes: Number(processes) };
  } finally {
    await browser.deleteSession();
  }
}

const results = [];
for (let i = 0; i < runs; i++) {
  results.push(await oneRun());
  await sleep(500); // let the previous app and its web processes exit
}
console.log(
  JSON.stringify({
    seconds: results.map((r) => r.seconds),
    session_seconds: results.map((r) => r.sessionSeconds),
    pss_kib: results.map((r) => r.pssKib),
    processes: results.map((r) => r.processes),
  }),
);
