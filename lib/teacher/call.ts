import { toTeacherError, type CallContext } from "./errors";
import type { ChatRequest, Completion } from "./types";

/**
 * Runs one SDK call with the request's cancel signal and an overall deadline (the SDKs' own
 * timeout stops at the headers; ours also covers reading the body), timing it and mapping every
 * failure to a TeacherError.
 */
export async function timedCall(
  ctx: CallContext,
  request: ChatRequest,
  run: (signal: AbortSignal) => Promise<Omit<Completion, "latencyMs">>,
): Promise<Completion> {
  const deadline = AbortSignal.timeout(ctx.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  const started = performance.now();
  try {
    const result = await run(signal);
    return { ...result, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw toTeacherError(error, ctx, { cancel: request.signal, deadline });
  }
}
