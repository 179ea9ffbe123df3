import type { QueryKey } from "@tanstack/react-query";

/**
 * Every key of the query cache in one place. What belongs to a profile sits under
 * `["profile", name]`, so changing or deleting that profile can drop all of it at once; a
 * profile's tasks sit under `tasksOf(profile)`, so deleting one task refreshes every list showing it.
 */
export const queryKeys = {
  appInfo: ["appInfo"],
  licences: ["licences"],
  knownRegions: ["knownRegions"],
  importPreview: ["importPreview"],
  typeRules: ["typeRules"],
  drafts: ["drafts"],
  profiles: ["profiles"],
  profile: (profile: string) => ["profile", profile],
  tables: (profile: string) => ["profile", profile, "tables"],
  buckets: (profile: string) => ["profile", profile, "buckets"],
  instances: (profile: string) => ["profile", profile, "instances"],
  tableColumns: (profile: string, table: string) => ["profile", profile, "tableColumns", table],
  /** No table chosen yet: no columns, asked of nobody. */
  noTableColumns: ["tableColumns", "none"],
  tasksOf: (profile: string) => ["profile", profile, "tasks"],
  tasks: (profile: string, table: string) => ["profile", profile, "tasks", "table", table],
  instanceTasks: (profile: string) => ["profile", profile, "tasks", "instance"],
  deliveredFiles: (profile: string, table: string, task: string) => ["profile", profile, "deliveredFiles", table, task],
  roleStatus: (profile: string) => ["profile", profile, "roleStatus"],
  parquetPreview: (profile: string, draft: unknown) => ["profile", profile, "parquetPreview", draft],
  exported: (profile: string, draft: unknown, format: string) => ["profile", profile, "export", format, draft],
} satisfies Record<string, QueryKey | ((...parts: never[]) => QueryKey)>;
