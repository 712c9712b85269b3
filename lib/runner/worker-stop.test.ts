import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../generation/launch-traces";
import type { ChatRequest } from "../teacher/types";
import { answer, createWorld, deferred, fakeTeacher, launchInput, until } from "../testing/job-fixtures";
import { createWorker } from "./worker";

/** A teacher whose calls hang until released; an abort rejects them like the SDKs do. */
function hangingTeacher() {
  const gates: Array<{ request: ChatRequest; release: () => void }> = [];
  const teacher = fakeTeacher(async (request) => {
    const gate = deferred();
    gates.push({ request, release: () => gate.resolve() });
    request.signal?.addEventListener("abort", () => gate.reject(new Error("Request was aborted.")));
    await gate.promise;
    return answer(request);
  });
  return { teacher, gates };
}

async function started(prompts: number, concurrency: number) {
  const world = await createWorld({ prompts });
  const jobId = await launchJob(launchInput(world, { concurrency }), null);
  const { teacher, gates } = hangingTeacher();
  // Leases shorter than the grace: they must be renewed while the calls finish.
  const worker = createWorker({
    workerId: "w1",
    teacherFor: async () => teacher,
    pollMs: 20,
    leaseMs: 300,
    // Other tests' jobs stay in the database, some with items left pending.
    jobIds: [jobId],
  });
  worker.start();
  await until(() => gates.length === concurrency, "the calls in flight");
  return { jobId, teacher, gates, worker };
}

const itemsOf = (jobId: string) =>
  db().jobItem.findMany({
    where: { jobId },
    orderBy: { ordinal: "asc" },
    select: { status: true, attempts: true, leaseOwner: true, leaseExpiresAt: true },
  });

describe("stopping a worker with a grace", () => {
  it("lets calls that end within it store their result, leases nothing new and releases the rest", async () => {
    const { jobId, teacher, gates, worker } = await started(4, 3);
    const stopping = worker.stop({ graceMs: 1_500 });
    // Past a lease's length: the call still owns its item when it answers.
    await new Promise((r) => setTimeout(r, 600));
    gates[0]!.release();
    await stopping;
    expect(teacher.calls).toHaveLength(3);
    expect(gates[1]!.request.signal?.aborted).toBe(true);
    const items = await itemsOf(jobId);
    expect(items.filter((i) => i.status === "done")).toHaveLength(1);
    expect(items.filter((i) => i.status !== "done")).toEqual(
      Array(3).fill({ status: "pending", attempts: 0, leaseOwner: null, leaseExpiresAt: null }),
    );
    expect(await db().trace.count({ where: { jobId } })).toBe(1);
  });

  // A minute's grace against the test's few seconds: it must not wait the grace out.
  it("ends as soon as the last call ends, before the grace is over", async () => {
    const { jobId, gates, worker } = await started(2, 2);
    const stopping = worker.stop({ graceMs: 60_000 });
    for (const gate of gates) gate.release();
    await stopping;
    expect((await itemsOf(jobId)).map((i) => i.status)).toEqual(["done", "done"]);
  });

  it("without a grace aborts calls at once, as before", async () => {
    const { jobId, gates, worker } = await started(2, 2);
    await worker.stop();
    expect(gates.every((g) => g.request.signal?.aborted)).toBe(true);
    expect((await itemsOf(jobId)).map((i) => i.status)).toEqual(["pending", "pending"]);
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
  });
});
