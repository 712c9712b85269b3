import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, InvalidInputError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { setTraceFlag } from "../traces";
import { addComment } from "./comments";
import { decide, retractDecision } from "./decide";
import { reviewQueuePage, queueTrace } from "./queue";
import { QueueQuerySchema } from "./queue-schemas";

const query = (input: Record<string, unknown>) => QueueQuerySchema.parse(input);

describe("the review queue", () => {
  it("pages through a job's traces newest first, from a cursor, with no gap and no repeat", async () => {
    const { jobId, traceIds } = await createTraces({ count: 7 });
    const reviewer = await createTestUser("reviewer");
    const seen: string[] = [];
    let page = await reviewQueuePage(query({ status: "all", jobId, limit: 3 }), reviewer.id);
    seen.push(...page.traces.map((t) => t.id));
    while (page.nextCursor) {
      page = await reviewQueuePage(
        query({ status: "all", jobId, limit: 3, after: page.nextCursor }),
        reviewer.id,
      );
      seen.push(...page.traces.map((t) => t.id));
    }
    // createTraces makes trace i at base + i seconds: newest first is index descending.
    expect(seen).toEqual([...traceIds].reverse());
    // And back again from the oldest.
    const back = await reviewQueuePage(
      query({
        status: "all",
        jobId,
        limit: 3,
        before: (await queueTrace(traceIds[0]!, reviewer.id))!.cursor,
      }),
      reviewer.id,
    );
    expect(back.traces.map((t) => t.id)).toEqual([traceIds[3], traceIds[2], traceIds[1]]);
  });

  it("carries everything the page shows, and the reviewer's own decision", async () => {
    const { jobId, traceIds } = await createTraces({ count: 2 });
    const reviewer = await createTestUser("reviewer");
    await decide(
      { traceId: traceIds[1]!, decision: "rejected", reasonId: "reason-shortcut", reason: "skips" },
      reviewer.id,
    );
    const page = await reviewQueuePage(query({ status: "all", jobId }), reviewer.id);
    const [first] = page.traces;
    expect(first!.id).toBe(traceIds[1]);
    expect(first!.prompt.text).toMatch(/\w/);
    expect(first!.myDecision).toMatchObject({
      decision: "rejected",
      reasonId: "reason-shortcut",
      reasonLabel: "Right answer by a shortcut",
      reason: "skips",
    });
    // The pending filter leaves the decided one out.
    const pending = await reviewQueuePage(query({ status: "pending", jobId }), reviewer.id);
    expect(pending.traces.map((t) => t.id)).toEqual([traceIds[0]]);
  });
});

describe("reasons, undo, flags and comments", () => {
  it("a retired or unknown reason is refused; an active one is stored by id", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const reviewer = await createTestUser("reviewer");
    await db().rejectReason.update({ where: { id: "reason-duplicate" }, data: { retiredAt: new Date() } });
    await expect(
      decide({ traceId: traceIds[0]!, decision: "rejected", reasonId: "reason-duplicate" }, reviewer.id),
    ).rejects.toThrow(/retired/);
    await expect(
      decide({ traceId: traceIds[0]!, decision: "rejected", reasonId: "no-such-reason" }, reviewer.id),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await db().rejectReason.update({ where: { id: "reason-duplicate" }, data: { retiredAt: null } });
    await decide({ traceId: traceIds[0]!, decision: "rejected", reasonId: "reason-refusal" }, reviewer.id);
    const row = await db().reviewDecision.findFirstOrThrow({ where: { traceId: traceIds[0] } });
    expect(row).toMatchObject({ decision: "rejected", reasonId: "reason-refusal", reason: null });
  });

  it("retracting my only decision puts the trace back to pending, audited with what it was", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewer = await createTestUser("reviewer");
    const decided = await decide({ traceId, decision: "approved" }, reviewer.id);
    await expect(retractDecision({ traceId, expectedVersion: 7 }, reviewer.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const undone = await retractDecision({ traceId, expectedVersion: decided.version }, reviewer.id);
    expect(undone).toMatchObject({ status: "pending", version: 0, decision: null });
    expect(await db().reviewDecision.count({ where: { traceId } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityId: traceId, action: "review.retracted" },
    });
    expect(event.data).toMatchObject({ before: { decision: "approved" }, status: "pending" });
    // A second decision after the retraction starts again at version 1.
    expect((await decide({ traceId, decision: "approved", expectedVersion: 0 }, reviewer.id)).version).toBe(
      1,
    );
  });

  it("a flag and a comment show on the trace and are audited", async () => {
    const { jobId, traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewer = await createTestUser("reviewer");
    await setTraceFlag({ traceId, flagged: true }, reviewer.id);
    await addComment({ traceId, body: "  Check step 3 against the reference.  " }, reviewer.id);
    const [view] = (await reviewQueuePage(query({ status: "all", jobId, flagged: "1" }), reviewer.id)).traces;
    expect(view!.flagged).toBe(true);
    expect(view!.comments).toEqual([
      expect.objectContaining({ body: "Check step 3 against the reference.", authorName: reviewer.name }),
    ]);
    await setTraceFlag({ traceId, flagged: false }, reviewer.id);
    expect(
      (await reviewQueuePage(query({ status: "all", jobId, flagged: "1" }), reviewer.id)).traces,
    ).toEqual([]);
    const actions = await db().auditEvent.findMany({
      where: { entityId: traceId },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "trace.commented",
      "trace.flagged",
      "trace.flagged",
    ]);
  });
});
