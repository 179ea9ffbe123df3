// English catalogue: every user-visible string of the UI lives here and in zh-CN.ts.
export const en = {
  app: {
    name: "Tablestore Delivery Studio",
    loading: "Loading…",
  },
  start: {
    title: "Welcome to Tablestore Delivery Studio",
    lead: "Turn a Tablestore table into a delivery task that exports it to OSS as Parquet, without writing SDK code.",
    addProfile: "Add a profile",
    addProfileHint: "Connect with your AccessKey. The secret stays in your system's keyring.",
    trySandbox: "Try the sandbox",
    trySandboxHint: "A local stand-in for Tablestore and OSS with sample tables. No cloud account needed.",
    notYetAvailable: "Not available in this version yet.",
    sandboxStarting: "Starting the sandbox…",
  },
  workspace: {
    title: "Source and destination",
    profileLine: "Profile {{profile}} · region {{region}} · instance {{instance}}",
  },
  connection: {
    title: "Connection",
    run: "Test connection",
    running: "Testing…",
    account: "Account {{account}}",
  },
  pick: {
    tables: "Tables",
    buckets: "OSS buckets",
    filterTables: "Filter tables",
    filterBuckets: "Filter buckets",
    filterPlaceholder: "Type to filter",
    noTables: "No tables match.",
    noBuckets: "No buckets match.",
    otherRegion: "In {{bucketRegion}}: delivery needs a bucket in {{region}}",
    selection: "Source table: {{table}} → destination bucket: {{bucket}}",
    none: "none",
  },
  status: {
    sandboxRunning: "Sandbox running at {{endpoint}}",
    sandboxStopped: "Sandbox not running",
    version: "Version {{version}}",
    dataDir: "Data folder: {{path}}",
  },
  language: {
    label: "Language",
    system: "Follow system",
    en: "English",
    "zh-CN": "简体中文",
  },
  errors: {
    title: "Something went wrong",
    retry: "Try again",
    requestId: "Request ID: {{id}}",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalogue must have: the same keys as English. */
export type Catalogue = Widen<typeof en>;
