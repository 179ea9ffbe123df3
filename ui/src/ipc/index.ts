export { appInfo, setLocale, thirdPartyLicences } from "./app";
export type { LicenceText, ThirdPartyPackage } from "./app";
export { CommandFailed } from "./invoke";
export { deleteDraft, listDrafts, openDraft, saveDraft } from "./drafts";
export {
  checkDraft,
  createDeliveryRole,
  createDeliveryTask,
  deliveryRole,
  exportTask,
  localZoneOffsetMinutes,
  previewParquet,
  saveExport,
  tableColumns,
  typeRules,
} from "./mapper";
export { importPreview, importProfile, knownRegions, updateProfile } from "./profiles";
export { cancelSampling, sampleSchema } from "./schema";
export {
  deleteDeliveryTask,
  describeDeliveryTask,
  driftWatch,
  listDeliveredFiles,
  listDeliveryTasks,
  listInstanceTasks,
} from "./tasks";
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
