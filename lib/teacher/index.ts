// The teacher domain's public surface: other domains import from here only.
import { createBatchTeacher } from "./batch-teacher";
import { createTeacher } from "./create-teacher";
import type { TeacherConfig } from "./teacher-config";
import { providerConfig, type Endpoint } from "./providers";
import type { BatchTeacher, Teacher } from "./types";

export type {
  BatchRequest,
  BatchResult,
  BatchState,
  BatchStatus,
  BatchTeacher,
  ChatRequest,
  Completion,
  FinishReason,
  ReasoningEffort,
  Teacher,
} from "./types";
export { TeacherError } from "./types";
export { TeacherAbortError } from "./errors";
export { createTeacher } from "./create-teacher";
export type { TeacherConfig } from "./teacher-config";
export { createBatchTeacher } from "./batch-teacher";
export { BATCH_PRICE_FACTOR } from "./capabilities";
export { estimateCost } from "./cost";
export {
  getProvider,
  listProviders,
  providerLimits,
  type ProviderLimits,
  type ProviderSummary,
} from "./providers";
export { testConnection, type ConnectionResult } from "./test-connection";

export {
  DEFAULT_TIMEOUT_MS,
  ProviderKindSchema,
  RequestParamsSchema,
  StoredRequestParamsSchema,
  usesReasoning,
  type ProviderKind,
  type RequestParams,
  type RequestParamsInput,
} from "./schemas";

type Frozen = Partial<Pick<TeacherConfig, "kind" | "baseUrl" | "model" | "timeoutMs" | "fetch">>;

// The endpoint a job froze, when it froze one: the key is only given for the saved endpoint.
const endpointOf = (frozen: Frozen): Endpoint | undefined =>
  frozen.kind ? { kind: frozen.kind, baseUrl: frozen.baseUrl ?? null } : undefined;

/**
 * A ready client for the stored provider (API key decrypted in memory only). A job passes the
 * endpoint and model frozen at its launch, so editing the provider later does not change it; if
 * the teacher was moved to another endpoint since, its key is not sent to the old one (refused).
 */
export async function teacherForProvider(providerId: string, overrides: Frozen = {}): Promise<Teacher> {
  const config = await providerConfig(providerId, endpointOf(overrides));
  return createTeacher({ ...config, ...overrides });
}

/** The provider's batch API, for the endpoint and model frozen at the job's launch. */
export async function batchTeacherForProvider(
  providerId: string,
  frozen: Frozen = {},
): Promise<BatchTeacher> {
  const config = await providerConfig(providerId, endpointOf(frozen));
  return createBatchTeacher({ ...config, ...frozen });
}
export { createProvider, deleteProvider, updateProvider } from "./providers";
export { ProviderFieldError } from "./field-error";
export { testConnectionFor } from "./test-connection";
export { remoteText } from "./remote-text";
export { type RequestBody, type TeacherErrorCode } from "./types";
export { keepAliveFetch } from "./keep-alive-fetch";
