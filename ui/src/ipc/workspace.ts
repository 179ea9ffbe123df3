import type { BucketChoice } from "../bindings/BucketChoice";
import type { ConnectionReport } from "../bindings/ConnectionReport";
import type { InstanceChoice } from "../bindings/InstanceChoice";
import type { NewProfileRequest } from "../bindings/NewProfileRequest";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import type { SandboxEndpoints } from "../bindings/SandboxEndpoints";
import { call } from "./invoke";

export function listProfiles(): Promise<ProfileSummary[]> {
  return call("list_profiles", {});
}

export function createProfile(request: NewProfileRequest): Promise<ProfileSummary> {
  return call("create_profile", { request });
}

export async function deleteProfile(name: string): Promise<void> {
  await call("delete_profile", { name });
}

export function startSandbox(): Promise<SandboxEndpoints> {
  return call("start_sandbox", {});
}

export function testConnection(profile: string): Promise<ConnectionReport> {
  return call("test_connection", { profile });
}

export function listTables(profile: string): Promise<string[]> {
  return call("list_tables", { profile });
}

export function listBuckets(profile: string): Promise<BucketChoice[]> {
  return call("list_buckets", { profile });
}

export function listInstances(profile: string): Promise<InstanceChoice[]> {
  return call("list_instances", { profile });
}
