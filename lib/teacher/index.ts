// The teacher domain's public surface: other domains import from here only.
import { createTeacher, type TeacherConfig } from "./create-teacher";
import { providerConfig } from "./providers";
import type { Teacher } from "./types";

export type { ChatRequest, Completion, FinishReason, Teacher } from "./types";
export { TeacherError } from "./types";
export { TeacherAbortError } from "./errors";
export { createTeacher, DEFAULT_TIMEOUT_MS, kindUsesTemperature, type TeacherConfig } from "./create-teacher";
export { estimateCost } from "./cost";
export { getProvider, listProviders, type ProviderSummary } from "./providers";
export { testConnection, type ConnectionResult } from "./test-connection";

export { ProviderKindSchema, type ProviderKind } from "./schemas";

/**
 * A ready client for the stored provider (API key decrypted in memory only). A job passes the
 * endpoint and model frozen at its launch, so editing the provider later does not change it.
 */
export async function teacherForProvider(
  providerId: string,
  overrides: Partial<Pick<TeacherConfig, "kind" | "baseUrl" | "model" | "timeoutMs">> = {},
): Promise<Teacher> {
  const config = await providerConfig(providerId);
  return createTeacher({ ...config, ...overrides });
}
