import type { IpcError } from "../bindings/IpcError";
import type { ProfileSummary } from "../bindings/ProfileSummary";

export function profileFixture(overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    name: "prod",
    kind: "stored",
    accessKeyId: "LTAI5tAbCdEfGhIjKlMnOpQr",
    accessKeyIdMasked: "LTAI****OpQr",
    region: "cn-hangzhou",
    instanceName: "prod-inst",
    endpoints: { tablestore: null, oss: null, sts: null },
    hasSecurityToken: false,
    status: "ready",
    ...overrides,
  };
}

export const REGIONS = [
  { id: "cn-hangzhou", nameEn: "China (Hangzhou)", nameZh: "华东1（杭州）" },
  { id: "cn-beijing", nameEn: "China (Beijing)", nameZh: "华北2（北京）" },
];

/** What Rust rejects a command with. */
export function ipcError(code: IpcError["code"], message: string, remedy: string | null = null): IpcError {
  return { code, message, remedy, serviceCode: null, requestId: null };
}
