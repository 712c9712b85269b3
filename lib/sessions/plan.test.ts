import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { plannedSession, sessionRow } from "../testing/session-fixtures";
import { dealReviewers } from "./deal";
import { writePlannedBatch } from "./plan-write";
import { sessionProgress } from "./progress";
import { SessionPlanConfigSchema } from "./schemas";

const itemsOf = (sessionId: string) =>
  db().reviewSessionItem.findMany({ where: { sessionId }, orderBy: { position: "asc" } });

describe("planning a session on the runner", () => {
  it("deals round-robin: k different reviewers per position, shares within one of each other", () => {
    const counts = [0, 0, 0, 0, 0];
    for (let p = 0; p < 103; p++) {
      const dealt = dealReviewers(p, 3, 5);
      expect(new Set(dealt).size).toBe(3);
      for (const r of dealt) counts[r]!++;
    }
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b)).toBe(309);
  });

  it("assigned access: every trace once, in review order, with exactly k dealt slots, balanced", async () => {
    const world = await plannedSession({ traces: 23, reviewers: 4, overlap: 3, batch: 5 });
    const session = await sessionRow(world.sessionId);
    expect(session).toMatchObject({ status: "active", itemCount: 23 });
    const items = await itemsOf(world.sessionId);
    // Newest first: fixture trace i is created at base + i seconds.
    expect(items.map((i) => i.traceId)).toEqual([...world.traces.traceIds].reverse());
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i));
    const slots = await db().reviewSessionSlot.findMany({ where: { sessionId: world.sessionId } });
    expect(slots).toHaveLength(23 * 3);
    for (const item of items) {
      const mine = slots.filter((s) => s.itemId === item.id);
      expect(new Set(mine.map((s) => s.reviewerId)).size).toBe(3);
      expect(mine.every((s) => s.state === "assigned" && s.position === item.position)).toBe(true);
    }
    const perReviewer = world.reviewers.map((r) => slots.filter((s) => s.reviewerId === r.id).length);
    expect(Math.max(...perReviewer) - Math.min(...perReviewer)).toBeLessThanOrEqual(1);
    const planned = await db().auditEvent.findMany({
      where: { entityId: world.sessionId, action: "session.planned" },
    });
    expect(planned.map((a) => a.data)).toEqual([
      { before: { status: "planning" }, after: { status: "active", items: 23 } },
    ]);
  });

  it("open access plans items only; a batch written twice adds nothing", async () => {
    const world = await plannedSession({ traces: 9, access: "open", overlap: 2, batch: 4 });
    expect(await db().reviewSessionSlot.count({ where: { sessionId: world.sessionId } })).toBe(0);
    const items = await itemsOf(world.sessionId);
    expect(items).toHaveLength(9);
    const job = await db().job.findUniqueOrThrow({ where: { id: world.jobId } });
    // 9 traces in batches of 4: three runner items.
    expect(job).toMatchObject({ status: "completed", itemCount: 3, kind: "session-planning" });
    const config = SessionPlanConfigSchema.parse(job.config);
    const again = await db().$transaction((tx) =>
      writePlannedBatch(tx, config, { first: 0, traceIds: items.slice(0, 4).map((i) => i.traceId) }),
    );
    expect(again).toBe(0);
    expect(await db().reviewSessionItem.count({ where: { sessionId: world.sessionId } })).toBe(9);
  });

  it("takes only the traces the filter chooses", async () => {
    const world = await plannedSession({ traces: 5, traceStatus: "approved" });
    // Another job's traces and this job's pending ones are not in the approved filter of this job.
    await plannedSession({ traces: 3 });
    const items = await itemsOf(world.sessionId);
    expect(new Set(items.map((i) => i.traceId))).toEqual(new Set(world.traces.traceIds));
  });

  it("is planning until the job has run, and the progress says how far it got", async () => {
    const world = await plannedSession({ traces: 7, plan: false });
    const viewer = world.curator;
    const before = await sessionProgress(world.sessionId, viewer);
    expect(before.status).toBe("planning");
    expect(before.planning).toMatchObject({ jobId: world.jobId, written: 0 });
    const { runJobNow } = await import("../runner");
    await runJobNow(world.jobId);
    const after = await sessionProgress(world.sessionId, viewer);
    expect(after).toMatchObject({ status: "active", itemCount: 7, planning: null });
    expect(after.items).toMatchObject({ total: 7, open: 7, complete: 0 });
    expect(after.reviewers.map((r) => r.expected).reduce((a, b) => a + b)).toBe(14);
  });

  it("a cancelled planning job leaves the session failed", async () => {
    const world = await plannedSession({ traces: 7, plan: false });
    const { cancelJob } = await import("../runner");
    await cancelJob(world.jobId, world.curator.id);
    expect((await sessionRow(world.sessionId)).status).toBe("failed");
  });
});
