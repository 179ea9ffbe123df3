export { appInfo, setLocale } from "./app";
export { CommandFailed } from "./invoke";
export { importPreview, importProfile, knownRegions, updateProfile } from "./profiles";
export { cancelSampling, sampleSchema } from "./schema";
export { deleteDeliveryTask, describeDeliveryTask, listDeliveryTasks } from "./tasks";
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
