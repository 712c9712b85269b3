// The review queue's writes, sent in the background one at a time in the order they were made,
// retried while the server is unreachable or busy, and reported when the server refuses one.
import type { MyDecision } from "./keyboard-queue";

export type OutboxOp =
  | { kind: "decide"; traceId: string; decision: MyDecision }
  | { kind: "undo"; traceId: string; restore: MyDecision | null }
  | { kind: "flag"; traceId: string; flagged: boolean }
  | { kind: "release"; traceId: string };

export type SendResult = { ok: true; data: unknown } | { ok: false; status: number; error: string };
export type Send = (path: string, body: unknown) => Promise<SendResult>;

export type OutboxHooks = {
  /** The server stored it; `data` is its answer (the decision's new status and version). */
  onSaved?: (op: OutboxOp, data: unknown) => void;
  /** The server refused it (4xx): nothing later about the same trace is sent. */
  onRefused?: (op: OutboxOp, message: string) => void;
  /** How many writes are not stored yet (shown as "saving…"). */
  onPending?: (count: number) => void;
  sleep?: (ms: number) => Promise<void>;
};

const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

export class ReviewOutbox {
  private readonly queue: OutboxOp[] = [];
  private running = false;
  /** My decision's version on each trace, as the server last said (0: none). */
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly send: Send,
    private readonly hooks: OutboxHooks = {},
    private readonly sessionId?: string,
  ) {}

  /** What the server said my decision's version is, when a trace is loaded. */
  knowVersion(traceId: string, version: number): void {
    if (!this.queue.some((op) => op.traceId === traceId)) this.versions.set(traceId, version);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(op: OutboxOp): void {
    this.queue.push(op);
    this.hooks.onPending?.(this.queue.length);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const op = this.queue[0]!;
        const result = await this.deliver(op);
        this.queue.shift();
        if (result.ok) {
          const version = (result.data as { version?: unknown } | null)?.version;
          if (typeof version === "number") this.versions.set(op.traceId, version);
          this.hooks.onSaved?.(op, result.data);
        } else {
          // Later writes about this trace were made on top of the refused one: drop them too.
          for (let i = this.queue.length - 1; i >= 0; i--) {
            if (this.queue[i]!.traceId === op.traceId) this.queue.splice(i, 1);
          }
          this.versions.delete(op.traceId);
          this.hooks.onRefused?.(op, result.error);
        }
        this.hooks.onPending?.(this.queue.length);
      }
    } finally {
      this.running = false;
    }
  }

  /** Sends one write until the server answers it for good (stored, or refused). */
  private async deliver(op: OutboxOp): Promise<SendResult> {
    const sleep = this.hooks.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const [path, body] = this.request(op);
    for (let attempt = 0; ; attempt++) {
      let result: SendResult;
      try {
        result = await this.send(path, body);
      } catch (error) {
        result = { ok: false, status: 0, error: error instanceof Error ? error.message : String(error) };
      }
      if (result.ok) return result;
      const retryable = result.status === 0 || result.status === 429 || result.status >= 500;
      if (!retryable) return result;
      if (attempt >= RETRY_DELAYS_MS.length) {
        return {
          ok: false,
          status: result.status,
          error: `Not saved: the server did not answer (${result.error}).`,
        };
      }
      await sleep(RETRY_DELAYS_MS[attempt]!);
    }
  }

  private request(op: OutboxOp): [string, unknown] {
    const session = this.sessionId ? { sessionId: this.sessionId } : {};
    const expectedVersion = this.versions.get(op.traceId) ?? 0;
    switch (op.kind) {
      case "decide":
        return [
          "/api/review/decisions",
          {
            traceId: op.traceId,
            decision: op.decision.decision,
            reasonId: op.decision.reasonId ?? undefined,
            reason: op.decision.reason ?? undefined,
            expectedVersion,
            ...session,
          },
        ];
      case "undo":
        return [
          "/api/review/undo",
          { traceId: op.traceId, restore: op.restore, expectedVersion, ...session },
        ];
      case "flag":
        return ["/api/review/flags", { traceId: op.traceId, flagged: op.flagged }];
      case "release":
        return ["/api/review/release", { traceId: op.traceId, ...session }];
    }
  }
}
