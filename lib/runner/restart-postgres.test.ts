import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../db/client";
import { applyMigrations } from "../db/migrations";
import { resetEnvForTests } from "../env";
import { launchJob } from "../generation/launch-traces";
import { launchInput } from "../testing/job-fixtures";
import { startOwnPostgres, type OwnPostgres } from "../testing/own-postgres";
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

// SQLite has no server to restart: the SQLite suite skips this file.
const ITEMS = 160;
const DOWN_MS = 3_000;

describe.runIf(testDbKind() === "postgres")("PostgreSQL restarted in the middle of a generation job", () => {
  let server: OwnPostgres | undefined;
  let teacher: ScriptedTeacher | undefined;
  const sharedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    server = await startOwnPostgres();
    await applyMigrations(server.url);
    // This file's database becomes the server's own: the worker process and the checks use it.
    await disconnectDb();
    process.env.DATABASE_URL = server.url;
    resetEnvForTests();
    teacher = await startScriptedTeacher({ latencyMs: [150, 350] });
  }, 120_000);

  afterAll(async () => {
    await teacher?.close();
    await disconnectDb();
    process.env.DATABASE_URL = sharedUrl;
    resetEnvForTests();
    await server?.drop();
  }, 60_000);

  it(
    "the worker rides out the restart: the job completes, every item has one trace, no answer is asked for twice",
    { timeout: 90_000 },
    async () => {
      const world = await scriptedWorld(teacher!.baseUrlOpenAI, ITEMS, { maxConcurrency: 8 });
      const jobId = await launchJob(launchInput(world, { concurrency: 8, maxAttempts: 3 }), null);
      const traces = () => db().trace.count({ where: { jobId } });
      let worker: WorkerProcess | undefined;
      let recoveredMs = 0;
      try {
        // A lease longer than the outage, as in production (60 s by default): the answers that
        // arrive while the server is away are still this worker's to store when it is back.
        worker = spawnWorker({ ...process.env, TRACEBANK_LEASE_MS: "30000" });
        const output = worker.output;
        await untilWhileDown("the first traces", async () => (await traces()) >= 30, output);
        // Calls are in flight at the teacher as the server goes away.
        await untilWhileDown("calls in flight", async () => teacher!.stats().inFlight > 0, output);
        await server!.stop();
        // The outage's length, not a wait for a state: the worker's calls end meanwhile and
        // their answers cannot be stored yet; its polls, leases and renewals fail.
        await sleep(DOWN_MS);
        await server!.start();
        const restarted = performance.now();

        await untilWhileDown(
          "the job to complete after the restart",
          async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed",
          output,
        );
        recoveredMs = performance.now() - restarted;
        // The worker met the outage with answers in hand, kept them, and survived it.
        expect(output()).toMatch(/\[tracebank\].*worker .*: storing item .* of job /);
        expect(output()).toMatch(/\[tracebank\] worker .*: item .* stored after \d+ tries/);
        expect(worker.child.exitCode).toBeNull();
        expect(worker.child.signalCode).toBeNull();
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
      const calls = teacher!.stats().byEndpoint.chatCompletions;
      expect(calls).toBe(ITEMS);
      console.log(
        `PostgreSQL down ${DOWN_MS / 1000} s; the job completed ${(recoveredMs / 1000).toFixed(1)} s ` +
          `after it came back, with ${calls} teacher calls for ${ITEMS} items`,
      );
    },
  );
});
