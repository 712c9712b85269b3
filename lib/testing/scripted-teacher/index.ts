// The scripted teacher: a fake LLM server for tests and benchmarks, never a product feature.
export { startScriptedTeacher, type ScriptedTeacher, type ScriptedTeacherOptions } from "./server";
export { ScriptSchema, type Script, type ScriptInput, type Fault, type ReasoningForm } from "./script";
export type { RecordedRequest, ScriptedTeacherStats } from "./stats";
export type { TimelineEntry } from "./timeline";
export {
  inFlightAroundBursts,
  pauseViolations,
  type BurstInFlight,
  type PauseViolation,
} from "./timeline-analysis";
export { answerFor, countWords, renderReply } from "./reply";
