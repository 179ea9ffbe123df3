import type { AppInfo } from "../bindings/AppInfo";
import type { LicenceList } from "../bindings/LicenceList";
import type { Locale } from "../bindings/Locale";
import type { LicenceTextReference } from "../bindings/LicenceTextReference";
import type { ListedPackage } from "../bindings/ListedPackage";
import { call } from "./invoke";

export function appInfo(): Promise<AppInfo> {
  return call("app_info", {});
}

/** Remembers the UI language; `null` follows the operating system. */
export async function setLocale(locale: Locale | null): Promise<void> {
  await call("set_locale", { locale });
}

/** One licence text of a package, spelled out: its reference's `text` (the id) is `id`. */
export type LicenceText = Omit<LicenceTextReference, "text"> & { id: string; text: string };

/** A shipped package with its licence texts spelled out, as the About box shows it. */
export type ThirdPartyPackage = Omit<ListedPackage, "licenceTexts"> & { licenceTexts: LicenceText[] };

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
