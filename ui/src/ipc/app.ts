import type { AppInfo } from "../bindings/AppInfo";
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

/** The third-party packages the app ships, with their licences. */
export function thirdPartyLicences(): Promise<ThirdPartyPackage[]> {
  return call("third_party_licences", {});
}
