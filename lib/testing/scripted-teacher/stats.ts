export type Endpoint = "chatCompletions" | "messages" | "models" | "files" | "batches";
export type Outcome = "ok" | "truncated" | "429" | "500" | "timeout" | "malformed" | "401" | "400";

export type ScriptedTeacherStats = {
  /** Requests to the model API (control endpoints not counted). */
  total: number;
  byEndpoint: Record<Endpoint, number>;
  /** Completion requests by what the server decided to answer. */
  byOutcome: Record<Outcome, number>;
  inFlight: number;
  maxInFlight: number;
  /** Most completion requests seen in any rolling 60 s window (1 s resolution). */
  maxRequestsPerMinute: number;
  /** Most input + output tokens answered in any rolling 60 s window (1 s resolution). */
  maxTokensPerMinute: number;
};

/** A sliding sum over the last 60 one-second buckets, O(1) amortised per hit. */
class MinuteWindow {
  private buckets = new Float64Array(60);
  private second = -1;
  private sum = 0;
  max = 0;

  add(amount: number, nowMs: number): void {
    const s = Math.floor(nowMs / 1000);
    if (this.second < 0) this.second = s;
    for (let t = this.second + 1; t <= Math.min(s, this.second + 60); t++) {
      this.sum -= this.buckets[t % 60]!;
      this.buckets[t % 60] = 0;
    }
    if (s > this.second) this.second = s;
    this.buckets[s % 60]! += amount;
    this.sum += amount;
    if (this.sum > this.max) this.max = this.sum;
  }
}

export class StatsCollector {
  private data = StatsCollector.empty();
  private requests = new MinuteWindow();
  private tokens = new MinuteWindow();

  private static empty(): ScriptedTeacherStats {
    return {
      total: 0,
      byEndpoint: { chatCompletions: 0, messages: 0, models: 0, files: 0, batches: 0 },
      byOutcome: { ok: 0, truncated: 0, "429": 0, "500": 0, timeout: 0, malformed: 0, "401": 0, "400": 0 },
      inFlight: 0,
      maxInFlight: 0,
      maxRequestsPerMinute: 0,
      maxTokensPerMinute: 0,
    };
  }

  /** Call on arrival; returns the function to call once the response is closed. */
  begin(endpoint: Endpoint): () => void {
    const d = this.data;
    d.total++;
    d.byEndpoint[endpoint]++;
    if (endpoint === "chatCompletions" || endpoint === "messages") this.requests.add(1, Date.now());
    d.inFlight++;
    if (d.inFlight > d.maxInFlight) d.maxInFlight = d.inFlight;
    // After a reset, decrement the object we incremented, not the fresh one.
    return () => {
      d.inFlight--;
    };
  }

  /** Requests open right now, the count begin() just raised included. */
  get inFlight(): number {
    return this.data.inFlight;
  }

  outcome(outcome: Outcome, tokens = 0): void {
    this.data.byOutcome[outcome]++;
    if (tokens > 0) this.tokens.add(tokens, Date.now());
  }

  snapshot(): ScriptedTeacherStats {
    const d = this.data;
    return {
      ...d,
      byEndpoint: { ...d.byEndpoint },
      byOutcome: { ...d.byOutcome },
      maxRequestsPerMinute: this.requests.max,
      maxTokensPerMinute: this.tokens.max,
    };
  }

  /** Requests still open at a reset are not counted in the new numbers. */
  reset(): void {
    this.data = StatsCollector.empty();
    this.requests = new MinuteWindow();
    this.tokens = new MinuteWindow();
  }
}

export type RecordedRequest = {
  /** chatCompletions, messages, or batch (one request inside a provider batch). */
  endpoint: "chatCompletions" | "messages" | "batch";
  /** The parsed JSON body as received (for batches: the request's body/params). */
  body: unknown;
};
