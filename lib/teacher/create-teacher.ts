import { anthropicTeacher } from "./anthropic-teacher";
import { openaiTeacher } from "./openai-teacher";
import { resolveTeacherConfig, type TeacherConfig } from "./teacher-config";
import type { Teacher } from "./types";

/** A Teacher on the official SDK for the kind; it never retries by itself. */
export function createTeacher(config: TeacherConfig): Teacher {
  const resolved = resolveTeacherConfig(config);
  return resolved.kind === "anthropic" ? anthropicTeacher(resolved) : openaiTeacher(resolved);
}
