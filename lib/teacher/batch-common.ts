import { STATUS_CODES } from "node:http";
import { said as saidBy, toTeacherError, type CallContext } from "./errors";
import { TeacherError } from "./types";

/** Uploads, batch creation and result downloads can be large: they get longer than one chat call. */
export const BATCH_CALL_TIMEOUT_MS = 10 * 60_000;

/** Anthropic error types (and HTTP statuses) that will fail the same way when sent again. */
const FINAL_TYPES = new Set([
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
]);

/** One request of a batch failed at the provider with an HTTP status (OpenAI error file lines). */
export function resultStatusError(ctx: CallContext, status: number, said?: string): TeacherError {
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  const detail = said ? `: "${saidBy(ctx, said)}"` : ".";
  return new TeacherError(
    `${status} ${STATUS_CODES[status] ?? "Error"} from ${ctx.url} for this batch request${detail}`,
    retryable,
    status,
  );
}

/** One request of a batch failed with an error type (Anthropic `errored` results). */
export function resultTypeError(ctx: CallContext, type: string, said?: string): TeacherError {
  const detail = said ? `: "${saidBy(ctx, said)}"` : ".";
  return new TeacherError(
    `${ctx.url} could not run this batch request (${saidBy(ctx, type)})${detail}`,
    !FINAL_TYPES.has(type),
  );
}

/** The provider never ran the request: the batch expired or was cancelled first. Worth another batch. */
export function notRunError(ctx: CallContext, why: "expired" | "cancelled"): TeacherError {
  const what = why === "expired" ? "the batch expired (24 h window)" : "the batch was cancelled";
  return new TeacherError(`${ctx.url} did not run this request: ${what}.`, true);
}

/** A 404 from a batch endpoint means the server has no batch API (vLLM, Ollama, ...). */
export function noBatchApi(error: unknown, ctx: CallContext, api: string): unknown {
  if (!(error instanceof TeacherError) || error.status !== 404) return error;
  return new TeacherError(
    `${ctx.url} does not offer the ${api} (404). Run this job in live mode, or use a provider with batches.`,
    false,
    404,
  );
}

/** Lines of a JSONL body as they stream in, never the whole file in memory. */
export async function* jsonLines(body: ReadableStream<Uint8Array> | null): AsyncGenerator<unknown> {
  if (!body) return;
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = rest.indexOf("\n"); newline >= 0; newline = rest.indexOf("\n", start)) {
      const line = rest.slice(start, newline).trim();
      start = newline + 1;
      if (line) yield parseLine(line);
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim()) yield parseLine(rest.trim());
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Iterates a provider's result stream, mapping failures while reading to TeacherErrors. */
export async function* mapped<T>(ctx: CallContext, source: () => AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source();
  } catch (error) {
    throw toTeacherError(error, ctx, { deadline: new AbortController().signal });
  }
}
