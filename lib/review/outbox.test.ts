import { describe, expect, it } from "vitest";
import { ReviewOutbox, type OutboxOp, type SendResult } from "./outbox";

const approve = (traceId: string): OutboxOp => ({
  kind: "decide",
  traceId,
  decision: { decision: "approved", reasonId: null, reason: null },
});

function settle(outbox: ReviewOutbox) {
  return new Promise<void>((resolve) => {
    const wait = () => (outbox.pending === 0 ? resolve() : setTimeout(wait, 1));
    wait();
  });
}

describe("the review outbox", () => {
  it("sends writes one at a time in order, with the version the server last gave", async () => {
    const sent: Array<{ path: string; body: Record<string, unknown> }> = [];
    let version = 0;
    const outbox = new ReviewOutbox(async (path, body) => {
      sent.push({ path, body: body as Record<string, unknown> });
      await new Promise((r) => setTimeout(r, 2));
      return { ok: true, data: { version: ++version } };
    });
    outbox.knowVersion("t1", 0);
    outbox.enqueue(approve("t1"));
    outbox.enqueue({ kind: "undo", traceId: "t1", restore: null });
    outbox.enqueue(approve("t2"));
    await settle(outbox);
    expect(sent.map((s) => [s.path, s.body.traceId, s.body.expectedVersion])).toEqual([
      ["/api/review/decisions", "t1", 0],
      ["/api/review/undo", "t1", 1],
      ["/api/review/decisions", "t2", 0],
    ]);
  });

  it("retries while the server is away or busy, and reports a refusal once, dropping later writes on that trace", async () => {
    const answers: SendResult[] = [
      { ok: false, status: 0, error: "offline" },
      { ok: false, status: 503, error: "busy" },
      { ok: true, data: { version: 1 } },
      { ok: false, status: 409, error: "This decision changed since you loaded it." },
      { ok: true, data: { version: 1 } },
    ];
    const sent: string[] = [];
    const refused: string[] = [];
    const outbox = new ReviewOutbox(
      async (_path, body) => {
        sent.push((body as { traceId: string }).traceId);
        const answer = answers.shift()!;
        if (answer.ok === false && answer.status === 0) throw new Error(answer.error);
        return answer;
      },
      { onRefused: (op, message) => refused.push(`${op.traceId}: ${message}`), sleep: async () => {} },
    );
    outbox.enqueue(approve("t1"));
    outbox.enqueue(approve("t2"));
    outbox.enqueue({ kind: "undo", traceId: "t2", restore: null });
    outbox.enqueue(approve("t3"));
    await settle(outbox);
    expect(sent).toEqual(["t1", "t1", "t1", "t2", "t3"]);
    expect(refused).toEqual(["t2: This decision changed since you loaded it."]);
  });

  it("gives up after its retries with a clear message", async () => {
    const refused: string[] = [];
    const outbox = new ReviewOutbox(async () => ({ ok: false, status: 502, error: "Bad Gateway" }), {
      onRefused: (_op, message) => refused.push(message),
      sleep: async () => {},
    });
    outbox.enqueue(approve("t1"));
    await settle(outbox);
    expect(refused).toEqual(["Not saved: the server did not answer (Bad Gateway)."]);
  });
});
