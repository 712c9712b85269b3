import "server-only";
import { DomainError } from "../errors";
import { createTeacher } from "./create-teacher";
import type { TeacherConfig } from "./teacher-config";
import { providerConfig } from "./providers";
import type { TestConnectionInput } from "./schemas";
import { TeacherError } from "./types";

export type ConnectionResult =
  { ok: true; latencyMs: number; model: string; reply: string } | { ok: false; error: string };

const TEST_TIMEOUT_MS = 20_000;

/** One tiny real request to a provider (saved, by id, or given as a config). */
export async function testConnection(target: TeacherConfig | string): Promise<ConnectionResult> {
  try {
    const config = typeof target === "string" ? await providerConfig(target) : target;
    const teacher = createTeacher({ ...config, timeoutMs: config.timeoutMs ?? TEST_TIMEOUT_MS });
    const completion = await teacher.complete({
      system: "",
      prompt: "Reply with the single word OK.",
      temperature: 0,
      maxTokens: 16,
    });
    return {
      ok: true,
      latencyMs: completion.latencyMs,
      model: completion.model,
      reply: completion.text.trim(),
    };
  } catch (error) {
    if (error instanceof TeacherError || error instanceof DomainError)
      return { ok: false, error: error.message };
    throw error;
  }
}

/** For the form: unsaved values, falling back to the stored key while editing a saved teacher. */
export async function testConnectionFor(input: TestConnectionInput): Promise<ConnectionResult> {
  if (!input.config) return testConnection(input.providerId!);
  let apiKey = input.config.apiKey ?? null;
  if (!apiKey && input.providerId && !input.removeKey) {
    try {
      apiKey = (await providerConfig(input.providerId)).apiKey ?? null;
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.message };
      throw error;
    }
  }
  return testConnection({ ...input.config, apiKey });
}
