import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportRequest } from "../bindings/ImportRequest";
import type { KnownRegion } from "../bindings/KnownRegion";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import type { ProfileUpdateRequest } from "../bindings/ProfileUpdateRequest";
import { call } from "./invoke";

/** What could be imported from the aliyun CLI config, credentials files and the environment. */
export function importPreview(): Promise<ImportPreview> {
  return call("import_preview", {});
}

export function importProfile(request: ImportRequest): Promise<ProfileSummary> {
  return call("import_profile", { request });
}

/** Changes a stored profile; fields left `null` (and an empty secret) keep their value. */
export function updateProfile(name: string, request: ProfileUpdateRequest): Promise<ProfileSummary> {
  return call("update_profile", { name, request });
}

/** The regions the region picker offers, with English and Chinese names. */
export function knownRegions(): Promise<KnownRegion[]> {
  return call("known_regions", {});
}
