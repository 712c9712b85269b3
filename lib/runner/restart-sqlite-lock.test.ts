import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { parseDatabaseUrl } from "../db/url";
import { env } from "../env";
import { launchJob } from "../generation/launch-traces";
import { launchInput } from "../testing/job-fixtures";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { testDbKind } from "../testing/test-db";
import {
  scriptedWorld,
  sleep,
  spawnWorker,
  stopWorker,
  traceCounts,
  untilWhileDown,
  type WorkerProcess,
} from "../testing/worker-processes";

// SQLite's counterpart of restart-postgres.test.ts: no server to restart, but another process
// can hold the file's write lock (the sqlite3 shell in a transaction, a maintenance script) for
// longer than the busy timeout (10 s): the worker's first write waits it out and fails with
// SQLITE_BUSY (6 s to spare for one that started late), the next ones wait for the lock's end.
// Which write is first varies (a lease, a poll, a result to store): the proof that stored
// answers are kept is restart-postgres.test.ts; here every answer must be stored all the same.
const ITEMS = 120;
const LOCK_MS = 16_000;

describe.runIf(testDbKind() === "sqlite")("the SQLite file locked by another process mid-job", () => {
  let teacher: ScriptedTeacher | undefined;
  beforeAll(async () => {
    teacher = await startScriptedTeacher({ latencyMs: [150, 350] });
  });
  afterAll(() => teacher?.close());

  it(
    "the worker rides out the lock: the job completes, every item has one trace, no answer is asked for twice",
    { timeout: 90_000 },
    async () => {
      const world = await scriptedWorld(teacher!.baseUrlOpenAI, ITEMS, { maxConcurrency: 8 });
      const jobId = await launchJob(launchInput(world, { concurrency: 8, maxAttempts: 3 }), null);
      const traces = () => db().trace.count({ where: { jobId } });
      const target = parseDatabaseUrl(env().DATABASE_URL);
      if (target.kind !== "sqlite") throw new Error("expected an SQLite database");
      let worker: WorkerProcess | undefined;
      try {
        // A lease longer than the lock, as in production (60 s by default).
        worker = spawnWorker({ ...process.env, TRACEBANK_LEASE_MS: "30000" });
        const output = worker.output;
        await untilWhileDown("the first traces", async () => (await traces()) >= 30, output);
        await untilWhileDown("calls in flight", async () => teacher!.stats().inFlight > 0, output);
        const locker = new Database(target.path);
        try {
          locker.exec("BEGIN IMMEDIATE");
          // The lock's length, not a wait for a state: readers go on (WAL), writers wait, then fail.
          await sleep(LOCK_MS);
          locker.exec("COMMIT");
        } finally {
          locker.close();
        }
        await untilWhileDown(
          "the job to complete after the lock",
          async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed",
          output,
        );
        expect(output()).toMatch(/database is locked|SQLITE_BUSY/);
        expect(worker.child.exitCode).toBeNull();
        await stopWorker(worker);
        expect(await worker.exited).toBe(0);
      } finally {
        if (worker && worker.child.exitCode === null && worker.child.signalCode === null)
          worker.child.kill("SIGKILL");
      }

      const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ status: "completed", error: null });
      const { items, traces: total, perItem } = await traceCounts(jobId);
      expect(items).toHaveLength(ITEMS);
      expect(items.filter((i) => i.status !== "done")).toEqual([]);
      expect(total).toBe(ITEMS);
      expect([...perItem.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      // Every answer the teacher gave was stored: none was thrown away and paid for again.
      expect(teacher!.stats().byEndpoint.chatCompletions).toBe(ITEMS);
    },
  );
});
