// The prompts domain's public surface: other domains call these.
export { listPromptSets, getPromptSet, type PromptSetSummary } from "./queries";
export { seedDemoPromptSet, DEMO_SET_NAME } from "./demo-seed";
// Used by synthesis jobs, which write prompts with the same hashing and raw-insert ids.
export { contentHash, normaliseText } from "./content-hash";
export { cuid } from "./cuid";
export { insertPromptRows, type NewPromptRow } from "./prompt-rows";
export { createPromptSet, updatePromptSet } from "./mutations";
// A big set is deleted by a job of its own; launches and imports wait for none of it (refused).
export { deletePromptSet, deletionOf, launchRefusal, BEING_DELETED } from "./set-deletion";
export { setDeletionKind } from "./set-deletion-kind";
// Imports run on the runner: a launch on a set waits while one is running into it.
export { publishingInto, listImports, importOutcome, type RunningImport } from "./import-queries";
export { importPrompts, type ImportInput } from "./import-prompts";
export { receiveImport, type ImportRequest, type StartedImport } from "./import-start";
export { cancelImport } from "./cancel-import";
export type { ImportView } from "./import-view";
export { importKind } from "./import-kind";
export { sweepSpool } from "./spool-cleanup";
