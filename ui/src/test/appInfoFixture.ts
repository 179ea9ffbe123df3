import type { AppInfo } from "../bindings/AppInfo";

export function appInfoFixture(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    dataDir: "/home/analyst/.local/share/com.tablestore-delivery-studio.app",
    sandbox: { running: false, endpoints: null },
    locale: null,
    ...overrides,
  };
}
