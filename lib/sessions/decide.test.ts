import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, ForbiddenError, InvalidInputError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { plannedSession, traceStatus } from "../testing/session-fixtures";
import { canSeeOthers, sessionDecisionsFor } from "./blind";
import { decideInSession, mySessionDecision, retractInSession } from "./decide";
import { ruleOutcome } from "./rules";
import { SessionDecideSchema } from "./schemas";

const d = (decision: "approved" | "rejected") => ({ decision, reasonId: null, reason: null });

/** A one-trace session dealt to all `k` reviewers (assigned, overlap k). */
async function oneTrace(k: number, rule: "majority" | "unanimous" | "adjudicator" = "majority") {
  const curator = await createTestUser("curator");
  const world = await plannedSession({
    traces: 1,
    reviewers: k,
    overlap: k,
    rule,
    adjudicatorId: rule === "adjudicator" ? curator.id : undefined,
  });
  const traceId = world.traces.traceIds[0]!;
  const decideAs = (i: number, decision: "approved" | "rejected", extra: object = {}) =>
    decideInSession(
      {
        sessionId: world.sessionId,
        traceId,
        decision,
        ...(decision === "rejected" ? { reasonId: "reason-wrong-answer" } : {}),
        ...extra,
      },
      world.reviewers[i]!.id,
    );
  return { ...world, traceId, decideAs };
}

describe("the rules", () => {
  it("majority: a strict majority wins, a tie is disputed; unanimous and adjudicator want all alike", () => {
    expect(ruleOutcome("majority", [d("approved"), d("approved"), d("rejected")])).toEqual({
      state: "agreed",
      verdict: "approved",
    });
    expect(ruleOutcome("majority", [d("approved"), d("rejected")])).toEqual({
      state: "disputed",
      verdict: null,
    });
    expect(ruleOutcome("majority", [d("rejected")])).toEqual({ state: "agreed", verdict: "rejected" });
    for (const rule of ["unanimous", "adjudicator"] as const) {
      expect(ruleOutcome(rule, [d("rejected"), d("rejected")])).toEqual({
        state: "agreed",
        verdict: "rejected",
      });
      expect(ruleOutcome(rule, [d("approved"), d("approved"), d("rejected")])).toEqual({
        state: "disputed",
        verdict: null,
      });
    }
  });

  it("a rejection needs a reason or a note; a taxonomy reason only goes with a rejection", () => {
    const base = { sessionId: "s", traceId: "t" };
    expect(SessionDecideSchema.safeParse({ ...base, decision: "rejected" }).success).toBe(false);
    expect(SessionDecideSchema.safeParse({ ...base, decision: "rejected", reason: "  " }).success).toBe(
      false,
    );
    expect(
      SessionDecideSchema.safeParse({ ...base, decision: "rejected", reason: "Off by one." }).success,
    ).toBe(true);
    expect(
      SessionDecideSchema.safeParse({ ...base, decision: "rejected", reasonId: "reason-other" }).success,
    ).toBe(true);
    expect(
      SessionDecideSchema.safeParse({ ...base, decision: "approved", reasonId: "reason-other" }).success,
    ).toBe(false);
  });
});

describe("deciding in a session", () => {
  it("the k-th decision gives the verdict, and the trace's status follows it", async () => {
    const t = await oneTrace(3);
    expect(await t.decideAs(0, "rejected")).toEqual({
      traceId: t.traceId,
      version: 1,
      itemState: "open",
      verdict: null,
    });
    expect(await traceStatus(t.traceId)).toBe("pending");
    await t.decideAs(1, "approved");
    expect(await t.decideAs(2, "rejected")).toMatchObject({ itemState: "agreed", verdict: "rejected" });
    expect(await traceStatus(t.traceId)).toBe("rejected");
    const item = await db().reviewSessionItem.findFirstOrThrow({ where: { sessionId: t.sessionId } });
    expect(item).toMatchObject({
      decided: 3,
      state: "agreed",
      verdict: "rejected",
      verdictReason: "Wrong answer",
    });
    const verdicts = await db().auditEvent.findMany({
      where: { entityId: t.traceId, action: "session.verdict" },
    });
    expect(verdicts.map((v) => v.data)).toEqual([
      {
        sessionId: t.sessionId,
        itemId: item.id,
        before: { state: "open", verdict: null, status: "pending" },
        after: { state: "agreed", verdict: "rejected", status: "rejected" },
      },
    ]);
  });

  it("a change of mind after the verdict recomputes it (version + 1), audited with before and after", async () => {
    const t = await oneTrace(3);
    await t.decideAs(0, "approved");
    await t.decideAs(1, "approved");
    await t.decideAs(2, "rejected");
    expect(await traceStatus(t.traceId)).toBe("approved");
    await t.decideAs(1, "rejected", { expectedVersion: 1 });
    expect(await traceStatus(t.traceId)).toBe("rejected");
    const changed = await t.decideAs(0, "rejected", { expectedVersion: 1 });
    expect(changed).toMatchObject({ version: 2, itemState: "agreed", verdict: "rejected" });
    const audits = await db().auditEvent.findMany({
      where: { entityId: t.sessionId, action: "session.decided" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(audits).toHaveLength(5);
    expect(audits[3]!.actorId).toBe(t.reviewers[1]!.id);
    expect(audits[3]!.data).toMatchObject({
      traceId: t.traceId,
      reviewerId: t.reviewers[1]!.id,
      before: { state: "decided", decision: "approved", version: 1 },
      after: { state: "decided", decision: "rejected", reasonId: "reason-wrong-answer", version: 2 },
      item: {
        before: { state: "agreed", verdict: "approved" },
        after: { state: "agreed", verdict: "rejected" },
      },
    });
  });

  it("a tie is disputed and the trace shows a conflict; unanimous disputes any split", async () => {
    const tie = await oneTrace(2);
    await tie.decideAs(0, "approved");
    expect(await tie.decideAs(1, "rejected")).toMatchObject({ itemState: "disputed", verdict: null });
    expect(await traceStatus(tie.traceId)).toBe("conflict");
    const split = await oneTrace(3, "unanimous");
    await split.decideAs(0, "approved");
    await split.decideAs(1, "approved");
    expect(await split.decideAs(2, "rejected")).toMatchObject({ itemState: "disputed" });
  });

  it("refuses a stale version with what changed, and a reviewer the trace is not dealt to", async () => {
    const t = await oneTrace(2);
    await t.decideAs(0, "approved");
    const stale = t.decideAs(0, "rejected", { expectedVersion: 0 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow("you saw version 0; it is now approved (version 1)");
    const outsider = await createTestUser("reviewer");
    await expect(
      decideInSession({ sessionId: t.sessionId, traceId: t.traceId, decision: "approved" }, outsider.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(t.decideAs(1, "rejected", { reasonId: "reason-nope" })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it("undo re-opens a complete item and the trace's status goes back to its own decisions", async () => {
    const t = await oneTrace(2);
    const own = await createTestUser("reviewer");
    // Decided before the session took the trace (beside an open session, decide() refuses).
    await db().reviewDecision.create({
      data: { traceId: t.traceId, reviewerId: own.id, decision: "approved" },
    });
    await t.decideAs(0, "rejected");
    await t.decideAs(1, "rejected");
    expect(await traceStatus(t.traceId)).toBe("rejected");
    const undone = await retractInSession(
      { sessionId: t.sessionId, traceId: t.traceId, expectedVersion: 1 },
      t.reviewers[1]!.id,
    );
    expect(undone).toEqual({ traceId: t.traceId, version: 2, itemState: "open", verdict: null });
    expect(await traceStatus(t.traceId)).toBe("approved");
    const slot = await db().reviewSessionSlot.findFirstOrThrow({ where: { reviewerId: t.reviewers[1]!.id } });
    expect(slot).toMatchObject({ state: "assigned", decision: null, version: 2 });
    expect(await mySessionDecision(t.sessionId, t.traceId, t.reviewers[1]!.id)).toBeNull();
    await expect(
      retractInSession(
        { sessionId: t.sessionId, traceId: t.traceId, expectedVersion: 2 },
        t.reviewers[1]!.id,
      ),
    ).rejects.toThrow("nothing to undo");
    expect(await t.decideAs(1, "approved", { expectedVersion: 2 })).toMatchObject({
      version: 3,
      itemState: "disputed",
    });
    expect(await mySessionDecision(t.sessionId, t.traceId, t.reviewers[1]!.id)).toEqual({
      decision: "approved",
      reasonId: null,
      reason: null,
      version: 3,
    });
    const retracted = await db().auditEvent.findMany({
      where: { entityId: t.sessionId, action: "session.retracted" },
    });
    expect(retracted[0]!.data).toMatchObject({
      before: { state: "decided", decision: "rejected", version: 1 },
      after: { state: "assigned", decision: null, version: 2 },
      item: { before: { state: "agreed", decided: 2 }, after: { state: "open", decided: 1 } },
    });
  });

  it("undo in open access renews the reservation", async () => {
    const world = await plannedSession({ traces: 1, reviewers: 2, overlap: 2, access: "open" });
    const [a] = world.reviewers;
    const traceId = world.traces.traceIds[0]!;
    const { takeSessionTraces } = await import("./queue");
    await takeSessionTraces(world.sessionId, a!.id, { limit: 1 });
    await decideInSession({ sessionId: world.sessionId, traceId, decision: "approved" }, a!.id);
    await retractInSession({ sessionId: world.sessionId, traceId, expectedVersion: 1 }, a!.id);
    const slot = await db().reviewSessionSlot.findFirstOrThrow({ where: { reviewerId: a!.id } });
    expect(slot.state).toBe("reserved");
    expect(slot.reservedUntil!.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
  });
});

describe("blind review", () => {
  it("a reviewer sees the others' decisions only once they have decided; managers at once", async () => {
    const t = await oneTrace(2);
    const [a, b] = t.reviewers;
    await t.decideAs(0, "rejected", { reason: "Skips step 2." });
    expect(await canSeeOthers(t.sessionId, t.traceId, b!.id)).toBe(false);
    expect(await canSeeOthers(t.sessionId, t.traceId, a!.id)).toBe(true);
    expect(await canSeeOthers(t.sessionId, t.traceId, t.curator.id)).toBe(true);
    expect(await canSeeOthers(t.sessionId, t.traceId, (await createTestUser("reviewer")).id)).toBe(false);
    await t.decideAs(1, "approved");
    expect(await canSeeOthers(t.sessionId, t.traceId, b!.id)).toBe(true);
    const shown = await sessionDecisionsFor(t.sessionId, t.traceId);
    expect(shown).toMatchObject({ traceId: t.traceId, state: "disputed", verdict: null });
    expect(shown!.decisions.map((x) => [x.reviewerId, x.decision, x.reasonLabel, x.reason])).toEqual([
      [a!.id, "rejected", "Wrong answer", "Skips step 2."],
      [b!.id, "approved", null, null],
    ]);
  });
});
