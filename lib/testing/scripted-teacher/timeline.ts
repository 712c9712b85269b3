import { Ring } from "./ring";

/** One chat completions or messages request as the server saw it; times in ms on its monotonic clock. */
export type TimelineEntry = {
  /** 1, 2, 3… in arrival order; starts over when the stats are reset. */
  seq: number;
  endpoint: "chatCompletions" | "messages";
  arrivalMs: number;
  /** Requests open at arrival, this one included (the count maxInFlight is the maximum of). */
  inFlight: number;
  /** Absent until the answer is sent, and for good when the client left first. */
  status?: number;
  /** When the status line went out (for a stream: its first events). */
  sentMs?: number;
  /** 429s only: what Retry-After said. */
  retryAfterSeconds?: number;
  /** 429s only: which burst (faults.bursts429) answered it, counting from 0. */
  burst?: number;
};

export type Answered = Pick<TimelineEntry, "retryAfterSeconds" | "burst">;

/** performance.now(), not Date.now(): arrival and send times must not jump with the wall clock. */
const now = () => Math.round(performance.now() * 1000) / 1000;

/** The last `capacity` requests' timings; entries are filled in place as their answers go out. */
export class Timeline {
  private ring: Ring<TimelineEntry>;
  private seq = 0;

  constructor(capacity: number) {
    this.ring = new Ring(capacity);
  }

  arrive(endpoint: TimelineEntry["endpoint"], inFlight: number): TimelineEntry {
    const entry: TimelineEntry = { seq: ++this.seq, endpoint, arrivalMs: now(), inFlight };
    this.ring.add(entry);
    return entry;
  }

  answered(entry: TimelineEntry, status: number, extra: Answered = {}): void {
    entry.status = status;
    entry.sentMs = now();
    if (extra.retryAfterSeconds !== undefined) entry.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.burst !== undefined) entry.burst = extra.burst;
  }

  /** Copies, oldest first: requests still open keep changing their own entry. */
  list(): TimelineEntry[] {
    return this.ring.list().map((entry) => ({ ...entry }));
  }

  resize(capacity: number): void {
    this.ring.resize(capacity);
  }

  clear(): void {
    this.ring.clear();
    this.seq = 0;
  }
}
