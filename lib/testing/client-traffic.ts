import http from "node:http";
import type { TimelineEntry } from "./scripted-teacher";

/**
 * Records this process's outgoing HTTP requests as the client sees them: when each was sent and
 * when its answer's status line was read. A timeline from the client's side says what a worker
 * did after it knew of a 429; the server's own arrival times cannot, when both share one busy
 * event loop (an arrival is stamped only when the loop gets to it, after a 429 it sent earlier).
 * The teacher SDKs' fetch (lib/teacher/keep-alive-fetch.ts) goes through http.request.
 */
export function recordClientTraffic(): { timeline: () => TimelineEntry[]; stop: () => void } {
  const original = http.request;
  const entries: TimelineEntry[] = [];
  const now = () => performance.now();
  http.request = ((...args: Parameters<typeof http.request>) => {
    const request = original(...args);
    const entry: TimelineEntry = {
      seq: entries.length + 1,
      endpoint: "chatCompletions",
      arrivalMs: now(),
      inFlight: 0,
    };
    entries.push(entry);
    request.once("response", (response) => {
      entry.status = response.statusCode;
      entry.sentMs = now();
      const retryAfter = Number(response.headers["retry-after"]);
      if (entry.status === 429 && Number.isFinite(retryAfter)) entry.retryAfterSeconds = retryAfter;
    });
    return request;
  }) as typeof http.request;
  return {
    timeline: () => entries.map((entry) => ({ ...entry })),
    stop: () => {
      http.request = original;
    },
  };
}
