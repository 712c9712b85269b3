import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { testDbKind } from "../testing/test-db";
import { cancelJob } from "./cancel";
import { launchJob } from "../generation/launch-traces";
import { launchInput } from "../testing/job-fixtures";
import {
  scriptedWorld,
  sleep,
  spawnWorker,
  stopWorker,
  traceCounts,
  type WorkerProcess,
} from "../testing/worker-processes";

const ITEMS = 2_000;
const WORKERS = 4;

// Several worker processes share jobs on PostgreSQL; SQLite deployments run one writer.
describe.skipIf(testDbKind() !== "postgres")("four worker processes on one job", () => {
  let teacher: ScriptedTeacher;
  beforeAll(async () => {
    // A few retryable faults, so retries are part of the count.
    teacher = await startScriptedTeacher({
      latencyMs: [10, 60],
      script: { faults: { rate500: 0.03, rate429: 0.02, retryAfterSeconds: 0 } },
    });
  });
  afterAll(() => teacher.close());

  it(`completes ${ITEMS} items exactly once, one request per attempt`, { timeout: 150_000 }, async () => {
    const world = await scriptedWorld(teacher.baseUrlOpenAI, ITEMS / 2);
    const workers: WorkerProcess[] = [];
    try {
      for (let i = 0; i < WORKERS; i++)
        workers.push(spawnWorker({ ...process.env, TRACEBANK_LEASE_MS: "30000" }));
      const ready = Date.now() + 60_000;
      while (!workers.every((w) => w.output().includes(" started ("))) {
        if (Date.now() > ready)
          throw new Error(`workers did not start:\n${workers.map((w) => w.output()).join("\n")}`);
        await sleep(50);
      }
      const jobId = await launchJob(
        launchInput(world, { samplesPerPrompt: 2, concurrency: 64, maxAttempts: 10 }),
        null,
      );
      const deadline = Date.now() + 120_000;
      while ((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status !== "completed") {
        if (Date.now() > deadline) throw new Error(`the job did not complete:\n${workers[0]!.output()}`);
        await sleep(100);
      }
      await Promise.all(workers.map(stopWorker));
      for (const w of workers) expect(await w.exited).toBe(0);

      const { items, traces, perItem } = await traceCounts(jobId);
      expect(items).toHaveLength(ITEMS);
      expect(items.every((i) => i.status === "done")).toBe(true);
      expect(traces).toBe(ITEMS);
      expect([...perItem.values()].every((n) => n === 1)).toBe(true);
      // Every attempt was one request, and every request an attempt: none sent twice.
      const attempts = items.reduce((n, i) => n + i.attempts, 0);
      const stats = teacher.stats();
      expect(attempts).toBeGreaterThan(ITEMS); // some retries happened
      expect(stats.byEndpoint.chatCompletions).toBe(attempts);
      expect(stats.byOutcome.ok + stats.byOutcome.truncated).toBe(ITEMS);
      expect(new Set(items.map((i) => i.leaseOwner)).size).toBeGreaterThanOrEqual(2);
    } finally {
      for (const w of workers)
        if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    }
  });

  it("keeps a provider's limits across worker processes and jobs", { timeout: 90_000 }, async () => {
    const limits = { maxConcurrency: 5, requestsPerMinute: 40 };
    teacher.setScript({ defaults: { latencyMs: 300 } });
    teacher.resetStats();
    const world = await scriptedWorld(teacher.baseUrlOpenAI, 60, limits);
    const workers: WorkerProcess[] = [];
    const jobIds: string[] = [];
    try {
      for (let i = 0; i < 3; i++) workers.push(spawnWorker({ ...process.env, TRACEBANK_LEASE_MS: "30000" }));
      // Two jobs on the one provider, each allowed far more than the provider's limits.
      for (let i = 0; i < 2; i++)
        jobIds.push(await launchJob(launchInput(world, { concurrency: 32, seed: i + 1 }), null));
      // Long enough for the requests-per-minute budget to run out (40 requests at 5 in flight, 300 ms each: ~2.4 s).
      await sleep(12_000);
      const stats = teacher.stats();
      expect(stats.maxInFlight).toBeLessThanOrEqual(limits.maxConcurrency);
      expect(stats.total).toBeLessThanOrEqual(limits.requestsPerMinute);
      // The limit was reached, not merely not approached: the workers used the whole budget.
      expect(stats.total).toBeGreaterThanOrEqual(limits.requestsPerMinute - limits.maxConcurrency);
      expect(stats.maxInFlight).toBe(limits.maxConcurrency);
    } finally {
      for (const jobId of jobIds) await cancelJob(jobId, null).catch(() => undefined);
      await Promise.all(workers.map(stopWorker));
      for (const w of workers)
        if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    }
  });
});
