import { describe, expect, it } from "vitest";

import { findStrayText } from "../test/strayText";

// Every component source file; tests and test helpers may write text inline.
const sources = import.meta.glob<string>(["../**/*.tsx", "!../**/*.test.tsx", "!../test/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("no user-visible string outside the catalogues", () => {
  it("finds the component sources", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(Object.keys(sources)).toContain("../app/App.tsx");
  });

  it("has no text written straight into JSX in any component", () => {
    const stray = Object.entries(sources).flatMap(([file, source]) => findStrayText(file, source));
    expect(stray).toEqual([]);
  });

  it("catches text nodes, rendered literals and literals in read props, but not keys or symbols", () => {
    const source = `
      export function Bad({ ok, name }: { ok: boolean; name?: string }) {
        return (
          <div className="x" title="Tooltip">
            Hello
            {ok ? "Yes" : t("a.b")}
            {name ?? "Nobody"}
            <img alt={\`Picture of \${name}\`} src="/a.png" />
            <input aria-label={ok && "Filter"} placeholder={t("pick.filterPlaceholder")} />
            {t("start.title")} {" "} {"✓"} · →
            <Thing label={t("x")} onClick={() => call("not.text")} data-id="Ignored" />
          </div>
        );
      }`;
    expect(findStrayText("bad.tsx", source).map((s) => s.text)).toEqual([
      "Tooltip",
      "Hello",
      "Yes",
      "Nobody",
      "Picture of",
      "Filter",
    ]);
  });
});
