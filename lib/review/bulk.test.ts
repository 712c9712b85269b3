import { describe, expect, it } from "vitest";
import { can } from "../auth/roles";
import { db } from "../db/client";
import { ConflictError, InvalidInputError } from "../errors";
import { runJobNow } from "../runner";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { bulkDecide } from "./bulk";
import { decide } from "./decide";

const audits = (bulkActionId: string) =>
  db().auditEvent.findMany({ where: { action: "review.bulk-decided", entityId: bulkActionId } });
const statuses = async (ids: string[]) =>
  (await db().trace.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } })).map(
    (t) => t.reviewStatus,
  );

describe("bulk decisions", () => {
  it("approve the selection's traces, each with the actor's decision, audited once with the count", async () => {
    const { jobId, traceIds } = await createTraces({ count: 5 });
    const curator = await createTestUser("curator");
    const other = await createTestUser("reviewer");
    await decide({ traceId: traceIds[0]!, decision: "approved" }, other.id);
    const result = await bulkDecide(
      { selection: { status: "pending", jobId }, decision: "approved", expectedCount: 4 },
      curator.id,
      { batch: 3 },
    );
    expect(result).toMatchObject({ count: 4, jobId: null });
    expect(await statuses(traceIds)).toEqual(["approved", "approved", "approved", "approved", "approved"]);
    const mine = await db().reviewDecision.findMany({ where: { reviewerId: curator.id } });
    expect(mine).toHaveLength(4);
    expect(mine.every((d) => d.bulkActionId === result.bulkActionId && d.decision === "approved")).toBe(true);
    const [event, ...more] = await audits(result.bulkActionId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: curator.id,
      entityType: "review-bulk",
      data: { decision: "approved", count: 4, expected: 4, complete: true, jobId: null },
    });
    expect((event!.data as { selection: unknown }).selection).toMatchObject({ status: "pending", jobId });
  });

  it("refuse when the selection no longer holds the count confirmed, and write nothing", async () => {
    const { jobId, traceIds } = await createTraces({ count: 3 });
    const curator = await createTestUser("curator");
    const input = { selection: { status: "pending" as const, jobId }, decision: "approved" as const };
    await expect(bulkDecide({ ...input, expectedCount: 4 }, curator.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await decide({ traceId: traceIds[0]!, decision: "approved" }, curator.id);
    await expect(bulkDecide({ ...input, expectedCount: 3 }, curator.id)).rejects.toThrow(
      /now holds 2 traces, not 3/,
    );
    expect(await db().reviewDecision.count({ where: { traceId: { in: traceIds } } })).toBe(1);
    expect(
      await db().auditEvent.count({ where: { action: "review.bulk-decided", actorId: curator.id } }),
    ).toBe(0);
  });

  it("reject with a reason from the taxonomy, overwriting the actor's own decision and recomputing status", async () => {
    const { jobId, traceIds } = await createTraces({ count: 3 });
    const curator = await createTestUser("admin");
    const other = await createTestUser("reviewer");
    await decide({ traceId: traceIds[0]!, decision: "approved" }, other.id);
    await decide({ traceId: traceIds[1]!, decision: "approved" }, curator.id);
    const selection = { status: "all" as const, jobId };
    await expect(
      bulkDecide({ selection, decision: "rejected", expectedCount: 3 }, curator.id),
    ).rejects.toThrow(/reason/);
    await expect(
      bulkDecide({ selection, decision: "rejected", reasonId: "nope", expectedCount: 3 }, curator.id),
    ).rejects.toBeInstanceOf(InvalidInputError);
    const result = await bulkDecide(
      { selection, decision: "rejected", reasonId: "reason-truncated", note: "cut at 1k", expectedCount: 3 },
      curator.id,
    );
    expect(await statuses(traceIds)).toEqual(["conflict", "rejected", "rejected"]);
    const overwritten = await db().reviewDecision.findUniqueOrThrow({
      where: { traceId_reviewerId: { traceId: traceIds[1]!, reviewerId: curator.id } },
    });
    expect(overwritten).toMatchObject({
      decision: "rejected",
      reasonId: "reason-truncated",
      reason: "Truncated: cut at 1k",
      version: 2,
      bulkActionId: result.bulkActionId,
    });
  });

  it("act on a search and the other filters as the list shows them", async () => {
    const { jobId, traceIds } = await createTraces({
      count: 4,
      content: (i) => (i % 2 ? "about giraffes" : "about cats"),
    });
    const curator = await createTestUser("curator");
    const result = await bulkDecide(
      { selection: { status: "pending", jobId, q: "giraffes" }, decision: "approved", expectedCount: 2 },
      curator.id,
    );
    expect(result.count).toBe(2);
    expect(await statuses(traceIds)).toEqual(["pending", "approved", "pending", "approved"]);
  });

  it("run a large selection as a runner job, batch by batch, audited once when it ends", async () => {
    const { jobId, traceIds } = await createTraces({ count: 7 });
    const curator = await createTestUser("curator");
    const result = await bulkDecide(
      { selection: { status: "pending", jobId }, decision: "approved", expectedCount: 7 },
      curator.id,
      { inlineMax: 5, batch: 2 },
    );
    expect(result.jobId).not.toBeNull();
    expect(await audits(result.bulkActionId)).toEqual([]);
    expect(await runJobNow(result.jobId!)).toBe("completed");
    expect(await db().jobItem.count({ where: { jobId: result.jobId! } })).toBe(4);
    expect(new Set(await statuses(traceIds))).toEqual(new Set(["approved"]));
    const events = await audits(result.bulkActionId);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ count: 7, expected: 7, complete: true, jobId: result.jobId });
  });

  it("are for curators and admins, not reviewers", () => {
    expect(can("admin", "review:bulk")).toBe(true);
    expect(can("curator", "review:bulk")).toBe(true);
    expect(can("reviewer", "review:bulk")).toBe(false);
  });
});
