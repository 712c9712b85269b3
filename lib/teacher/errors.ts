import { STATUS_CODES } from "node:http";
import type Anthropic from "@anthropic-ai/sdk";
import type OpenAI from "openai";
import { remoteText } from "./remote-text";
import type { ProviderKind } from "./schemas";
import { loadedSdks } from "./sdk";
import { TeacherError } from "./types";

/** The call was cancelled through ChatRequest.signal (a cancelled job, a stopping worker). */
export class TeacherAbortError extends TeacherError {
  constructor(url: string) {
    super(`The request to ${url} was cancelled.`, false);
    this.name = "TeacherAbortError";
  }
}

export type CallContext = {
  kind: ProviderKind;
  url: string;
  model: string;
  timeoutMs: number;
  /** The key the call carries: never repeated in a message, even when the server echoes it. */
  secret?: string | null;
};

type SdkApiError = InstanceType<typeof OpenAI.APIError> | InstanceType<typeof Anthropic.APIError>;

// The SDKs' error classes, of the SDKs loaded so far (an SDK not loaded threw nothing).
type ErrorClass = "APIError" | "APIConnectionError" | "APIConnectionTimeoutError";
const sdkClasses = (name: ErrorClass): Array<abstract new (...args: never[]) => Error> => {
  const { openai, anthropic } = loadedSdks();
  return [openai?.default[name], anthropic?.default[name]].filter((c) => c !== undefined);
};
const isSdk = (error: unknown, name: ErrorClass) => sdkClasses(name).some((c) => error instanceof c);

function isApiError(error: unknown): error is SdkApiError {
  return isSdk(error, "APIError");
}

function isConnectionError(error: unknown): boolean {
  return isSdk(error, "APIConnectionError");
}

function isTimeoutError(error: unknown): boolean {
  return (
    isSdk(error, "APIConnectionTimeoutError") || (error instanceof Error && error.name === "TimeoutError")
  );
}

/** A bare APIError (no status, not a subclass): an error event inside a stream. */
function isBareApiError(error: unknown): error is SdkApiError {
  return sdkClasses("APIError").some((c) => error instanceof c && error.constructor === c);
}

/** A body that did not parse, or parsed into something that is not a completion. */
export function malformed(ctx: CallContext, what: string): TeacherError {
  return new TeacherError(`${ctx.url} sent ${what}.`, true);
}

/** Every failure of a teacher call, as a TeacherError a person can act on. */
export function toTeacherError(
  error: unknown,
  ctx: CallContext,
  signals: { cancel?: AbortSignal; deadline: AbortSignal },
): TeacherError {
  if (signals.cancel?.aborted) return new TeacherAbortError(ctx.url);
  if (error instanceof TeacherError) return error;
  if (signals.deadline.aborted || isTimeoutError(error)) {
    return new TeacherError(
      `No answer from ${ctx.url} within ${formatSeconds(ctx.timeoutMs)} (timeout).`,
      true,
    );
  }
  if (isApiError(error) && typeof error.status === "number") return fromStatus(error, error.status, ctx);
  if (isConnectionError(error)) return fromConnection(error as Error, ctx);
  if (isBareApiError(error)) return fromStreamError(error, ctx);
  if (error instanceof SyntaxError) return malformed(ctx, "a response body that is not valid JSON");
  // Failures while reading the body (after the SDK handed it on) arrive raw: a cut connection, bad gzip.
  const code = errorCode(error);
  if (code && Object.hasOwn(CONNECTION_REASONS, code)) return fromConnection(error as Error, ctx);
  if (code?.startsWith("Z_")) return malformed(ctx, "a compressed body that did not decode");
  const message = error instanceof Error ? error.message : String(error);
  return new TeacherError(`The call to ${ctx.url} failed: ${said(ctx, message)}`, false);
}

function fromStatus(error: SdkApiError, status: number, ctx: CallContext): TeacherError {
  const head = `${status} ${STATUS_CODES[status] ?? "Error"} from ${ctx.url}`;
  const quoted = serverMessage(error, ctx);
  const detail = quoted ? ` The server said: ${quoted}` : "";
  if (outOfQuota(error, quoted)) {
    const message = `${head}: the provider account is out of credit or over its spending limit.${detail}`;
    return new TeacherError(message, false, status, undefined, "quota");
  }
  if (status === 429) {
    const retryAfterMs = retryAfter(error.headers);
    const when = retryAfterMs !== undefined ? ` (retry after ${formatSeconds(retryAfterMs)})` : "";
    return new TeacherError(`${head}: rate limited${when}.${detail}`, true, status, retryAfterMs);
  }
  if (status === 408 || status === 409 || status >= 500) {
    const retryAfterMs = retryAfter(error.headers);
    const message = `${head}: the server could not answer right now.${detail}`;
    return new TeacherError(message, true, status, retryAfterMs);
  }
  const advice: Record<number, string> = {
    401: "check the API key.",
    403: "the API key is not allowed to use this model or endpoint.",
    404: `check the base URL and the model name "${ctx.model}".${
      ctx.kind === "openai" && !/\/v\d+$/.test(ctx.url)
        ? " OpenAI-compatible base URLs usually end in /v1."
        : ""
    }`,
  };
  const what = advice[status] ?? "the request was refused.";
  return new TeacherError(`${head}: ${what}${detail}`, false, status);
}

/**
 * OpenAI answers an exhausted quota with 429 `insufficient_quota` (retrying never helps, unlike a
 * rate limit); Anthropic with 400 "Your credit balance is too low".
 */
function outOfQuota(error: SdkApiError, quoted: string | undefined): boolean {
  const code = (error as { code?: unknown }).code;
  if (code === "insufficient_quota") return true;
  return /insufficient[_ ]quota|exceeded your current quota|credit balance is too low/i.test(quoted ?? "");
}

/** An error event inside a stream (no HTTP status): overloaded or failing servers, mostly. */
function fromStreamError(error: SdkApiError, ctx: CallContext): TeacherError {
  const quoted = serverMessage(error, ctx);
  const { type } = errorBody(error);
  const refused = type === "invalid_request_error" || type === "authentication_error";
  return new TeacherError(
    `${ctx.url} reported an error in the middle of its answer${quoted ? `: ${quoted}` : "."}`,
    !refused,
  );
}

type ErrorBody = { message?: string; type?: string };

/**
 * The message and type of a JSON error body, wherever the provider put them: OpenAI's `error`
 * object is on `.error`, Anthropic's whole body is; some servers send `{"error": "..."}` or
 * FastAPI's `{"detail": "..."}`. A body that was not JSON (an HTML error page) gives nothing.
 */
function errorBody(error: SdkApiError): ErrorBody {
  const body = error.error as
    | string
    | { message?: unknown; type?: unknown; code?: unknown; detail?: unknown; error?: unknown }
    | undefined;
  if (typeof body === "string") return { message: body };
  if (!body || typeof body !== "object") return {};
  const inner =
    typeof body.error === "object" && body.error !== null ? (body.error as typeof body) : undefined;
  const message = [inner?.message, body.message, body.error, body.detail].find((m) => typeof m === "string");
  const type = [inner?.type, inner?.code, body.type, body.code].find(
    (t) => typeof t === "string" && t !== "error",
  );
  return { message: message as string | undefined, type: type as string | undefined };
}

/** What the server said, quoted and made safe (remote-text.ts), with its error type; or undefined. */
function serverMessage(error: SdkApiError, ctx: CallContext): string | undefined {
  const body = errorBody(error);
  const message = body.message ? said(ctx, body.message) : "";
  const type = body.type && /^[\w.:-]{1,60}$/.test(body.type) ? body.type : undefined;
  if (!message) return type ? `(${type})` : undefined;
  return `"${message}"${type ? ` (${type})` : ""}`;
}

/** Remote text as a message may carry it: sanitized, short, never the call's key. */
export function said(ctx: CallContext, text: string): string {
  return remoteText(text, { secrets: [ctx.secret] });
}

/** Retry-After in seconds or as an HTTP date, or retry-after-ms; undefined when absent. */
export function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const CONNECTION_REASONS: Record<string, [string, boolean]> = {
  ECONNREFUSED: ["connection refused. Is the server running, and is the base URL right?", true],
  ENOTFOUND: ["host not found. Check the base URL.", true],
  EAI_AGAIN: ["the host name could not be resolved right now", true],
  ECONNRESET: ["the connection was closed unexpectedly", true],
  EPIPE: ["the connection was closed unexpectedly", true],
  UND_ERR_SOCKET: ["the connection was closed unexpectedly", true],
  ETIMEDOUT: ["the connection timed out", true],
  UND_ERR_CONNECT_TIMEOUT: ["the connection timed out", true],
  EHOSTUNREACH: ["the host is unreachable", true],
  ENETUNREACH: ["the network is unreachable", true],
  DEPTH_ZERO_SELF_SIGNED_CERT: ["its TLS certificate is self-signed and not trusted", false],
  SELF_SIGNED_CERT_IN_CHAIN: ["its TLS certificate is not trusted", false],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ["its TLS certificate is not trusted", false],
  CERT_HAS_EXPIRED: ["its TLS certificate has expired", false],
  ERR_TLS_CERT_ALTNAME_INVALID: ["its TLS certificate is for another host name", false],
  // From redirect-guard.ts: the key stays with its endpoint.
  TRACEBANK_CROSS_ORIGIN_REDIRECT: [
    "it redirected the request to another host, and redirects are only followed within the base URL's host " +
      "(the API key goes only to the endpoint it was saved with). Use the address it redirects to as the base URL.",
    false,
  ],
  TRACEBANK_TOO_MANY_REDIRECTS: ["it redirected the request too many times", false],
};

function fromConnection(error: Error, ctx: CallContext): TeacherError {
  const code = errorCode(error);
  const [reason, retryable] = (code ? CONNECTION_REASONS[code] : undefined) ?? [
    said(ctx, innermostMessage(error)),
    true,
  ];
  return new TeacherError(`Could not reach ${ctx.url}: ${reason}`, retryable);
}

/** The first `code` down the cause chain (fetch wraps the socket error, sometimes twice). */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 6) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string") return e.code;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = errorCode(inner, depth + 1);
      if (code) return code;
    }
  }
  return errorCode(e.cause, depth + 1);
}

function innermostMessage(error: Error): string {
  let current: unknown = error;
  let message = error.message;
  for (let i = 0; i < 6 && current instanceof Error; i++) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
