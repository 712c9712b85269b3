// What a rate-limited client did, read from the teacher's side of the timeline. Pure: tests pass
// teacher.timeline() (or GET /__control/timeline) in.
import type { TimelineEntry } from "./timeline";

export type PauseViolation = {
  /** The request that arrived while a pause was on. */
  request: TimelineEntry;
  /** The 429 whose Retry-After it did not wait for. */
  pausedBy: TimelineEntry;
  /** How long after that 429 was sent it arrived. */
  afterMs: number;
};

type Pause = { by: TimelineEntry; sentMs: number; from: number; to: number };

// Node's timers count whole milliseconds from the event loop's cached clock, so a wait of exactly
// Retry-After can end a millisecond or two before it by performance.now(): not a violation.
const TIMER_SLACK_MS = 5;

function pauseOf(entry: TimelineEntry, graceMs: number): Pause[] {
  const { status, sentMs, retryAfterSeconds } = entry;
  if (status !== 429 || sentMs === undefined || !retryAfterSeconds) return [];
  const to = sentMs + retryAfterSeconds * 1000 - TIMER_SLACK_MS;
  return [{ by: entry, sentMs, from: sentMs + graceMs, to }];
}

/**
 * Requests that arrived inside a Retry-After pause: more than `graceMs` after a 429 was sent (what
 * arrives sooner was on its way before the client could know) and before its Retry-After ran out.
 */
export function pauseViolations(
  timeline: readonly TimelineEntry[],
  { graceMs = 50 }: { graceMs?: number } = {},
): PauseViolation[] {
  const pauses = timeline.flatMap((entry) => pauseOf(entry, graceMs)).sort((a, b) => a.from - b.from);
  const violations: PauseViolation[] = [];
  let started = 0;
  // Of the pauses begun before this arrival, the one that ends last: inside any means inside it.
  let latest: Pause | undefined;
  for (const request of byArrival(timeline)) {
    for (; started < pauses.length && pauses[started]!.from < request.arrivalMs; started++) {
      if (!latest || pauses[started]!.to > latest.to) latest = pauses[started];
    }
    if (latest && request.arrivalMs < latest.to)
      violations.push({ request, pausedBy: latest.by, afterMs: request.arrivalMs - latest.sentMs });
  }
  return violations;
}

export type BurstInFlight = {
  /** faults.bursts429's count, from 0. */
  burst: number;
  /** Arrival of its first 429. */
  startMs: number;
  /** Its 429s in the timeline. */
  rateLimited: number;
  /** When the Retry-After of its last 429 ran out. */
  pauseEndMs: number;
  /** Max in-flight at arrival in the `windowMs` before startMs (0 if none): the level the burst hit. */
  before: number;
  /** Max in-flight at arrival among the first `firstRequests` requests once the pause was over. */
  afterPause: number | undefined;
  /** Max in-flight at arrival after those, until the next burst: the level regained. */
  later: number | undefined;
};

/**
 * In-flight around each 429 burst, so a test can check a client cut its concurrency on the burst
 * (afterPause < before) and grew it back (later). `firstRequests` defaults to the burst's `before`:
 * as many requests as were in flight before it, so a client that did not cut shows afterPause =
 * before. afterPause and later are undefined when no request arrived there (the timeline ended,
 * or the next burst began inside the pause): number matchers throw on them, no vacuous pass.
 */
export function inFlightAroundBursts(
  timeline: readonly TimelineEntry[],
  { windowMs = 1000, firstRequests }: { windowMs?: number; firstRequests?: number } = {},
): BurstInFlight[] {
  const entries = byArrival(timeline);
  const bursts = new Map<number, TimelineEntry[]>();
  for (const entry of entries) {
    if (entry.burst === undefined) continue;
    const group = bursts.get(entry.burst) ?? [];
    group.push(entry);
    bursts.set(entry.burst, group);
  }
  const ordered = [...bursts.entries()].sort(([a], [b]) => a - b);
  return ordered.map(([burst, limited], i) => {
    const startMs = limited[0]!.arrivalMs;
    const pauseEndMs = Math.max(...limited.map((e) => (e.sentMs ?? 0) + (e.retryAfterSeconds ?? 0) * 1000));
    const nextStartMs = ordered[i + 1]?.[1][0]!.arrivalMs ?? Infinity;
    const before =
      maxInFlight(entries.filter((e) => e.arrivalMs >= startMs - windowMs && e.arrivalMs < startMs)) ?? 0;
    const after = entries.filter((e) => e.arrivalMs >= pauseEndMs && e.arrivalMs < nextStartMs);
    const first = firstRequests ?? Math.max(1, before);
    return {
      burst,
      startMs,
      rateLimited: limited.length,
      pauseEndMs,
      before,
      afterPause: maxInFlight(after.slice(0, first)),
      later: maxInFlight(after.slice(first)),
    };
  });
}

const byArrival = (timeline: readonly TimelineEntry[]) =>
  [...timeline].sort((a, b) => a.arrivalMs - b.arrivalMs);

const maxInFlight = (entries: TimelineEntry[]) =>
  entries.length === 0 ? undefined : Math.max(...entries.map((e) => e.inFlight));
