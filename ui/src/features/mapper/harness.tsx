// Dev and test page for the mapper alone (ui/mapper-harness.html): fixture columns from the
// query string (`?columns=2000&mapped=3&lang=zh-CN`), the schema kept in page state, and a
// stand-in for Rust's checks. Built only by the browser test, never into the app bundle.
import { StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";

import type { SchemaEntryDraft } from "../../bindings/SchemaEntryDraft";
import "../../app/app.css";
import { initI18n, systemLocale } from "../../i18n";
import { RuleBook } from "./columnFit";
import { fixtureColumns, fixtureRules } from "./fixtures";
import { harnessCheck } from "./harnessCheck";
import { Mapper } from "./Mapper";
import { newEntry } from "./mapperModel";

const params = new URLSearchParams(window.location.search);
const SAMPLED_ROWS = 1000;
const columns = fixtureColumns(Number(params.get("columns") ?? "40"), SAMPLED_ROWS);
const rules = fixtureRules();
const book = new RuleBook(rules);
const initial: SchemaEntryDraft[] = columns.slice(0, Number(params.get("mapped") ?? "0")).map((c) => newEntry(c, book));

// The browser test reads the fixture's names (to know what a filter must show) and the schema.
const exposed = { columnNames: columns.map((c) => c.name), schema: initial };
(window as unknown as { mapperHarness: typeof exposed }).mapperHarness = exposed;

function Harness() {
  const [schema, setSchema] = useState(initial);
  const check = useMemo(() => harnessCheck(schema, columns, SAMPLED_ROWS), [schema]);
  useEffect(() => {
    exposed.schema = schema;
  }, [schema]);
  return (
    <main className="mapper-harness" style={{ padding: "1rem" }}>
      <Mapper columns={columns} sampledRows={SAMPLED_ROWS} rules={rules} schema={schema} onChange={setSchema} issues={check.issues} dirtyCounts={check.dirtyCounts} />
    </main>
  );
}

async function boot(root: HTMLElement) {
  const lang = params.get("lang");
  await initI18n(lang === "zh-CN" || lang === "en" ? lang : systemLocale());
  createRoot(root).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
}

const root = document.getElementById("root");
if (root) void boot(root);
