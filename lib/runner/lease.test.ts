import { describe, expect, it } from "vitest";
import { db, dbKind } from "../db/client";
import { leaseItems } from "./lease";
import { createWorld, launchInput, launchPlanned as launchJob } from "../testing/job-fixtures";

async function oneItemJob() {
  const world = await createWorld({ prompts: 1 });
  const jobId = await launchJob(launchInput(world), null);
  const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
  return { jobId, item };
}

const lease = (jobId: string, now: Date, workerId = "w1", limit = 10) =>
  leaseItems({ jobId, workerId, limit, maxAttempts: 3, now, leaseMs: 60_000 });

describe("leaseItems", () => {
  it("stores DateTime in one format that raw comparisons agree with", async () => {
    const { item } = await oneItemJob();
    const [row] = await db().$queryRaw<Array<{ availableAt: unknown }>>`
      SELECT "availableAt" FROM "JobItem" WHERE "id" = ${item.id}`;
    if (dbKind() === "sqlite") {
      // Prisma's SQLite adapter writes ISO-8601 text, the same text a bound Date parameter becomes.
      const raw = await db().$queryRaw<Array<{ t: string; v: string }>>`
        SELECT typeof("availableAt") AS t, CAST("availableAt" AS TEXT) AS v FROM "JobItem" WHERE "id" = ${item.id}`;
      expect(raw[0]!.t).toBe("text");
      expect(raw[0]!.v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    } else {
      expect(row!.availableAt).toBeInstanceOf(Date);
    }
    expect(new Date(row!.availableAt as string).getTime()).toBe(item.availableAt.getTime());
  });

  it("takes a pending item exactly when it is due (availableAt <= now), across a date boundary", async () => {
    const { jobId, item } = await oneItemJob();
    // Just before midnight UTC vs just after: a text comparison in the wrong format gets this wrong.
    const due = new Date("2031-12-31T23:59:59.999Z");
    await db().jobItem.update({ where: { id: item.id }, data: { availableAt: due } });
    expect(await lease(jobId, new Date(due.getTime() - 1))).toHaveLength(0);
    expect(await lease(jobId, new Date("2031-12-31T09:00:00.000Z"))).toHaveLength(0);
    const [taken] = await lease(jobId, due);
    expect(taken).toMatchObject({ id: item.id, attempts: 1, owner: "w1" });
    const row = await db().jobItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ status: "running", leaseOwner: "w1", attempts: 1 });
    expect(row.leaseExpiresAt?.toISOString()).toBe("2032-01-01T00:00:59.999Z");
  });

  it("takes a running item only once its lease has expired (leaseExpiresAt < now)", async () => {
    const { jobId, item } = await oneItemJob();
    const t0 = new Date("2032-06-30T23:59:30.000Z");
    expect(await lease(jobId, t0, "dead")).toHaveLength(1);
    const expires = new Date(t0.getTime() + 60_000);
    expect(await lease(jobId, expires, "w2")).toHaveLength(0);
    expect(await lease(jobId, new Date(expires.getTime() - 5_000), "w2")).toHaveLength(0);
    const [taken] = await lease(jobId, new Date(expires.getTime() + 1), "w2");
    expect(taken).toMatchObject({ id: item.id, attempts: 2, owner: "w2" });
  });

  it("does not re-lease an expired item that has used all its attempts", async () => {
    const { jobId, item } = await oneItemJob();
    await db().jobItem.update({
      where: { id: item.id },
      data: { status: "running", attempts: 3, leaseOwner: "dead", leaseExpiresAt: new Date(2000, 0, 1) },
    });
    expect(await lease(jobId, new Date())).toHaveLength(0);
  });

  it("hands each item to one caller when two lease at once, in ordinal order", async () => {
    const world = await createWorld({ prompts: 150 });
    const jobId = await launchJob(launchInput(world), null);
    const now = new Date(Date.now() + 1_000);
    const [a, b] = await Promise.all([lease(jobId, now, "a", 100), lease(jobId, now, "b", 100)]);
    const ids = [...a, ...b].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(150);
    for (const batch of [a, b]) {
      const ordinals = batch.map((i) => i.ordinal);
      expect(ordinals).toEqual([...ordinals].sort((x, y) => x - y));
    }
    const owners = await db().jobItem.groupBy({
      by: ["leaseOwner"],
      where: { jobId },
      _count: { _all: true },
    });
    expect(owners.reduce((n, o) => n + o._count._all, 0)).toBe(150);
  });
});
