import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createWorld, launchInput, launchPlanned } from "../testing/job-fixtures";
import { cancelJob } from "./cancel";
import { backgroundCancellationsIdle, CANCEL_BATCH } from "./cancel-items";
import { failJob } from "./completion";
import { createWorker } from "./worker";

// Several batches' worth, so every path crosses batch boundaries.
const ITEMS = CANCEL_BATCH * 2 + 345;

const counts = async (jobId: string) => {
  const rows = await db().jobItem.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
};

async function bigJob() {
  const world = await createWorld({ prompts: ITEMS });
  const jobId = await launchPlanned(launchInput(world), world.user.id);
  // Some items already settled, and one leased: the cancel leaves the first alone, takes the other.
  const [done, running] = await db().jobItem.findMany({
    where: { jobId },
    take: 2,
    orderBy: { ordinal: "asc" },
  });
  await db().jobItem.update({ where: { id: done!.id }, data: { status: "done" } });
  await db().jobItem.update({
    where: { id: running!.id },
    data: { status: "running", leaseOwner: "w9", leaseExpiresAt: new Date(Date.now() + 60_000), attempts: 1 },
  });
  return { world, jobId };
}

describe("cancelling a big job", () => {
  it("cancels the job first, then every open item in batches, and says how many", async () => {
    const { world, jobId } = await bigJob();
    expect(await cancelJob(jobId, world.user.id)).toEqual({ cancelledItems: ITEMS - 1, finishing: false });
    expect(await counts(jobId)).toEqual({ done: 1, cancelled: ITEMS - 1 });
    const running = await db().jobItem.findFirstOrThrow({ where: { jobId, leaseOwner: "w9" } });
    expect(running).toMatchObject({ status: "cancelled", leaseExpiresAt: null });
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("cancelled");
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: jobId, action: "job.cancelled" },
    });
    expect(audit.data).toEqual({ cancelledItems: ITEMS - 1 });
  });

  it("past the request's time, answers at once and finishes in the background", async () => {
    const { world, jobId } = await bigJob();
    expect(await cancelJob(jobId, world.user.id, { inRequestMs: 0 })).toEqual({
      cancelledItems: ITEMS - 1,
      finishing: true,
    });
    // Already cancelled: no worker leases its items while the rest are marked.
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("cancelled");
    await backgroundCancellationsIdle();
    expect(await counts(jobId)).toEqual({ done: 1, cancelled: ITEMS - 1 });
  });

  it("left half done by a process that stopped, is finished by the next worker's sweep", async () => {
    const { jobId } = await bigJob();
    // What a process that died between the job's transaction and its last batch leaves behind.
    await db().job.update({ where: { id: jobId }, data: { status: "cancelled", finishedAt: new Date() } });
    const worker = createWorker({ workerId: "sweeper" });
    expect((await worker.runOnce()).leased).toBe(0);
    await backgroundCancellationsIdle();
    expect(await counts(jobId)).toEqual({ done: 1, cancelled: ITEMS - 1 });
  });

  it("failing a big job cancels its open items in batches too", async () => {
    const { jobId } = await bigJob();
    expect(await failJob(jobId, "Planning failed: test")).toBe(true);
    expect(await counts(jobId)).toEqual({ done: 1, cancelled: ITEMS - 1 });
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "failed",
      error: "Planning failed: test",
    });
  });
});
