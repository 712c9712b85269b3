import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { ChatRequest } from "../teacher/types";
import { launchJob } from "../generation/launch-traces";
import { answer, createWorld, deferred, fakeTeacher, launchInput, until } from "../testing/job-fixtures";
import { createWorker } from "./worker";

const LEASE_MS = 60_000;

/** Calls hang until released; this teacher (like a wedged process) ignores aborts. */
function heldTeacher(text: string) {
  const gates: Array<{ request: ChatRequest; release: () => void }> = [];
  const teacher = fakeTeacher(async (request) => {
    const gate = deferred();
    gates.push({ request, release: () => gate.resolve() });
    await gate.promise;
    return answer(request, { text });
  });
  return { teacher, gates };
}

describe("leases across workers", () => {
  it("a dead worker's expired lease is taken over and completed exactly once", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    const start = Date.now() + 1_000;
    const dead = heldTeacher("from the dead worker");
    const deadWorker = createWorker({
      workerId: "dead",
      teacherFor: async () => dead.teacher,
      leaseMs: LEASE_MS,
      now: () => new Date(start),
    });
    const deadRun = deadWorker.runOnce();
    await until(() => dead.gates.length === 1, "the dead worker's call");

    const alive = fakeTeacher((request) => answer(request, { text: "from the live worker" }));
    const later = () => new Date(start + LEASE_MS + 1);
    const liveWorker = createWorker({ workerId: "alive", teacherFor: async () => alive, now: later });
    expect((await liveWorker.runOnce()).leased).toBe(1);

    // The dead worker wakes up and tries to store its answer: it no longer holds the lease.
    dead.gates[0]!.release();
    await expect(deadRun).resolves.toEqual({ leased: 1 });
    const traces = await db().trace.findMany({ where: { jobId } });
    expect(traces.map((t) => t.content)).toEqual(["from the live worker"]);
    const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
    expect(item).toMatchObject({ status: "done", attempts: 2, leaseOwner: "alive" });
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  });

  it("two workers finishing the same item at the same moment store one trace, and neither throws", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    const start = Date.now() + 1_000;
    const first = heldTeacher("first");
    const second = heldTeacher("second");
    // Only this job: when it completes, its quality scan is another job to lease.
    const a = createWorker({
      workerId: "a",
      jobIds: [jobId],
      teacherFor: async () => first.teacher,
      leaseMs: LEASE_MS,
      now: () => new Date(start),
    });
    const b = createWorker({
      workerId: "b",
      jobIds: [jobId],
      teacherFor: async () => second.teacher,
      leaseMs: LEASE_MS,
      now: () => new Date(start + LEASE_MS + 1),
    });
    const runA = a.runOnce();
    await until(() => first.gates.length === 1, "a's call");
    const runB = b.runOnce();
    await until(() => second.gates.length === 1, "b's call");
    first.gates[0]!.release();
    second.gates[0]!.release();
    await expect(Promise.all([runA, runB])).resolves.toEqual([{ leased: 1 }, { leased: 1 }]);
    const traces = await db().trace.findMany({ where: { jobId } });
    expect(traces).toHaveLength(1);
    expect(traces[0]!.content).toBe("second"); // b holds the lease; a's answer is discarded
    expect((await db().jobItem.findFirstOrThrow({ where: { jobId } })).status).toBe("done");
  });

  it("two workers polling at once never take the same item (200 items)", async () => {
    const world = await createWorld({ prompts: 100 });
    const jobId = await launchJob(launchInput(world, { samplesPerPrompt: 2, concurrency: 64 }), null);
    let sent = 0;
    const teacher = (name: string) =>
      fakeTeacher(async (request) => {
        sent++;
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return answer(request, { text: `${name}: ${request.prompt}` });
      });
    const workers = ["x", "y"].map((id) =>
      createWorker({ workerId: id, teacherFor: async () => teacher(id) }),
    );
    for (let round = 0; round < 20; round++) {
      const leased = await Promise.all(workers.map((w) => w.runOnce()));
      if (leased.every((l) => l.leased === 0)) break;
    }
    const items = await db().jobItem.findMany({ where: { jobId }, include: { trace: true } });
    expect(items).toHaveLength(200);
    expect(items.every((i) => i.status === "done" && i.attempts === 1 && i.trace)).toBe(true);
    expect(await db().trace.count({ where: { jobId } })).toBe(200);
    // No item was sent twice, and each trace came from the worker that held the item's lease.
    expect(sent).toBe(200);
    for (const item of items) expect(item.trace!.content.startsWith(`${item.leaseOwner}: `)).toBe(true);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  });
});
