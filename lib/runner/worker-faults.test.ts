import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { launchJob } from "../generation/launch-traces";
import { forgetProviderLimits } from "./limits";
import { answer, fakeTeacher, launchInput, until } from "../testing/job-fixtures";
import { scriptedWorld, traceCounts } from "../testing/worker-processes";
import { createWorker } from "./worker";

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher({ latencyMs: [5, 40] });
});
afterAll(() => teacher.close());

const job = (id: string) => db().job.findUniqueOrThrow({ where: { id } });

describe("the worker against a faulty provider", () => {
  it("sends every request with the job's timeout and retries one that times out", async () => {
    teacher.setScript({ rules: [{ match: {}, fault: "timeout", times: 1 }], faults: { timeoutMs: 5_000 } });
    const world = await scriptedWorld(teacher.baseUrlOpenAI, 2);
    const jobId = await launchJob(launchInput(world, { timeoutMs: 1_000, concurrency: 1 }), null);
    const seen: number[] = [];
    const worker = createWorker({
      workerId: "w-timeout",
      teacherFor: async () =>
        fakeTeacher(async (request) => {
          seen.push(request.timeoutMs ?? -1);
          return answer(request);
        }),
    });
    await worker.runOnce();
    expect(seen).toEqual([1_000]);
    await db().job.update({ where: { id: jobId }, data: { status: "cancelled" } });

    // The real client: the first request hangs, times out after 1 s, and its retry succeeds.
    const jobId2 = await launchJob(launchInput(world, { timeoutMs: 1_000, concurrency: 1 }), null);
    const real = createWorker({ workerId: "w-timeout-real", pollMs: 20 });
    real.start();
    try {
      await until(async () => (await job(jobId2)).status === "completed", "the job to complete", 20_000);
    } finally {
      await real.stop();
    }
    const items = await db().jobItem.findMany({ where: { jobId: jobId2 }, orderBy: { ordinal: "asc" } });
    expect(items.map((i) => [i.status, i.attempts])).toEqual([
      ["done", 2],
      ["done", 1],
    ]);
    expect(teacher.stats().byOutcome.timeout).toBe(1);
  });

  it(
    "completes under 429s, 500s, timeouts and broken bodies, within the provider's limits",
    { timeout: 180_000 },
    async () => {
      const limits = { maxConcurrency: 8, requestsPerMinute: 300, tokensPerMinute: 20_000 };
      teacher.setScript({
        defaults: { latencyMs: [5, 40] },
        faults: {
          rate429: 0.2,
          retryAfterSeconds: 1,
          rate500: 0.1,
          rateTimeout: 0.05,
          timeoutMs: 3_000,
          rateMalformed: 0.02,
        },
        seed: 20261125,
      });
      teacher.resetStats();
      const world = await scriptedWorld(teacher.baseUrlOpenAI, 150, limits);
      forgetProviderLimits();
      const jobId = await launchJob(
        launchInput(world, { concurrency: 16, maxAttempts: 5, maxTokens: 200, timeoutMs: 1_000 }),
        null,
      );
      const worker = createWorker({ workerId: "w-faults", pollMs: 50 });
      worker.start();
      try {
        await until(async () => (await job(jobId)).status === "completed", "the job to complete", 150_000);
      } finally {
        await worker.stop();
      }

      const { items, traces, perItem } = await traceCounts(jobId);
      const done = items.filter((i) => i.status === "done");
      const failed = await db().jobItem.findMany({ where: { jobId, status: "failed" } });
      expect(done.length + failed.length).toBe(150);
      expect(done.length).toBeGreaterThan(140);
      for (const item of failed) expect(item.lastError).toMatch(/gave up after 5 attempts/);
      expect(traces).toBe(done.length);
      expect([...perItem.values()].every((n) => n <= 1)).toBe(true);

      const stats = teacher.stats();
      expect(stats.byOutcome["429"]).toBeGreaterThan(10);
      expect(stats.byOutcome["500"]).toBeGreaterThan(5);
      expect(stats.byOutcome.timeout).toBeGreaterThan(0);
      expect(stats.byOutcome.malformed).toBeGreaterThan(0);
      // One request per attempt, and the limits held as the server measured them.
      expect(stats.byEndpoint.chatCompletions).toBe(items.reduce((n, i) => n + i.attempts, 0));
      expect(stats.maxInFlight).toBeLessThanOrEqual(limits.maxConcurrency);
      expect(stats.maxRequestsPerMinute).toBeLessThanOrEqual(limits.requestsPerMinute);
      expect(stats.maxTokensPerMinute).toBeLessThanOrEqual(limits.tokensPerMinute);
      // Random faults are not an outage: the breaker left the job alone.
      const paused = await db().auditEvent.count({ where: { entityId: jobId, action: "job.paused" } });
      expect(paused).toBe(0);
    },
  );
});
