import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../jobs";
import {
  inFlightAroundBursts,
  pauseViolations,
  startScriptedTeacher,
  type ScriptedTeacher,
} from "../testing/scripted-teacher";
import { recordClientTraffic } from "../testing/client-traffic";
import { launchInput, until } from "../testing/job-fixtures";
import { scriptedWorld, traceCounts } from "../testing/worker-processes";
import { createWorker } from "./worker";

const CONCURRENCY = 32;
const ITEMS = 600;

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher({ latencyMs: [150, 250] });
});
afterAll(() => teacher.close());

describe("a provider answering 429 in bursts (a per-minute window spent)", () => {
  it(
    "slows down and completes: no pause, in-flight cut on each burst and grown back, nothing sent during Retry-After",
    { timeout: 120_000 },
    async () => {
      teacher.setScript({
        defaults: { latencyMs: [150, 250] },
        faults: { bursts429: { gap: [150, 250], length: [20, 50], retryAfterSeconds: 1 } },
        seed: 429,
      });
      teacher.resetStats();
      const world = await scriptedWorld(teacher.baseUrlOpenAI, ITEMS);
      const jobId = await launchJob(launchInput(world, { concurrency: CONCURRENCY, maxAttempts: 3 }), null);
      const traffic = recordClientTraffic();
      const worker = createWorker({ workerId: "w-bursts", pollMs: 50 });
      worker.start();
      try {
        const job = () => db().job.findUniqueOrThrow({ where: { id: jobId } });
        await until(async () => (await job()).status === "completed", "the job to complete", 100_000);
      } finally {
        await worker.stop();
        traffic.stop();
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
      // The worker sent no request while a Retry-After it had read was running: judged from the
      // worker's side (when it sent, when it read each 429), so a busy event loop shared with the
      // teacher cannot blur the order; the grace covers turning a read 429 into the pause.
      const sent = traffic.timeline();
      expect(sent.filter((e) => e.status === 429).length).toBeGreaterThanOrEqual(40);
      expect(pauseViolations(sent, { graceMs: 50 })).toEqual([]);
      // Each burst cuts in-flight by about half; it grows back before the next one (the last
      // burst may meet the job's tail, when there is little left to run).
      for (const [i, burst] of bursts.entries()) {
        expect(burst.before).toBeGreaterThan(CONCURRENCY / 2);
        // The cut halves the worker's cap, not what a loaded machine managed to keep in flight, so
        // the first calls after the pause stay at or under half the job's concurrency (without
        // the cut, every call waiting at the gate would go at once).
        expect(burst.afterPause).toBeLessThanOrEqual(
          Math.max(Math.ceil(burst.before * 0.6), CONCURRENCY / 2),
        );
        // Grown back past the cut (a cap that never grew would hold in-flight at half or less).
        if (i < bursts.length - 1) expect(burst.later).toBeGreaterThan(CONCURRENCY / 2);
      }
    },
  );
});
