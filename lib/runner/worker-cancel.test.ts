import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError } from "../errors";
import type { ChatRequest } from "../teacher/types";
import { cancelJob, retryFailedItems } from "./cancel";
import { launchJob } from "../generation/launch-traces";
import { answer, createWorld, deferred, fakeTeacher, launchInput, until } from "../testing/job-fixtures";
import { createWorker } from "./worker";

/** A teacher whose calls hang until released; an abort rejects them like the SDKs do. */
function hangingTeacher({ honourAbort = true } = {}) {
  const gates: Array<{ request: ChatRequest; release: () => void }> = [];
  const teacher = fakeTeacher(async (request) => {
    const gate = deferred();
    gates.push({ request, release: () => gate.resolve() });
    if (honourAbort) {
      request.signal?.addEventListener("abort", () => gate.reject(new Error("Request was aborted.")));
    }
    await gate.promise;
    return answer(request);
  });
  return { teacher, gates };
}

describe("cancel, stop and the running loop", () => {
  it("cancel aborts calls in flight, cancels every unfinished item and stores no trace", async () => {
    const world = await createWorld({ prompts: 6 });
    const jobId = await launchJob(launchInput(world, { concurrency: 2 }), world.user.id);
    const { teacher, gates } = hangingTeacher();
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher });
    const run = worker.runOnce();
    await until(() => gates.length === 2, "two calls in flight");

    expect(await cancelJob(jobId, world.user.id)).toEqual({ cancelledItems: 6, finishing: false });
    await run;
    expect(gates.every((g) => g.request.signal?.aborted)).toBe(true);
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.status === "cancelled")).toBe(true);
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("cancelled");
    expect(job.finishedAt).toBeInstanceOf(Date);

    expect((await worker.runOnce()).leased).toBe(0);
    expect(teacher.calls).toHaveLength(2);
    await expect(cancelJob(jobId, null)).rejects.toThrow(ConflictError);
  });

  it("stores no trace even when a teacher ignores the abort and answers after the cancel", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    const { teacher, gates } = hangingTeacher({ honourAbort: false });
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher });
    const run = worker.runOnce();
    await until(() => gates.length === 1, "the call in flight");
    await cancelJob(jobId, null);
    gates[0]!.release();
    await run;
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
    expect((await db().jobItem.findFirstOrThrow({ where: { jobId } })).status).toBe("cancelled");
  });

  it("stop() aborts calls in flight and hands their items back without counting the attempt", async () => {
    const world = await createWorld({ prompts: 3 });
    const jobId = await launchJob(launchInput(world), null);
    const { teacher, gates } = hangingTeacher();
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher, pollMs: 10 });
    worker.start();
    await until(() => gates.length === 3, "three calls in flight");
    await worker.stop();
    const items = await db().jobItem.findMany({ where: { jobId } });
    for (const item of items) {
      expect(item).toMatchObject({ status: "pending", attempts: 0, leaseOwner: null, leaseExpiresAt: null });
    }
    expect(await db().trace.count({ where: { jobId } })).toBe(0);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("running");

    // Another worker finishes the job from there.
    await createWorker({ workerId: "w2", teacherFor: async () => fakeTeacher() }).runOnce();
    expect(await db().trace.count({ where: { jobId } })).toBe(3);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  });

  it("start() runs jobs to completion on its own until stopped", async () => {
    const world = await createWorld({ prompts: 12 });
    const jobId = await launchJob(launchInput(world, { concurrency: 4 }), null);
    const worker = createWorker({ workerId: "loop", teacherFor: async () => fakeTeacher(), pollMs: 5 });
    worker.start();
    worker.start(); // idempotent
    await until(
      async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed",
      "the job to complete",
    );
    await worker.stop();
    expect(await db().trace.count({ where: { jobId } })).toBe(12);
  });

  it("retry puts failed items back and the job runs again", async () => {
    const world = await createWorld({ prompts: 3 });
    const jobId = await launchJob(launchInput(world, { maxAttempts: 1 }), null);
    let broken = true;
    const teacher = fakeTeacher((request) => {
      if (broken && request.prompt === world.prompts[1]!.text) throw new Error("boom");
      return answer(request);
    });
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher });
    await worker.runOnce();
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "completed",
      error: "1 of 3 items failed",
    });

    broken = false;
    expect(await retryFailedItems(jobId, null)).toEqual({ retried: 1 });
    const reopened = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(reopened).toMatchObject({ status: "queued", error: null, finishedAt: null });
    await worker.runOnce();
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "completed",
      error: null,
    });
    expect(await db().trace.count({ where: { jobId } })).toBe(3);
    await expect(retryFailedItems(jobId, null)).rejects.toThrow(/no failed items/);
  });

  it("refuses to retry a cancelled job", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    await cancelJob(jobId, null);
    await expect(retryFailedItems(jobId, null)).rejects.toThrow(/cancelled/);
  });
});
