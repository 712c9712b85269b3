import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError } from "../errors";
import { TeacherError } from "../teacher/types";
import { BREAKER_STREAK } from "./breaker";
import { cancelJob } from "./cancel";
import { pauseJob, resumeJob } from "./pause";
import {
  answer,
  createWorld,
  fakeTeacher,
  launchInput,
  until,
  launchPlanned as launchJob,
} from "../testing/job-fixtures";
import { createWorker } from "./worker";

const job = (id: string) => db().job.findUniqueOrThrow({ where: { id } });
const items = (jobId: string) => db().jobItem.findMany({ where: { jobId }, orderBy: { ordinal: "asc" } });

describe("circuit breaker and pause", () => {
  it("pauses a job whose provider keeps failing, without burning the items' attempts", async () => {
    const world = await createWorld({ prompts: 20 });
    const jobId = await launchJob(launchInput(world, { concurrency: 5, maxAttempts: 3 }), null);
    let healthy = false;
    const teacher = fakeTeacher((request) => {
      if (!healthy) throw new TeacherError("500 Internal Server Error from http://teacher/v1", true, 500);
      return answer(request);
    });
    let clock = Date.now() + 1_000;
    const worker = createWorker({
      workerId: "w-breaker",
      teacherFor: async () => teacher,
      now: () => new Date(clock),
    });
    for (let round = 0; round < 10 && (await job(jobId)).status !== "paused"; round++) {
      await worker.runOnce();
      clock += 120_000; // past any backoff
    }
    const paused = await job(jobId);
    expect(paused.status).toBe("paused");
    expect(paused.pauseReason).toMatch(new RegExp(`${BREAKER_STREAK} failed requests in a row`));
    expect(paused.pauseReason).toMatch(/500 Internal Server Error/);
    // Items were tried up to three times each, yet none failed and none lost an attempt.
    expect(teacher.calls.length).toBeGreaterThanOrEqual(BREAKER_STREAK);
    for (const item of await items(jobId)) {
      expect(item).toMatchObject({ status: "pending", attempts: 0 });
    }
    // A paused job leases nothing.
    const before = teacher.calls.length;
    expect((await worker.runOnce()).leased).toBe(0);
    expect(teacher.calls.length).toBe(before);

    healthy = true;
    await resumeJob(jobId, world.user.id);
    expect(await job(jobId)).toMatchObject({ status: "running", pauseReason: null });
    for (let i = 0; i < 10 && (await job(jobId)).status !== "completed"; i++) await worker.runOnce();
    expect((await job(jobId)).status).toBe("completed");
    const done = await items(jobId);
    expect(done.every((i) => i.status === "done" && i.attempts === 1)).toBe(true);
    expect(await db().trace.count({ where: { jobId } })).toBe(20);
    const audit = await db().auditEvent.findMany({
      where: { entityId: jobId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["job.launched", "job.paused", "job.resumed"]);
  });

  it("pauses at once when the API key is refused, and the refused attempt does not count", async () => {
    const world = await createWorld({ prompts: 6 });
    const jobId = await launchJob(launchInput(world, { concurrency: 1, maxAttempts: 1 }), null);
    let key = "wrong";
    const teacher = fakeTeacher((request) => {
      if (key === "wrong")
        throw new TeacherError("401 Unauthorized from http://teacher/v1: check the API key.", false, 401);
      return answer(request);
    });
    const worker = createWorker({ workerId: "w-401", teacherFor: async () => teacher });
    await worker.runOnce();
    expect(teacher.calls).toHaveLength(1);
    const paused = await job(jobId);
    expect(paused.status).toBe("paused");
    expect(paused.pauseReason).toMatch(
      /^Paused: 401 Unauthorized.*Fix the teacher's API key on the Teachers page/,
    );
    const first = (await items(jobId))[0]!;
    expect(first).toMatchObject({ status: "pending", attempts: 0 });
    expect(first.lastError).toMatch(/401/);
    expect(await db().jobItem.count({ where: { jobId, status: "failed" } })).toBe(0);

    key = "fixed";
    await resumeJob(jobId, null);
    for (let i = 0; i < 20 && (await job(jobId)).status !== "completed"; i++) await worker.runOnce();
    expect(await job(jobId)).toMatchObject({ status: "completed", error: null });
    expect(await db().trace.count({ where: { jobId } })).toBe(6);
  });

  it("gives back earlier failures of items that were running again when the breaker tripped", async () => {
    const world = await createWorld({ prompts: 3 });
    const jobId = await launchJob(launchInput(world, { concurrency: 3, maxAttempts: 5 }), null);
    const teacher = fakeTeacher(() => {
      throw new TeacherError("503 Service Unavailable from http://teacher/v1", true, 503);
    });
    const worker = createWorker({
      workerId: "w-loop",
      teacherFor: async () => teacher,
      breakerStreak: 4,
      pollMs: 5,
    });
    worker.start();
    await until(async () => (await job(jobId)).status === "paused", "the job to pause", 20_000);
    await worker.stop();
    for (const item of await items(jobId)) expect(item).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("pause and resume by hand; cancel works from paused; states are checked", async () => {
    const world = await createWorld({ prompts: 4 });
    const jobId = await launchJob(launchInput(world), world.user.id);
    await pauseJob(jobId, world.user.id);
    const paused = await job(jobId);
    expect(paused.status).toBe("paused");
    expect(paused.pauseReason).toContain(world.user.name);
    const teacher = fakeTeacher();
    const worker = createWorker({ workerId: "w-hand", teacherFor: async () => teacher });
    expect((await worker.runOnce()).leased).toBe(0);
    await expect(pauseJob(jobId, null)).rejects.toThrow(ConflictError);

    await resumeJob(jobId, world.user.id);
    expect(await job(jobId)).toMatchObject({ status: "queued", pauseReason: null });
    await expect(resumeJob(jobId, null)).rejects.toThrow(/not paused/);

    await pauseJob(jobId, null);
    expect(await cancelJob(jobId, null)).toEqual({ cancelledItems: 4, finishing: false });
    expect((await job(jobId)).status).toBe("cancelled");
    expect(teacher.calls).toHaveLength(0);
  });
});
