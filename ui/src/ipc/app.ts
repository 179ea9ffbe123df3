import type { AppInfo } from "../bindings/AppInfo";
import type { LicenceList } from "../bindings/LicenceList";
import type { Locale } from "../bindings/Locale";
import type { ThirdPartyPackage } from "../bindings/ThirdPartyPackage";
import { call } from "./invoke";

export function appInfo(): Promise<AppInfo> {
  return call("app_info", {});
}

/** Remembers the UI language; `null` follows the operating system. */
export async function setLocale(locale: Locale | null): Promise<void> {
  await call("set_locale", { locale });
}

/** The third-party packages the app ships, with their licences. Rust sends each licence text
 * once (many packages share one); each package gets its texts spelled out here, sharing the
 * same strings. */
export async function thirdPartyLicences(): Promise<ThirdPartyPackage[]> {
  return spellOutLicences(await call("third_party_licences", {}));
}

export function spellOutLicences(list: LicenceList): ThirdPartyPackage[] {
  const texts = new Map(list.texts.map((stored) => [stored.id, stored.text]));
  return list.packages.map(({ licenceTexts, ...rest }) => ({
    ...rest,
    licenceTexts: licenceTexts.map(({ name, standard, text }) => ({ name, standard, id: text, text: texts.get(text) ?? "" })),
  }));
}
