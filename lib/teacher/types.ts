import type { RequestParams } from "./schemas";

export type { ReasoningEffort } from "./schemas";

/**
 * One chat request to a teacher: its parameters (RequestParamsSchema), the system message (may be
 * empty) and the user prompt. Streaming and the deadline may be left to the teacher's defaults.
 */
export type ChatRequest = Omit<RequestParams, "stream" | "timeoutMs"> &
  Partial<Pick<RequestParams, "stream" | "timeoutMs">> & {
    system: string;
    prompt: string;
    signal?: AbortSignal;
  };

/** `length` means the teacher stopped at maxTokens: the trace is truncated. */
export type FinishReason = "stop" | "length" | "content_filter" | "other";

export type Completion = {
  /** The final answer, without the reasoning. */
  text: string;
  /** Reasoning returned apart from the answer: `reasoning_content` / `reasoning` fields,
   * Anthropic thinking blocks, or an inline <think>…</think> prefix. */
  reasoning?: string;
  finishReason: FinishReason;
  usage: { inputTokens: number; outputTokens: number; reasoningTokens?: number };
  latencyMs: number;
  /** The model that answered, as the provider reports it. */
  model: string;
};

/** What the job runner needs from a provider; built on the official SDKs in lib/teacher/. */
export interface Teacher {
  complete(request: ChatRequest): Promise<Completion>;
}

/** Failures no retry fixes and no other item avoids: the provider account has run out of credit. */
export type TeacherErrorCode = "quota";

/**
 * A failed teacher call. `retryable` failures (429, 5xx, timeouts, malformed bodies) may be tried
 * again, after `retryAfterMs` when the provider said so; others (401, 400, 404) will not succeed.
 */
export class TeacherError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly code?: TeacherErrorCode,
  ) {
    super(message);
    this.name = "TeacherError";
  }
}

/** What goes into a request body: live, streamed and batched requests alike. */
export type RequestBody = Omit<ChatRequest, "signal" | "stream" | "timeoutMs">;

/** One request of a provider batch (OpenAI Batch API, Anthropic Message Batches). */
export type BatchRequest = {
  /** Our JobItem id: results come back keyed by it, which keeps ingestion exactly-once. */
  customId: string;
  request: RequestBody;
};

export type BatchState = "in_progress" | "ended" | "failed" | "expired" | "cancelled";

export type BatchStatus = {
  state: BatchState;
  counts?: { total: number; succeeded: number; failed: number };
  /** OpenAI: the output file to read results from once ended. */
  outputFileId?: string;
  /** OpenAI: the file of failed (and expired) requests. */
  errorFileId?: string;
  error?: string;
};

export type BatchResult =
  | { customId: string; ok: true; completion: Completion }
  | { customId: string; ok: false; error: TeacherError };

/** Batch APIs: half the price, up to a day to finish. */
export interface BatchTeacher {
  submit(requests: BatchRequest[]): Promise<{ externalId: string; inputFileId?: string }>;
  poll(externalId: string): Promise<BatchStatus>;
  results(externalId: string, status: BatchStatus): AsyncIterable<BatchResult>;
  cancel(externalId: string): Promise<void>;
}
