import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../jobs";
import {
  inFlightAroundBursts,
  pauseViolations,
  startScriptedTeacher,
  type ScriptedTeacher,
} from "../testing/scripted-teacher";
import { launchInput, until } from "../testing/job-fixtures";
import { scriptedWorld, traceCounts } from "../testing/worker-processes";
import { createWorker } from "./worker";

const CONCURRENCY = 32;
const ITEMS = 600;

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher({ latencyMs: [20, 60] });
});
afterAll(() => teacher.close());

describe("a provider answering 429 in bursts (a per-minute window spent)", () => {
  it(
    "slows down and completes: no pause, in-flight cut on each burst and grown back, nothing sent during Retry-After",
    { timeout: 120_000 },
    async () => {
      teacher.setScript({
        defaults: { latencyMs: [20, 60] },
        faults: { bursts429: { gap: [150, 250], length: [20, 50], retryAfterSeconds: 1 } },
        seed: 429,
      });
      teacher.resetStats();
      const world = await scriptedWorld(teacher.baseUrlOpenAI, ITEMS);
      const jobId = await launchJob(launchInput(world, { concurrency: CONCURRENCY, maxAttempts: 3 }), null);
      const worker = createWorker({ workerId: "w-bursts", pollMs: 50 });
      worker.start();
      try {
        const job = () => db().job.findUniqueOrThrow({ where: { id: jobId } });
        await until(async () => (await job()).status === "completed", "the job to complete", 100_000);
      } finally {
        await worker.stop();
      }

      // Every item answered exactly once: rate limiting failed none and paused nothing.
      const { items, traces, perItem } = await traceCounts(jobId);
      expect(items.every((i) => i.status === "done")).toBe(true);
      expect(traces).toBe(ITEMS);
      expect([...perItem.values()].every((n) => n === 1)).toBe(true);
      expect(await db().auditEvent.count({ where: { entityId: jobId, action: "job.paused" } })).toBe(0);

      const timeline = teacher.timeline();
      const bursts = inFlightAroundBursts(timeline);
      expect(bursts.length).toBeGreaterThanOrEqual(2);
      expect(teacher.stats().byOutcome["429"]).toBeGreaterThanOrEqual(40);
      // No request reached the teacher while a Retry-After it had sent was running, beyond the
      // requests already on their way when it sent the 429 (on a loaded 2-core machine the
      // answer can take tens of milliseconds to be read; the pause is a whole second).
      expect(pauseViolations(timeline, { graceMs: 150 })).toEqual([]);
      // Each burst cuts in-flight by about half; it grows back before the next one (the last
      // burst may meet the job's tail, when there is little left to run).
      for (const [i, burst] of bursts.entries()) {
        expect(burst.before).toBeGreaterThan(CONCURRENCY / 2);
        expect(burst.afterPause).toBeLessThanOrEqual(Math.ceil(burst.before * 0.6));
        if (i < bursts.length - 1) expect(burst.later).toBeGreaterThanOrEqual(CONCURRENCY * 0.75);
      }
    },
  );
});
