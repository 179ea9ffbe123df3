import { describe, expect, it } from "vitest";

import { i18next, initI18n } from ".";

describe("the page's language", () => {
  it("follows the UI's, at start and on every change", async () => {
    await initI18n("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
    await i18next.changeLanguage("en");
    expect(document.documentElement.lang).toBe("en");
    await i18next.changeLanguage("zh-CN");
    expect(document.documentElement.lang).toBe("zh-CN");
  });
});
