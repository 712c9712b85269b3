// The prompts domain's public surface: other domains call these.
export { listPromptSets, getPromptSet, type PromptSetSummary } from "./queries";
export { seedDemoPromptSet, DEMO_SET_NAME } from "./demo-seed";
// Used by synthesis jobs, which write prompts with the same hashing and raw-insert ids.
export { contentHash, normaliseText } from "./content-hash";
export { cuid } from "./cuid";
export { insertPromptRows, type NewPromptRow } from "./prompt-rows";
export { createPromptSet, deletePromptSet, updatePromptSet } from "./mutations";
