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

/** A ready client for the stored provider (API key decrypted in memory only). */
export async function teacherForProvider(
  providerId: string,
  options: Pick<TeacherConfig, "timeoutMs"> = {},
): Promise<Teacher> {
  const config = await providerConfig(providerId);
  return createTeacher({ ...config, ...options });
}
