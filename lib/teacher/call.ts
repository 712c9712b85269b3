import { toTeacherError, type CallContext } from "./errors";
import type { ChatRequest, Completion } from "./types";

/**
 * Runs one SDK call with the request's cancel signal and an overall deadline (the SDKs' own
 * timeout stops at the headers; ours also covers reading the body), timing it and mapping every
 * failure to a TeacherError. The deadline is the request's timeoutMs, else the teacher's.
 */
export async function timedCall(
  base: CallContext,
  request: ChatRequest,
  run: (signal: AbortSignal, ctx: CallContext) => Promise<Omit<Completion, "latencyMs">>,
): Promise<Completion> {
  const ctx = request.timeoutMs ? { ...base, timeoutMs: request.timeoutMs } : base;
  const deadline = AbortSignal.timeout(ctx.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  const started = performance.now();
  try {
    const result = await run(signal, ctx);
    return { ...result, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw toTeacherError(error, ctx, { cancel: request.signal, deadline });
  }
}

/**
 * Any SDK call (batch endpoints) with a deadline, its failures as TeacherErrors. `run` passes the
 * options on to the SDK: its own timeout (the client's is one chat call's) must be as long.
 */
export async function sdkCall<T>(
  base: CallContext,
  run: (options: { signal: AbortSignal; timeout: number }) => Promise<T>,
  timeoutMs = base.timeoutMs,
): Promise<T> {
  const ctx = { ...base, timeoutMs };
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return await run({ signal: deadline, timeout: timeoutMs });
  } catch (error) {
    throw toTeacherError(error, ctx, { deadline });
  }
}
