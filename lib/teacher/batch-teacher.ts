import { anthropicBatchTeacher } from "./anthropic-batch";
import { resolveTeacherConfig, type TeacherConfig } from "./teacher-config";
import { openaiBatchTeacher } from "./openai-batch";
import type { BatchTeacher } from "./types";

/** A BatchTeacher on the official SDK for the kind; like createTeacher, it never retries. */
export function createBatchTeacher(config: TeacherConfig): BatchTeacher {
  const resolved = resolveTeacherConfig(config);
  return resolved.kind === "anthropic" ? anthropicBatchTeacher(resolved) : openaiBatchTeacher(resolved);
}
