import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { sleep, spawnWorker, stopWorker, type WorkerProcess } from "../testing/worker-processes";
import { createJob } from "./create-job";
import { countingKind } from "./testing/counting-kind";

const ITEMS = 400;
const KILLS = 3;
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

describe("a registered kind with no teacher and no prompt set", () => {
  it(
    `runs through worker processes SIGKILLed ${KILLS} times, every result exactly once`,
    { timeout: 150_000 },
    async () => {
      const jobId = await createJob({
        kind: countingKind,
        name: "counting",
        config: { kind: "test-counting", items: ITEMS, delayMs: 20 },
        expectedItems: ITEMS,
        actorId: null,
        audit: { name: "counting", itemCount: ITEMS },
      });
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ status: "planning", providerId: null, promptSetId: null });
      const results = () => db().auditEvent.count({ where: { action: "test.counted" } });
      const started: WorkerProcess[] = [];
      const start = () => {
        const worker = spawnWorker({ ...process.env }, "lib/runner/testing/counting-worker.ts");
        started.push(worker);
        return worker;
      };
      try {
        let worker = start();
        for (let kill = 0; kill < KILLS; kill++) {
          const target = (await results()) + random(20, 80);
          const deadline = Date.now() + 60_000;
          while ((await results()) < target) {
            if (Date.now() > deadline) throw new Error(`worker made no progress:\n${worker.output()}`);
            await sleep(20);
          }
          await sleep(random(0, 60));
          worker.child.kill("SIGKILL");
          expect(await worker.exited).toBe("SIGKILL");
          expect(await results()).toBeLessThan(ITEMS);
          worker = start();
        }
        const deadline = Date.now() + 90_000;
        while ((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status !== "completed") {
          if (Date.now() > deadline) throw new Error(`the job did not complete:\n${worker.output()}`);
          await sleep(100);
        }
        await stopWorker(worker);
      } finally {
        for (const w of started)
          if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      }

      const items = await db().jobItem.findMany({
        where: { jobId },
        select: { id: true, status: true, attempts: true, payload: true },
      });
      expect(items).toHaveLength(ITEMS);
      expect(items.every((i) => i.status === "done")).toBe(true);
      // Killed workers' items were taken over: some needed another attempt.
      expect(items.some((i) => i.attempts > 1)).toBe(true);
      const rows = await db().auditEvent.findMany({
        where: { action: "test.counted" },
        select: { entityId: true, data: true },
      });
      const perItem = new Map<string, number>();
      for (const row of rows) perItem.set(row.entityId, (perItem.get(row.entityId) ?? 0) + 1);
      expect(perItem.size).toBe(ITEMS);
      expect([...perItem.values()].every((n) => n === 1)).toBe(true);
      const ns = rows.map((r) => (r.data as { n: number }).n).sort((a, b) => a - b);
      expect(ns).toEqual(Array.from({ length: ITEMS }, (_, n) => n));
    },
  );
});
