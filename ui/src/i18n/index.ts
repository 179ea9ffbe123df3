import i18next from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "../bindings/Locale";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/** The shipped language closest to the operating system's, English otherwise. */
export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  return languages.some((tag) => tag.toLowerCase().startsWith("zh")) ? "zh-CN" : "en";
}

/** The page's language follows the UI's, so screen readers, fonts and line breaking treat
 * Chinese text as Chinese (texts in another language are marked where they appear). */
function markPageLanguage(language: string): void {
  document.documentElement.lang = language;
}

export async function initI18n(locale: Locale = systemLocale()): Promise<typeof i18next> {
  i18next.off("languageChanged", markPageLanguage);
  i18next.on("languageChanged", markPageLanguage);
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  markPageLanguage(i18next.language);
  return i18next;
}

export { i18next };
