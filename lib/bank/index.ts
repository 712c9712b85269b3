// The bank domain's public surface: other domains import from here only.
export {
  currentVersionsOfEnabledMessages,
  exportBank,
  getMessage,
  listMessages,
  type CurrentVersion,
  type MessageDetail,
  type MessageSummary,
  type VersionDetail,
} from "./queries";
export { createMessage, saveVersion, updateMetadata } from "./mutations";
export { importBank, type ImportResult } from "./import";
export { seedBank, SEED_NOTE } from "./seed";
export { bankFileName } from "./bank-file";
export { STRATEGY_TAGS, STRATEGY_TAG_NAMES, describeTag, type StrategyTag } from "./tags";
