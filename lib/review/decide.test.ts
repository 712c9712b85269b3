import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, NotFoundError } from "../errors";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { decide, statusFromDecisions } from "./decide";
import { DecideSchema } from "./schemas";

const statusOf = async (traceId: string) =>
  (await db().trace.findUniqueOrThrow({ where: { id: traceId } })).reviewStatus;

describe("decide", () => {
  it("approving a pending trace makes it approved with version 1", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const reviewer = await createTestUser("reviewer");
    const result = await decide({ traceId: traceIds[0]!, decision: "approved" }, reviewer.id);
    expect(result).toEqual({ traceId: traceIds[0], status: "approved", version: 1, decision: "approved" });
    expect(await statusOf(traceIds[0]!)).toBe("approved");
  });

  it("refuses a rejection without a reason (schema) and keeps the reason trimmed", () => {
    const traceId = "t1";
    expect(DecideSchema.safeParse({ traceId, decision: "rejected" }).success).toBe(false);
    const blank = DecideSchema.safeParse({ traceId, decision: "rejected", reason: "   " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.path).toEqual(["reason"]);
    expect(DecideSchema.safeParse({ traceId, decision: "rejected", reason: "x".repeat(1001) }).success).toBe(
      false,
    );
    expect(DecideSchema.parse({ traceId, decision: "rejected", reason: "  wrong  " }).reason).toBe("wrong");
    expect(DecideSchema.safeParse({ traceId, decision: "approved" }).success).toBe(true);
  });

  it("rejects through decide() too when the reason is missing, writing nothing", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const reviewer = await createTestUser("reviewer");
    await expect(decide({ traceId: traceIds[0]!, decision: "rejected" }, reviewer.id)).rejects.toThrow();
    expect(await db().reviewDecision.count({ where: { traceId: traceIds[0] } })).toBe(0);
  });

  it("an approve and a reject from two reviewers make a conflict; withdrawing the reject resolves it", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const [a, b] = [await createTestUser("reviewer"), await createTestUser("curator")];
    await decide({ traceId, decision: "approved" }, a.id);
    const rejected = await decide({ traceId, decision: "rejected", reason: "Skips step 2." }, b.id);
    expect(rejected.status).toBe("conflict");
    expect(await statusOf(traceId)).toBe("conflict");
    const changed = await decide({ traceId, decision: "approved", expectedVersion: 1 }, b.id);
    expect(changed).toEqual({ traceId, status: "approved", version: 2, decision: "approved" });
  });

  it("two rejects make rejected", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const [a, b] = [await createTestUser("reviewer"), await createTestUser("reviewer")];
    await decide({ traceId, decision: "rejected", reason: "Wrong." }, a.id);
    expect((await decide({ traceId, decision: "rejected", reason: "Also wrong." }, b.id)).status).toBe(
      "rejected",
    );
  });

  it("re-deciding bumps my version and keeps one row per reviewer", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewer = await createTestUser("reviewer");
    expect((await decide({ traceId, decision: "approved" }, reviewer.id)).version).toBe(1);
    const second = await decide({ traceId, decision: "rejected", reason: "On reflection, no." }, reviewer.id);
    expect(second).toEqual({ traceId, status: "rejected", version: 2, decision: "rejected" });
    expect((await decide({ traceId, decision: "approved", expectedVersion: 2 }, reviewer.id)).version).toBe(
      3,
    );
    const rows = await db().reviewDecision.findMany({ where: { traceId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: "approved", reason: null, version: 3 });
  });

  it("a stale expectedVersion is a ConflictError and changes nothing", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewer = await createTestUser("reviewer");
    await decide({ traceId, decision: "approved" }, reviewer.id);
    await decide({ traceId, decision: "approved", expectedVersion: 1 }, reviewer.id);
    const stale = decide(
      { traceId, decision: "rejected", reason: "Tab 1.", expectedVersion: 1 },
      reviewer.id,
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/changed since you loaded it/);
    // "I saw no decision" (0) is stale once one exists.
    await expect(
      decide({ traceId, decision: "rejected", reason: "Tab 2.", expectedVersion: 0 }, reviewer.id),
    ).rejects.toBeInstanceOf(ConflictError);
    const row = await db().reviewDecision.findFirstOrThrow({ where: { traceId } });
    expect(row).toMatchObject({ decision: "approved", version: 2 });
    expect(await statusOf(traceId)).toBe("approved");
  });

  it("expectedVersion 0 works for a first decision", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const reviewer = await createTestUser("reviewer");
    const result = await decide(
      { traceId: traceIds[0]!, decision: "approved", expectedVersion: 0 },
      reviewer.id,
    );
    expect(result.version).toBe(1);
  });

  it("writes one audit event per decision, in the same transaction", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewer = await createTestUser("reviewer");
    await decide({ traceId, decision: "approved" }, reviewer.id);
    await decide({ traceId, decision: "rejected", reason: "Changed my mind." }, reviewer.id);
    await expect(
      decide({ traceId, decision: "approved", expectedVersion: 1 }, reviewer.id),
    ).rejects.toBeInstanceOf(ConflictError);
    const events = await db().auditEvent.findMany({
      where: { entityType: "trace", entityId: traceId },
    });
    events.sort((x, y) => (x.data as { version: number }).version - (y.data as { version: number }).version);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorId === reviewer.id && e.action === "review.decided")).toBe(true);
    expect(events.map((e) => e.data)).toEqual([
      { decision: "approved", reasonId: null, reason: null, version: 1, status: "approved", before: null },
      {
        decision: "rejected",
        reasonId: null,
        reason: "Changed my mind.",
        version: 2,
        status: "rejected",
        before: { decision: "approved", reasonId: null, reason: null },
      },
    ]);
  });

  it("an unknown trace is NotFoundError", async () => {
    const reviewer = await createTestUser("reviewer");
    await expect(decide({ traceId: "nope", decision: "approved" }, reviewer.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("concurrent decisions from many reviewers leave a status that counts all of them", async () => {
    const { traceIds } = await createTraces({ count: 1 });
    const traceId = traceIds[0]!;
    const reviewers = await Promise.all(Array.from({ length: 6 }, () => createTestUser("reviewer")));
    await Promise.all(
      reviewers.map((r, i) =>
        decide(
          i === 0 ? { traceId, decision: "rejected", reason: "No." } : { traceId, decision: "approved" },
          r.id,
        ),
      ),
    );
    expect(await db().reviewDecision.count({ where: { traceId } })).toBe(6);
    expect(await statusOf(traceId)).toBe("conflict");
  });

  it("statusFromDecisions covers every case", () => {
    expect(statusFromDecisions([])).toBe("pending");
    expect(statusFromDecisions([{ decision: "approved" }, { decision: "approved" }])).toBe("approved");
    expect(statusFromDecisions([{ decision: "rejected" }])).toBe("rejected");
    expect(statusFromDecisions([{ decision: "rejected" }, { decision: "approved" }])).toBe("conflict");
  });
});
