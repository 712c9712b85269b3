// The prompts domain's public surface: other domains call these.
export { listPromptSets, getPromptSet, type PromptSetSummary } from "./queries";
export { seedDemoPromptSet, DEMO_SET_NAME } from "./demo-seed";
