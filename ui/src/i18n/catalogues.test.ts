import { describe, expect, it } from "vitest";

import { en } from "./en";
import { systemLocale } from "./index";
import { zhCN } from "./zh-CN";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("catalogues", () => {
  it("have the same keys, none empty, with the same placeholders", () => {
    const english = new Map(leaves(en));
    const chinese = new Map(leaves(zhCN));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const translated = chinese.get(key) ?? "";
      expect(text.trim(), key).not.toBe("");
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it("picks Simplified Chinese for any Chinese system language and English otherwise", () => {
    expect(systemLocale(["zh-TW", "en"])).toBe("zh-CN");
    expect(systemLocale(["en-GB", "zh-CN"])).toBe("zh-CN");
    expect(systemLocale(["de-DE"])).toBe("en");
  });
});
