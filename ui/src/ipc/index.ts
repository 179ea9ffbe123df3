export { appInfo, setLocale } from "./app";
export { CommandFailed } from "./invoke";
export {
  createProfile,
  deleteProfile,
  listBuckets,
  listInstances,
  listProfiles,
  listTables,
  startSandbox,
  testConnection,
} from "./workspace";
