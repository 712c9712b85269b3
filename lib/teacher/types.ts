/** One chat request to a teacher: the system message (may be empty) and the user prompt. */
export type ChatRequest = {
  system: string;
  prompt: string;
  temperature: number;
  maxTokens: number;
  signal?: AbortSignal;
};

/** `length` means the teacher stopped at maxTokens: the trace is truncated. */
export type FinishReason = "stop" | "length" | "content_filter" | "other";

export type Completion = {
  text: string;
  finishReason: FinishReason;
  usage: { inputTokens: number; outputTokens: number };
  latencyMs: number;
  /** The model that answered, as the provider reports it. */
  model: string;
};

/** What the job runner needs from a provider; built on the official SDKs in lib/teacher/. */
export interface Teacher {
  complete(request: ChatRequest): Promise<Completion>;
}

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
  ) {
    super(message);
    this.name = "TeacherError";
  }
}
