import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { plannedSession, traceStatus } from "../testing/session-fixtures";
import { adjudicate } from "./adjudicate";
import { listAdjudicationQueue } from "./adjudication-queue";
import { decideInSession, retractInSession } from "./decide";

/** A session of `traces` traces, every one dealt to both reviewers, each split one way and the other. */
async function disputed(traces: number, rule: "majority" | "adjudicator", adjudicatorId?: string) {
  const world = await plannedSession({ traces, reviewers: 2, overlap: 2, rule, adjudicatorId });
  const [a, b] = world.reviewers;
  for (const traceId of world.traces.traceIds) {
    await decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, a!.id);
    await decideInSession(
      { sessionId: world.sessionId, traceId, decision: "rejected", reasonId: "reason-shortcut" },
      b!.id,
    );
  }
  return world;
}

describe("adjudication", () => {
  it("lists disputed traces in position order, keyset paged, with each reviewer's decision", async () => {
    const world = await disputed(5, "majority");
    const first = await listAdjudicationQueue(world.sessionId, world.curator, { limit: 2 });
    expect(first.canAdjudicate).toBe(true);
    expect(first.rows.map((r) => r.position)).toEqual([0, 1]);
    expect(first.nextAfter).toBe(1);
    expect(first.rows[0]!.decisions.map((d) => [d.reviewerId, d.decision, d.reasonLabel])).toEqual([
      [world.reviewers[0]!.id, "approved", null],
      [world.reviewers[1]!.id, "rejected", "Right answer by a shortcut"],
    ]);
    const rest = await listAdjudicationQueue(world.sessionId, world.curator, {
      limit: 5,
      after: first.nextAfter!,
    });
    expect(rest.rows.map((r) => r.position)).toEqual([2, 3, 4]);
    expect(rest.nextAfter).toBeNull();
    // The reviewers may not read everyone's decisions from it.
    await expect(listAdjudicationQueue(world.sessionId, world.reviewers[0]!, {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("under majority any curator resolves: the trace's status follows, audited before and after", async () => {
    const world = await disputed(1, "majority");
    const traceId = world.traces.traceIds[0]!;
    expect(await traceStatus(traceId)).toBe("conflict");
    const [row] = (await listAdjudicationQueue(world.sessionId, world.curator)).rows;
    const result = await adjudicate(
      {
        sessionId: world.sessionId,
        traceId,
        verdict: "rejected",
        reasonId: "reason-shortcut",
        reason: "Guessed.",
        expectedItemVersion: row!.itemVersion,
      },
      world.curator.id,
    );
    expect(result).toEqual({
      traceId,
      itemState: "resolved",
      verdict: "rejected",
      itemVersion: row!.itemVersion + 1,
    });
    expect(await traceStatus(traceId)).toBe("rejected");
    const item = await db().reviewSessionItem.findFirstOrThrow({ where: { sessionId: world.sessionId } });
    expect(item).toMatchObject({
      resolvedById: world.curator.id,
      verdictReason: "Right answer by a shortcut: Guessed.",
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "session.adjudicated" } });
    expect(audit).toMatchObject({ actorId: world.curator.id, entityId: world.sessionId });
    expect(audit.data).toMatchObject({
      traceId,
      before: { state: "disputed", verdict: null },
      after: { state: "resolved", verdict: "rejected" },
    });
    expect((await listAdjudicationQueue(world.sessionId, world.curator)).rows).toEqual([]);
    // A second curator who saw it disputed is told it was resolved meanwhile.
    const late = adjudicate(
      { sessionId: world.sessionId, traceId, verdict: "approved", expectedItemVersion: row!.itemVersion },
      (await createTestUser("curator")).id,
    );
    await expect(late).rejects.toBeInstanceOf(ConflictError);
    await expect(late).rejects.toThrow("Someone resolved this trace");
  });

  it("under the adjudicator rule only the adjudicator decides; reviewers never", async () => {
    const judge = await createTestUser("curator");
    const world = await disputed(1, "adjudicator", judge.id);
    const traceId = world.traces.traceIds[0]!;
    await expect(
      adjudicate({ sessionId: world.sessionId, traceId, verdict: "approved" }, world.curator.id),
    ).rejects.toThrow("Only this session's adjudicator");
    await expect(
      adjudicate({ sessionId: world.sessionId, traceId, verdict: "approved" }, world.reviewers[0]!.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await adjudicate({ sessionId: world.sessionId, traceId, verdict: "approved" }, judge.id),
    ).toMatchObject({
      itemState: "resolved",
      verdict: "approved",
    });
    expect(await traceStatus(traceId)).toBe("approved");
  });

  it("a reviewer's change of mind is caught by the item version; an undo takes the trace out of the queue", async () => {
    const world = await disputed(1, "majority");
    const traceId = world.traces.traceIds[0]!;
    const [row] = (await listAdjudicationQueue(world.sessionId, world.curator)).rows;
    await decideInSession(
      {
        sessionId: world.sessionId,
        traceId,
        decision: "rejected",
        reason: "On reflection, no.",
        expectedVersion: 1,
      },
      world.reviewers[0]!.id,
    );
    // Both reject now: agreed, no longer disputed.
    expect(await traceStatus(traceId)).toBe("rejected");
    await expect(
      adjudicate(
        { sessionId: world.sessionId, traceId, verdict: "approved", expectedItemVersion: row!.itemVersion },
        world.curator.id,
      ),
    ).rejects.toThrow("its reviewers agreed");
    await retractInSession(
      { sessionId: world.sessionId, traceId, expectedVersion: 2 },
      world.reviewers[0]!.id,
    );
    await expect(
      adjudicate({ sessionId: world.sessionId, traceId, verdict: "approved" }, world.curator.id),
    ).rejects.toThrow("no longer disputed");
  });

  it("a resolution stands when a reviewer changes their mind, and an undo re-opens it", async () => {
    const world = await disputed(1, "majority");
    const traceId = world.traces.traceIds[0]!;
    await adjudicate({ sessionId: world.sessionId, traceId, verdict: "approved" }, world.curator.id);
    await decideInSession(
      {
        sessionId: world.sessionId,
        traceId,
        decision: "rejected",
        reason: "Still wrong.",
        expectedVersion: 1,
      },
      world.reviewers[0]!.id,
    );
    expect(await traceStatus(traceId)).toBe("approved");
    await retractInSession(
      { sessionId: world.sessionId, traceId, expectedVersion: 2 },
      world.reviewers[0]!.id,
    );
    const item = await db().reviewSessionItem.findFirstOrThrow({ where: { sessionId: world.sessionId } });
    expect(item).toMatchObject({ state: "open", verdict: null, resolvedById: null });
    expect(await traceStatus(traceId)).toBe("pending");
  });
});
