import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
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

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher({ latencyMs: [60, 240] });
});
afterAll(() => teacher.close());

const ITEMS = 240;
const KILLS = 3;
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

describe("a worker process killed at random points", () => {
  it(`loses no item and stores no item twice across ${KILLS} SIGKILLs`, { timeout: 150_000 }, async () => {
    // The provider allows 6 calls at a time; the job asks for 8: the limit must hold across restarts.
    const world = await scriptedWorld(teacher.baseUrlOpenAI, ITEMS, { maxConcurrency: 6 });
    const jobId = await launchJob(launchInput(world, { concurrency: 8, maxAttempts: 10 }), null);
    const traces = () => db().trace.count({ where: { jobId } });
    const started: WorkerProcess[] = [];
    const start = () => {
      const worker = spawnWorker({ ...process.env });
      started.push(worker);
      return worker;
    };
    try {
      let worker = start();
      for (let kill = 0; kill < KILLS; kill++) {
        // Let the new process store a random number of traces, then kill it wherever it is.
        const target = (await traces()) + random(8, 40);
        const deadline = Date.now() + 60_000;
        while ((await traces()) < target) {
          if (Date.now() > deadline) throw new Error(`worker made no progress:\n${worker.output()}`);
          await sleep(20);
        }
        await sleep(random(0, 150));
        worker.child.kill("SIGKILL");
        expect(await worker.exited).toBe("SIGKILL");
        expect(await traces()).toBeLessThan(ITEMS); // killed mid-job, not after it
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

    const { items, traces: total, perItem } = await traceCounts(jobId);
    expect(items).toHaveLength(ITEMS);
    expect(items.every((i) => i.status === "done")).toBe(true);
    expect(total).toBe(ITEMS);
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    // Items the dead workers held were taken over: some needed more than one attempt.
    expect(items.some((i) => i.attempts > 1)).toBe(true);
    const stats = teacher.stats();
    expect(stats.byEndpoint.chatCompletions).toBeGreaterThanOrEqual(ITEMS);
    expect(stats.byEndpoint.chatCompletions).toBeLessThanOrEqual(items.reduce((n, i) => n + i.attempts, 0));
    expect(stats.maxInFlight).toBeLessThanOrEqual(6);
    expect(started.length).toBe(KILLS + 1);
  });
});
