import "server-only";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { KEY_STAYS_WITH_ENDPOINT, sameEndpoint } from "./base-url";
import { createTeacher } from "./create-teacher";
import type { TeacherConfig } from "./teacher-config";
import { getProvider, providerConfig, type ProviderSummary } from "./providers";
import type { TestConnectionInput } from "./schemas";
import { TeacherError } from "./types";

export type ConnectionResult =
  { ok: true; latencyMs: number; model: string; reply: string } | { ok: false; error: string };

const TEST_TIMEOUT_MS = 20_000;

/** One tiny real request to the endpoint of a config, with exactly the key the config holds. */
export async function testConnection(config: TeacherConfig): Promise<ConnectionResult> {
  try {
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
    if (error instanceof TeacherError || error instanceof DomainError) return failed(error);
    throw error;
  }
}

const failed = (error: Error): ConnectionResult => ({ ok: false, error: error.message });

/**
 * "Test connection": a saved teacher (providerId), or the form's unsaved values (config), with
 * the saved teacher's key only where it belongs. Unsaved values use the key typed with them;
 * the stored key is used instead only when the kind and base URL are exactly the saved ones.
 * Every test of a saved teacher is audited, saying which key went where.
 */
export async function testConnectionFor(
  input: TestConnectionInput,
  actorId: string,
): Promise<ConnectionResult> {
  if (!input.providerId) return testConnection({ ...input.config!, apiKey: input.config!.apiKey ?? null });
  let plan: KeyPlan;
  let target: Pick<TeacherConfig, "kind" | "model"> & { baseUrl: string | null };
  try {
    const saved = await getProvider(input.providerId);
    const config = input.config ?? saved;
    target = { kind: config.kind, baseUrl: config.baseUrl ?? null, model: config.model };
    plan = await keyFor(input, saved);
  } catch (error) {
    if (error instanceof DomainError) return failed(error);
    throw error;
  }
  if ("refused" in plan) return { ok: false, error: plan.refused };
  const result = await testConnection({ ...target, apiKey: plan.apiKey });
  await recordAudit({
    actorId,
    action: "provider.connection-tested",
    entityId: input.providerId,
    data: {
      ...target,
      apiKey: plan.use,
      ok: result.ok,
      ...(result.ok ? {} : { error: result.error.slice(0, 300) }),
    },
  });
  return result;
}

type KeyPlan = { apiKey: string | null; use: "stored" | "typed" | "none" } | { refused: string };

// The key a test carries; the stored one is decrypted only when it is the one to send.
async function keyFor(input: TestConnectionInput, saved: ProviderSummary): Promise<KeyPlan> {
  const { config } = input;
  if (config?.apiKey) return { apiKey: config.apiKey, use: "typed" };
  if (input.removeKey || !saved.hasApiKey) return { apiKey: null, use: "none" };
  if (config && !sameEndpoint(config, saved)) return { refused: KEY_STAYS_WITH_ENDPOINT };
  return { apiKey: (await providerConfig(saved.id)).apiKey ?? null, use: "stored" };
}
