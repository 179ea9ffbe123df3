// The profile form's values, their checks, and where a coded error from Rust belongs.
import type { ChangeEvent } from "react";

import type { ErrorCode } from "../../bindings/ErrorCode";
import type { EndpointsInput } from "../../bindings/EndpointsInput";
import type { NewProfileRequest } from "../../bindings/NewProfileRequest";
import type { ProfileSummary } from "../../bindings/ProfileSummary";
import type { ProfileUpdateRequest } from "../../bindings/ProfileUpdateRequest";
import type { Problem } from "./validation";
import {
  checkAccessKeyId,
  checkAccessKeySecret,
  checkEndpoint,
  checkInstanceName,
  checkProfileName,
  checkRegion,
  checkSecurityToken,
  isTemporaryKeyId,
} from "./validation";

export interface ProfileFormValues {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  removeSecurityToken: boolean;
  region: string;
  instanceName: string;
  tablestoreEndpoint: string;
  ossEndpoint: string;
  stsEndpoint: string;
}

export type FieldName = Exclude<keyof ProfileFormValues, "removeSecurityToken">;

export const ENDPOINT_FIELDS = ["tablestoreEndpoint", "ossEndpoint", "stsEndpoint"] as const;

export type FormMode = { kind: "create" } | { kind: "edit"; profile: ProfileSummary };

export function emptyValues(): ProfileFormValues {
  return {
    name: "",
    accessKeyId: "",
    accessKeySecret: "",
    securityToken: "",
    removeSecurityToken: false,
    region: "",
    instanceName: "",
    tablestoreEndpoint: "",
    ossEndpoint: "",
    stsEndpoint: "",
  };
}

/** The edit form starts from what the profile list shows; secrets always start empty. */
export function valuesFrom(profile: ProfileSummary): ProfileFormValues {
  return {
    ...emptyValues(),
    name: profile.name,
    accessKeyId: profile.accessKeyId,
    region: profile.region,
    instanceName: profile.instanceName,
    tablestoreEndpoint: profile.endpoints.tablestore ?? "",
    ossEndpoint: profile.endpoints.oss ?? "",
    stsEndpoint: profile.endpoints.sts ?? "",
  };
}

export function checkValues(values: ProfileFormValues, mode: FormMode): Partial<Record<FieldName, Problem>> {
  const tokenStored = mode.kind === "edit" && mode.profile.hasSecurityToken && !values.removeSecurityToken;
  const problems: Partial<Record<FieldName, Problem | null>> = {
    name: checkProfileName(values.name),
    accessKeyId: checkAccessKeyId(values.accessKeyId),
    accessKeySecret: checkAccessKeySecret(values.accessKeySecret, mode.kind === "create"),
    securityToken: checkSecurityToken(values.securityToken, {
      temporaryKey: isTemporaryKeyId(values.accessKeyId),
      tokenStored,
    }),
    region: checkRegion(values.region),
    instanceName: checkInstanceName(values.instanceName),
    tablestoreEndpoint: checkEndpoint(values.tablestoreEndpoint),
    ossEndpoint: checkEndpoint(values.ossEndpoint),
    stsEndpoint: checkEndpoint(values.stsEndpoint),
  };
  const found: Partial<Record<FieldName, Problem>> = {};
  for (const [field, problem] of Object.entries(problems) as [FieldName, Problem | null][]) {
    if (problem) found[field] = problem;
  }
  return found;
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

function endpointsOf(values: ProfileFormValues): EndpointsInput {
  return {
    tablestore: orNull(values.tablestoreEndpoint),
    oss: orNull(values.ossEndpoint),
    sts: orNull(values.stsEndpoint),
  };
}

export function toNewProfileRequest(values: ProfileFormValues): NewProfileRequest {
  return {
    name: values.name.trim(),
    accessKeyId: values.accessKeyId.trim(),
    accessKeySecret: values.accessKeySecret,
    securityToken: values.securityToken.trim() === "" ? null : values.securityToken,
    region: values.region.trim(),
    instanceName: values.instanceName.trim(),
    endpoints: endpointsOf(values),
  };
}

/** Only what changed is sent; an empty secret or token keeps the stored one. */
export function toUpdateRequest(values: ProfileFormValues, profile: ProfileSummary): ProfileUpdateRequest {
  const changed = (now: string, before: string) => (now.trim() === before ? null : now.trim());
  const endpoints = endpointsOf(values);
  const endpointsChanged =
    endpoints.tablestore !== profile.endpoints.tablestore ||
    endpoints.oss !== profile.endpoints.oss ||
    endpoints.sts !== profile.endpoints.sts;
  return {
    renameTo: changed(values.name, profile.name),
    accessKeyId: changed(values.accessKeyId, profile.accessKeyId),
    accessKeySecret: values.accessKeySecret.trim() === "" ? null : values.accessKeySecret,
    securityToken: values.securityToken.trim() === "" ? null : values.securityToken,
    removeSecurityToken: values.removeSecurityToken && values.securityToken.trim() === "",
    region: changed(values.region, profile.region),
    instanceName: changed(values.instanceName, profile.instanceName),
    endpoints: endpointsChanged ? endpoints : null,
  };
}

/** Where the form shows a coded error from Rust: a field, the endpoints group, or the form. */
export type ErrorPlace = FieldName | "endpoints" | "form";

const PLACES: Partial<Record<ErrorCode, ErrorPlace>> = {
  invalid_profile_name: "name",
  profile_name_reserved: "name",
  profile_exists: "name",
  invalid_access_key_id: "accessKeyId",
  invalid_access_key_secret: "accessKeySecret",
  // The secret is what goes to the keychain, so keychain trouble is shown next to it.
  keychain_locked: "accessKeySecret",
  keychain_unavailable: "accessKeySecret",
  keychain_failed: "accessKeySecret",
  invalid_security_token: "securityToken",
  security_token_required: "securityToken",
  invalid_region: "region",
  invalid_instance_name: "instanceName",
  invalid_endpoint: "endpoints",
  insecure_endpoint: "endpoints",
};

export function placeOf(code: ErrorCode): ErrorPlace {
  return PLACES[code] ?? "form";
}

/** What every text input of the form gets: its id, value, validity and change handler. */
export interface InputProps {
  id: string;
  name: string;
  value: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}
