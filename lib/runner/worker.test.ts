import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { NotFoundError } from "../errors";
import { TeacherError } from "../teacher/types";
import { jobProgress } from "./progress";
import {
  createWorld,
  fakeTeacher,
  answer,
  launchInput,
  launchPlanned as launchJob,
} from "../testing/job-fixtures";
import { createWorker } from "./worker";

async function drain(worker: ReturnType<typeof createWorker>, max = 50) {
  for (let i = 0; i < max; i++) if ((await worker.runOnce()).leased === 0) return;
  throw new Error("worker kept leasing");
}

describe("worker", () => {
  it("calls the endpoint and model frozen at launch, even after the teacher is edited", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    const frozen = (await db().job.findUniqueOrThrow({ where: { id: jobId } })).config as {
      provider: unknown;
    };
    await db().provider.update({
      where: { id: world.provider.id },
      data: { model: "edited-model", baseUrl: "http://elsewhere" },
    });
    const seen: unknown[] = [];
    const teacher = fakeTeacher((request) => answer(request));
    const worker = createWorker({
      workerId: "w-frozen",
      teacherFor: async (provider) => {
        seen.push(provider);
        return teacher;
      },
    });
    await drain(worker);
    expect(seen).toEqual([frozen.provider]);
    expect(seen[0]).toMatchObject({ id: world.provider.id, model: world.provider.model });
  });

  it("runs every item once and stores one faithful trace per item", async () => {
    const world = await createWorld({ prompts: 5 });
    const jobId = await launchJob(
      launchInput(world, { samplesPerPrompt: 2, temperature: 0.3, maxTokens: 77, concurrency: 3 }),
      null,
    );
    const teacher = fakeTeacher((request, call) =>
      answer(request, {
        finishReason: call % 4 === 0 ? "length" : "stop",
        usage: { inputTokens: 10, outputTokens: call },
      }),
    );
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher });

    expect((await worker.runOnce()).leased).toBe(3); // the job's concurrency
    await drain(worker);

    const items = await db().jobItem.findMany({ where: { jobId }, include: { trace: true, prompt: true } });
    expect(items).toHaveLength(10);
    expect(teacher.calls).toHaveLength(10);
    expect(await db().trace.count({ where: { jobId } })).toBe(10);
    const versions = new Map(world.messages.map((m) => [m.version.id, m.version.content]));
    for (const item of items) {
      expect(item).toMatchObject({ status: "done", attempts: 1, lastError: null });
      const trace = item.trace!;
      expect(trace).toMatchObject({
        jobId,
        promptId: item.promptId,
        systemMessageVersionId: item.systemMessageVersionId,
        model: "fake-model-2025",
        params: { temperature: 0.3, maxTokens: 77 },
        content: `Answer to: ${item.prompt!.text}`,
        inputTokens: 10,
        latencyMs: 5,
        reviewStatus: "pending",
      });
      expect(trace.truncated).toBe(trace.finishReason === "length");
      const request = teacher.calls.find(
        (c) => c.prompt === item.prompt!.text && c.system === versions.get(item.systemMessageVersionId!),
      );
      expect(request).toMatchObject({ temperature: 0.3, maxTokens: 77 });
    }
    expect(items.filter((i) => i.trace!.truncated).length).toBe(2);

    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "completed", error: null });
    expect(job.startedAt).toBeInstanceOf(Date);
    expect(job.finishedAt).toBeInstanceOf(Date);
    const progress = await jobProgress(jobId);
    expect(progress).toMatchObject({
      status: "completed",
      counts: { pending: 0, running: 0, done: 10, failed: 0, cancelled: 0 },
      total: 10,
      percent: 100,
      tokens: { input: 100, output: 55 },
      costUsd: 0,
      etaSeconds: null,
      pauseReason: null,
      recentErrors: [],
    });
    expect(progress.tracesPerSecond).toBeGreaterThan(0);
  });

  it("retries a retryable error after the delay the provider asked for, then succeeds", async () => {
    const world = await createWorld({ prompts: 2 });
    const jobId = await launchJob(launchInput(world), null);
    let clock = Date.now() + 1_000;
    const teacher = fakeTeacher((request, call) => {
      if (call <= 2) throw new TeacherError("429 Too Many Requests from the provider", true, 429, 30_000);
      return answer(request);
    });
    const worker = createWorker({
      workerId: "w1",
      teacherFor: async () => teacher,
      now: () => new Date(clock),
    });

    expect((await worker.runOnce()).leased).toBe(2);
    let items = await db().jobItem.findMany({ where: { jobId } });
    for (const item of items) {
      expect(item).toMatchObject({ status: "pending", attempts: 1, leaseOwner: null });
      expect(item.lastError).toContain("429");
      expect(item.availableAt.getTime()).toBe(clock + 30_000);
    }
    expect((await worker.runOnce()).leased).toBe(0); // not due yet
    clock += 29_999;
    expect((await worker.runOnce()).leased).toBe(0);
    clock += 1;
    expect((await worker.runOnce()).leased).toBe(2);
    items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.status === "done" && i.attempts === 2 && i.lastError === null)).toBe(true);
    expect(await db().trace.count({ where: { jobId } })).toBe(2);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  });

  it("backs off exponentially when the provider gives no Retry-After, and gives up at maxAttempts", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world, { maxAttempts: 3 }), null);
    let clock = Date.now() + 1_000;
    const teacher = fakeTeacher(() => {
      throw new TeacherError("The provider timed out after 60 s", true);
    });
    const worker = createWorker({
      workerId: "w1",
      teacherFor: async () => teacher,
      now: () => new Date(clock),
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      await worker.runOnce();
      const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
      expect(item).toMatchObject({ status: "pending", attempts: attempt });
      delays.push(item.availableAt.getTime() - clock);
      clock = item.availableAt.getTime();
    }
    expect(delays[0]).toBeGreaterThanOrEqual(500);
    expect(delays[0]).toBeLessThanOrEqual(1_000);
    expect(delays[1]).toBeGreaterThanOrEqual(1_000);
    expect(delays[1]).toBeLessThanOrEqual(2_000);
    await worker.runOnce();
    const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
    expect(item).toMatchObject({ status: "failed", attempts: 3 });
    expect(item.lastError).toBe("The provider timed out after 60 s (gave up after 3 attempts)");
    expect(teacher.calls).toHaveLength(3);
  });

  it("fails non-retryable items at once and completes the job with a summary", async () => {
    const world = await createWorld({ prompts: 4 });
    const jobId = await launchJob(launchInput(world), null);
    const failing = new Set(world.prompts.slice(0, 2).map((p) => p.text));
    const teacher = fakeTeacher((request) => {
      if (request.prompt === world.prompts[0]!.text)
        throw new TeacherError("400: the prompt is too long for this model", false, 400);
      if (failing.has(request.prompt)) throw new Error("socket hang up");
      return answer(request);
    });
    const worker = createWorker({ workerId: "w1", teacherFor: async () => teacher });
    await drain(worker);

    const items = await db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });
    expect(items.map((i) => i.status)).toEqual(["failed", "failed", "done", "done"]);
    expect(items[0]).toMatchObject({ attempts: 1, lastError: "400: the prompt is too long for this model" });
    expect(items[1]!.lastError).toMatch(/^Unexpected error: socket hang up\..*logged/);
    expect(teacher.calls).toHaveLength(4);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "completed", error: "2 of 4 items failed" });
    const progress = await jobProgress(jobId);
    expect(progress.counts).toMatchObject({ done: 2, failed: 2 });
    expect(progress.recentErrors.map((f) => f.ordinal).sort()).toEqual([0, 1]);
    expect(progress.recentErrors.every((f) => f.state === "failed")).toBe(true);
    expect(progress.recentErrors[0]!.promptPreview).toContain("Question");
  });

  it("pauses the job with the reason, spending no attempt, when the teacher cannot be built", async () => {
    const world = await createWorld({ prompts: 2 });
    const jobId = await launchJob(launchInput(world), null);
    const worker = createWorker({
      workerId: "w1",
      teacherFor: async () => {
        throw new NotFoundError("Teacher", "gone");
      },
    });
    await drain(worker);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("paused");
    expect(job.pauseReason).toBe(
      "Paused: The teacher could not be set up: Teacher gone was not found. Fix the teacher on the Teachers page (its API key, say), then resume the job.",
    );
    const items = await db().jobItem.findMany({ where: { jobId } });
    expect(items.map((i) => [i.status, i.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
  });

  it("tries again later, without pausing, when the teacher's settings cannot be read (a database outage)", async () => {
    const world = await createWorld({ prompts: 2 });
    const jobId = await launchJob(launchInput(world), null);
    let builds = 0;
    const teacher = fakeTeacher((request) => answer(request));
    const worker = createWorker({
      workerId: "w1",
      teacherFor: async () => {
        if (++builds === 1) throw new Error("Can't reach database server at 127.0.0.1:5432");
        return teacher;
      },
    });
    await drain(worker);
    const job = () => db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect((await job()).status).not.toBe("paused");
    const items = await db().jobItem.findMany({ where: { jobId, status: "pending" } });
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.lastError).toContain("The teacher's settings could not be read");
    // Its retry comes due: the job completes.
    await db().jobItem.updateMany({ where: { jobId }, data: { availableAt: new Date(0) } });
    await drain(worker);
    expect((await job()).status).toBe("completed");
    expect(await db().trace.count({ where: { jobId } })).toBe(2);
  });

  it("treats an existing trace for the item as already done, without a second trace", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world), null);
    const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
    const teacher = fakeTeacher(async (request) => {
      // Someone else stored this item's trace while our call was in flight.
      await db().trace.create({
        data: {
          itemId: item.id,
          jobId,
          promptId: item.promptId!,
          systemMessageVersionId: item.systemMessageVersionId!,
          model: "other",
          params: {},
          content: "first",
          finishReason: "stop",
          inputTokens: 1,
          outputTokens: 1,
          latencyMs: 1,
        },
      });
      return answer(request);
    });
    await drain(createWorker({ workerId: "w1", teacherFor: async () => teacher }));
    const traces = await db().trace.findMany({ where: { itemId: item.id } });
    expect(traces.map((t) => t.content)).toEqual(["first"]);
    expect((await db().jobItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("done");
  });

  it("fails items whose worker died on them maxAttempts times instead of leasing them again", async () => {
    const world = await createWorld({ prompts: 1 });
    const jobId = await launchJob(launchInput(world, { maxAttempts: 2 }), null);
    await db().jobItem.updateMany({
      where: { jobId },
      data: {
        status: "running",
        attempts: 2,
        leaseOwner: "dead",
        leaseExpiresAt: new Date(Date.now() - 1_000),
      },
    });
    const teacher = fakeTeacher();
    await drain(createWorker({ workerId: "w1", teacherFor: async () => teacher }));
    expect(teacher.calls).toHaveLength(0);
    const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
    expect(item.status).toBe("failed");
    expect(item.lastError).toMatch(/worker handling this item stopped/);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  });
});
