import { malformed, type CallContext } from "./errors";
import { registerStreamActivity } from "./stream-activity";

/**
 * Guards a stream: aborts it when no event arrives for `idleMs` (when that is shorter than the
 * call's deadline), and turns the ways a stream can end early into errors. The SDKs end iteration
 * quietly on abort, so every stream loop ends with `finish()`, which throws what really happened.
 */
export function watchStream(ctx: CallContext, signal: AbortSignal, idleMs: number) {
  const idle = new AbortController();
  const timer = idleMs < ctx.timeoutMs ? setTimeout(() => idle.abort(), idleMs) : undefined;
  timer?.unref?.();
  const touch = () => void timer?.refresh();
  // Bytes count as life too (comments and pings the SDKs do not yield), through activityFetch.
  const activity = registerStreamActivity(touch);
  return {
    signal: AbortSignal.any([signal, idle.signal]),
    /** Headers to send with the streamed request, so its bytes reach this watchdog. */
    headers: activity.headers,
    /** Call on every event. */
    touch,
    /** After the loop (or from its catch): throws if the stream was cut short. */
    finish(finished: boolean, error?: unknown): void {
      clearTimeout(timer);
      activity.release();
      if (signal.aborted) throw signal.reason ?? error;
      if (idle.signal.aborted) {
        throw malformed(ctx, `a stream that stalled: no data for ${Math.round(idleMs / 100) / 10} s`);
      }
      if (error !== undefined) throw error;
      if (!finished) throw malformed(ctx, "a stream that ended before the answer was finished");
    },
  };
}
