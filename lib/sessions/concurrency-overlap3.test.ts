import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError } from "../errors";
import { plannedSession } from "../testing/session-fixtures";
import { expectExact, REVIEWERS } from "../testing/session-race";
import { decideInSession } from "./decide";
import { takeSessionTraces } from "./queue";

describe("exactly k under concurrency: 20 reviewers, open access, overlap 3", () => {
  it("334 traces, about 1,000 decisions, all at once", async () => {
    const { decisions } = await expectExact(3, 334, 11);
    expect(decisions).toBeGreaterThanOrEqual(1_000);
  }, 60_000);

  it("20 reviewers taking at the same moment never put more than k on a trace", async () => {
    const world = await plannedSession({ traces: 10, reviewers: REVIEWERS, overlap: 3, access: "open" });
    const held = async () =>
      (
        await db().reviewSessionSlot.groupBy({
          by: ["itemId"],
          where: { sessionId: world.sessionId },
          _count: { _all: true },
        })
      ).map((h) => h._count._all);
    const taken = [];
    // PostgreSQL passes over items another taker holds at that instant: a few rounds fill them all.
    for (let round = 0; round < 5 && (await held()).reduce((a, b) => a + b, 0) < 30; round++) {
      taken.push(
        ...(await Promise.all(
          world.reviewers.map((r) => takeSessionTraces(world.sessionId, r.id, { limit: 2 })),
        )),
      );
      expect(Math.max(...(await held()))).toBeLessThanOrEqual(3);
    }
    expect(await held()).toEqual(Array(10).fill(3));
    // A stale decision (another tab) is refused, not lost.
    const holder = taken.findIndex((t) => t.traceIds.length > 0) % REVIEWERS;
    const reviewer = world.reviewers[holder]!.id;
    const traceId = taken.find((t) => t.traceIds.length > 0)!.traceIds[0]!;
    await decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, reviewer);
    await expect(
      decideInSession(
        { sessionId: world.sessionId, traceId, decision: "rejected", reason: "x", expectedVersion: 0 },
        reviewer,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
