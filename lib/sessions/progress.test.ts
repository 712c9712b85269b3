import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { plannedSession } from "../testing/session-fixtures";
import { editTrace } from "../traces/edit";
import { sessionAgreement, sessionRatings } from "./agreement-figures";
import { decideInSession } from "./decide";
import { sessionProgress } from "./progress";
import { takeSessionTraces } from "./queue";

describe("session progress", () => {
  it("counts items by state and each reviewer's decisions, reservations and share", async () => {
    const world = await plannedSession({ traces: 4, reviewers: 3, overlap: 2, access: "open" });
    const [a, b, c] = world.reviewers;
    const { traceIds } = await takeSessionTraces(world.sessionId, a!.id, { limit: 2 });
    await takeSessionTraces(world.sessionId, b!.id, { limit: 1 });
    await decideInSession({ sessionId: world.sessionId, traceId: traceIds[0]!, decision: "approved" }, a!.id);
    await decideInSession({ sessionId: world.sessionId, traceId: traceIds[0]!, decision: "approved" }, b!.id);
    const progress = await sessionProgress(world.sessionId, world.curator);
    expect(progress).toMatchObject({ status: "active", itemCount: 4, decisions: 2, percent: 25 });
    expect(progress.items).toEqual({ total: 4, open: 3, agreed: 1, disputed: 0, resolved: 0, complete: 1 });
    const byId = new Map(progress.reviewers.map((r) => [r.reviewerId, r]));
    // Open access: an even share of 4 traces × 2 places over 3 reviewers, rounded up.
    expect(byId.get(a!.id)).toMatchObject({ decided: 1, reserved: 1, expected: 3 });
    expect(byId.get(b!.id)).toMatchObject({ decided: 1, reserved: 0 });
    expect(byId.get(c!.id)).toMatchObject({ decided: 0, reserved: 0 });
  });

  it("is shown to the session's people and managers only; a shared count may be a little old", async () => {
    const world = await plannedSession({ traces: 2, reviewers: 2, overlap: 1 });
    const outsider = await createTestUser("reviewer");
    await expect(sessionProgress(world.sessionId, outsider)).rejects.toBeInstanceOf(NotFoundError);
    const reviewer = world.reviewers[0]!;
    const first = await sessionProgress(world.sessionId, reviewer, { maxAgeMs: 60_000 });
    const [traceId] = (await takeSessionTraces(world.sessionId, reviewer.id, { limit: 1 })).traceIds;
    await decideInSession(
      { sessionId: world.sessionId, traceId: traceId!, decision: "approved" },
      reviewer.id,
    );
    expect(await sessionProgress(world.sessionId, reviewer, { maxAgeMs: 60_000 })).toEqual(first);
    expect((await sessionProgress(world.sessionId, reviewer)).decisions).toBe(1);
  });
});

describe("agreement figures", () => {
  it("gathers each item's ratings and the reviewers' latest edits made during the session", async () => {
    const world = await plannedSession({ traces: 2, reviewers: 2, overlap: 2 });
    const [a, b] = world.reviewers;
    const [t1] = world.traces.traceIds;
    await decideInSession({ sessionId: world.sessionId, traceId: t1!, decision: "approved" }, a!.id);
    await decideInSession(
      { sessionId: world.sessionId, traceId: t1!, decision: "rejected", reasonId: "reason-style" },
      b!.id,
    );
    await editTrace({ traceId: t1!, content: "First fix." }, a!.id);
    await editTrace({ traceId: t1!, content: "Second fix." }, a!.id);
    // An edit by someone outside the session is not a rating.
    await editTrace({ traceId: t1!, content: "Curator's text." }, world.curator.id);
    const ratings = await sessionRatings(world.sessionId);
    expect(ratings).toMatchObject({ overlap: 2, reviewerIds: expect.arrayContaining([a!.id, b!.id]) });
    expect(ratings.items).toEqual([
      {
        traceId: t1,
        position: expect.any(Number),
        decisions: { [a!.id]: "approved", [b!.id]: "rejected" },
        reasons: { [b!.id]: "reason-style" },
      },
    ]);
    expect(ratings.edits).toEqual({ [t1!]: { [a!.id]: "Second fix." } });
    expect(await sessionAgreement(world.sessionId)).toMatchObject({
      rated: 1,
      decisions: { unanimous: { value: 0, n: 1, items: 0 }, pairwise: { value: 0, n: 1 } },
      // One edited text: nothing to compare it with.
      edits: { meanDistance: null, n: 0 },
    });
    expect(
      await db().reviewSessionItem.count({ where: { sessionId: world.sessionId, state: "disputed" } }),
    ).toBe(1);
  });
});
