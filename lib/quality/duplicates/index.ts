// Exact and near duplicates (MinHash with LSH over word shingles) among traces and prompts.
export { ExactDuplicateIndex, exactDuplicateGroups, exactDuplicateKey } from "./exact";
export { NearDuplicateIndex, type NearDuplicateCluster } from "./near-index";
export {
  NEAR_DUPLICATE_PRESETS,
  NEAR_DUPLICATE_PRESET_NAMES,
  NearDuplicateSettingsSchema,
  type NearDuplicateSettings,
} from "./settings";
