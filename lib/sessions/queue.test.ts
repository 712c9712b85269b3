import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { plannedSession } from "../testing/session-fixtures";
import { closeSession } from "./close";
import { decideInSession, EXPIRED_AND_TAKEN } from "./decide";
import { releaseSessionTrace, takeSessionTraces } from "./queue";

const newestFirst = (traceIds: string[]) => [...traceIds].reverse();

/** Backdates every reservation of `reviewerId` in the session: as if its minutes had run out. */
const expire = (sessionId: string, reviewerId: string) =>
  db().reviewSessionSlot.updateMany({
    where: { sessionId, reviewerId, state: "reserved" },
    data: { reservedUntil: new Date(Date.now() - 60_000) },
  });

describe("the reviewer's queue, assigned access", () => {
  it("gives each reviewer their dealt traces in position order, minus what they hold or decided", async () => {
    const world = await plannedSession({ traces: 6, reviewers: 3, overlap: 2 });
    const [a] = world.reviewers;
    const dealt = await db().reviewSessionSlot.findMany({
      where: { sessionId: world.sessionId, reviewerId: a!.id },
      orderBy: { position: "asc" },
      include: { item: true },
    });
    const mine = dealt.map((s) => s.item.traceId);
    expect(mine).toHaveLength(4);
    const first = await takeSessionTraces(world.sessionId, a!.id, { limit: 2 });
    expect(first).toEqual({ traceIds: mine.slice(0, 2), done: false });
    const rest = await takeSessionTraces(world.sessionId, a!.id, {
      limit: 5,
      excludeTraceIds: first.traceIds,
    });
    expect(rest).toEqual({ traceIds: mine.slice(2), done: true });
    await decideInSession({ sessionId: world.sessionId, traceId: mine[0]!, decision: "approved" }, a!.id);
    expect((await takeSessionTraces(world.sessionId, a!.id, { limit: 10 })).traceIds).toEqual(mine.slice(1));
  });

  it("refuses who is not a reviewer of the session, and a closed session gives nothing", async () => {
    const world = await plannedSession({ traces: 4 });
    const outsider = await createTestUser("reviewer");
    await expect(takeSessionTraces(world.sessionId, outsider.id, { limit: 5 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(takeSessionTraces(world.sessionId, world.curator.id, { limit: 5 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await closeSession(world.sessionId, world.curator);
    expect(await takeSessionTraces(world.sessionId, world.reviewers[0]!.id, { limit: 5 })).toEqual({
      traceIds: [],
      done: true,
    });
  });

  it("skip changes nothing in assigned access", async () => {
    const world = await plannedSession({ traces: 3, reviewers: 2, overlap: 2 });
    const [a] = world.reviewers;
    const { traceIds } = await takeSessionTraces(world.sessionId, a!.id, { limit: 1 });
    expect(await releaseSessionTrace(world.sessionId, traceIds[0]!, a!.id)).toEqual({ released: false });
    expect((await takeSessionTraces(world.sessionId, a!.id, { limit: 1 })).traceIds).toEqual(traceIds);
  });
});

describe("the reviewer's queue, open access", () => {
  it("reserves traces that still need a reviewer, never more than k per trace", async () => {
    const world = await plannedSession({ traces: 3, reviewers: 3, overlap: 2, access: "open" });
    const [a, b, c] = world.reviewers;
    const order = newestFirst(world.traces.traceIds);
    expect(await takeSessionTraces(world.sessionId, a!.id, { limit: 2 })).toEqual({
      traceIds: order.slice(0, 2),
      done: false,
    });
    expect(await takeSessionTraces(world.sessionId, b!.id, { limit: 2 })).toEqual({
      traceIds: order.slice(0, 2),
      done: false,
    });
    // Both places of the first two traces are held: c gets the third only.
    expect(await takeSessionTraces(world.sessionId, c!.id, { limit: 2 })).toEqual({
      traceIds: order.slice(2),
      done: true,
    });
    // A's reservations come first (renewed), then the third trace, which still has a place.
    expect(await takeSessionTraces(world.sessionId, a!.id, { limit: 5 })).toEqual({
      traceIds: order,
      done: true,
    });
    const slots = await db().reviewSessionSlot.findMany({ where: { sessionId: world.sessionId } });
    expect(slots.every((s) => s.state === "reserved" && s.reservedUntil! > new Date())).toBe(true);
    const perTrace = await db().reviewSessionSlot.groupBy({
      by: ["itemId"],
      where: { sessionId: world.sessionId },
      _count: { _all: true },
    });
    expect(perTrace.every((g) => g._count._all <= 2)).toBe(true);
  });

  it("an expired reservation frees its place: taken by another, the late decision is refused", async () => {
    const world = await plannedSession({ traces: 1, reviewers: 2, overlap: 1, access: "open" });
    const [a, b] = world.reviewers;
    const traceId = world.traces.traceIds[0]!;
    expect((await takeSessionTraces(world.sessionId, a!.id, { limit: 1 })).traceIds).toEqual([traceId]);
    expect(await takeSessionTraces(world.sessionId, b!.id, { limit: 1 })).toEqual({
      traceIds: [],
      done: true,
    });
    await expire(world.sessionId, a!.id);
    expect((await takeSessionTraces(world.sessionId, b!.id, { limit: 1 })).traceIds).toEqual([traceId]);
    const slots = await db().reviewSessionSlot.findMany({ where: { sessionId: world.sessionId } });
    expect(slots.map((s) => s.reviewerId)).toEqual([b!.id]);
    const late = decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, a!.id);
    await expect(late).rejects.toBeInstanceOf(ConflictError);
    await expect(late).rejects.toThrow(EXPIRED_AND_TAKEN);
    await decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, b!.id);
  });

  it("an expired reservation whose place is still free decides, and is renewed when taken again", async () => {
    const world = await plannedSession({ traces: 2, reviewers: 2, overlap: 1, access: "open" });
    const [a] = world.reviewers;
    const order = newestFirst(world.traces.traceIds);
    await takeSessionTraces(world.sessionId, a!.id, { limit: 2 });
    await expire(world.sessionId, a!.id);
    const result = await decideInSession(
      { sessionId: world.sessionId, traceId: order[0]!, decision: "approved" },
      a!.id,
    );
    expect(result).toMatchObject({ version: 1, itemState: "agreed", verdict: "approved" });
    expect(await takeSessionTraces(world.sessionId, a!.id, { limit: 5 })).toEqual({
      traceIds: [order[1]],
      done: true,
    });
    const renewed = await db().reviewSessionSlot.findFirstOrThrow({
      where: { sessionId: world.sessionId, reviewerId: a!.id, state: "reserved" },
    });
    expect(renewed.reservedUntil!.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
  });

  it("skip drops the reservation so another reviewer may take the trace", async () => {
    const world = await plannedSession({ traces: 1, reviewers: 2, overlap: 1, access: "open" });
    const [a, b] = world.reviewers;
    const traceId = world.traces.traceIds[0]!;
    await takeSessionTraces(world.sessionId, a!.id, { limit: 1 });
    expect(await releaseSessionTrace(world.sessionId, traceId, a!.id)).toEqual({ released: true });
    expect((await takeSessionTraces(world.sessionId, b!.id, { limit: 1 })).traceIds).toEqual([traceId]);
    // Having skipped it, a is not handed it again while b holds it.
    expect(await takeSessionTraces(world.sessionId, a!.id, { limit: 1 })).toEqual({
      traceIds: [],
      done: true,
    });
    await expect(
      decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, a!.id),
    ).rejects.toThrow(EXPIRED_AND_TAKEN);
  });

  it("a decided trace is not taken again, and an undecided one without a reservation is refused", async () => {
    const world = await plannedSession({ traces: 2, reviewers: 2, overlap: 2, access: "open" });
    const [a] = world.reviewers;
    const order = newestFirst(world.traces.traceIds);
    await expect(
      decideInSession({ sessionId: world.sessionId, traceId: order[0]!, decision: "approved" }, a!.id),
    ).rejects.toThrow("take it from the session's queue first");
    await takeSessionTraces(world.sessionId, a!.id, { limit: 1 });
    await decideInSession({ sessionId: world.sessionId, traceId: order[0]!, decision: "approved" }, a!.id);
    expect((await takeSessionTraces(world.sessionId, a!.id, { limit: 5 })).traceIds).toEqual([order[1]]);
  });
});
