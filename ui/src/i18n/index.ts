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

export async function initI18n(locale: Locale = systemLocale()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}

export { i18next };
