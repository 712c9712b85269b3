import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { launchJob } from "../generation/launch-traces";
import { createWorld, launchInput, until } from "../testing/job-fixtures";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { spawnWorker, stopWorker, traceCounts, type WorkerProcess } from "../testing/worker-processes";

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher();
});
afterAll(() => teacher.close());

const QUICK = 4;
const SLOW = 4;
// Quick calls outlast a lease (2 s, renewed meanwhile) but end well within the grace; slow ones never do.
const SCRIPT = {
  defaults: { latencyMs: 2_500 },
  rules: [{ match: { promptIncludes: "slow" }, latencyMs: 120_000 }],
};
const GRACE_MS = 6_000;

async function slowAndQuickJob() {
  const world = await createWorld({ prompts: 0 });
  await db().prompt.createMany({
    data: Array.from({ length: QUICK + SLOW }, (_, i) => ({
      promptSetId: world.set.id,
      text: `${i < QUICK ? "quick" : "slow"} question ${i} of ${world.tag}`,
      contentHash: `${world.tag}-${i}`,
    })),
  });
  await db().provider.update({
    where: { id: world.provider.id },
    data: { baseUrl: teacher.baseUrlOpenAI, apiKeyCiphertext: null },
  });
  return launchJob(launchInput(world, { concurrency: QUICK + SLOW, maxAttempts: 3 }), null);
}

const PROCESSES = [
  // The web server: instrumentation.ts register() with the environment scripts/start.mjs gives `next start`.
  {
    name: "the web server (instrumentation.ts)",
    script: "lib/server/testing/web-process.ts",
    env: { NEXT_RUNTIME: "nodejs", NEXT_MANUAL_SIG_HANDLE: "true", TRACEBANK_IN_PROCESS_WORKER: "1" },
  },
  { name: "the standalone worker (npm run worker)", script: "scripts/worker.ts", env: {} },
];

describe.each(PROCESSES)("SIGTERM to $name", ({ script, env }) => {
  it(
    "stores the calls that end within the grace once, releases the rest and exits 0",
    { timeout: 90_000 },
    async () => {
      teacher.setScript(SCRIPT);
      teacher.resetStats();
      const jobId = await slowAndQuickJob();
      const child = spawnWorker(
        { ...process.env, ...env, TRACEBANK_SHUTDOWN_GRACE_MS: String(GRACE_MS) },
        script,
      );
      const others: WorkerProcess[] = [];
      try {
        const arrived = () => teacher.stats().byEndpoint.chatCompletions === QUICK + SLOW;
        await until(arrived, "every call in flight", 30_000).catch((error: Error) => {
          throw new Error(`${error.message}\n${child.output()}`);
        });
        expect(await db().trace.count({ where: { jobId } })).toBe(0);
        child.child.kill("SIGTERM");
        // A repeat right away is the same keystroke forwarded again (npm, scripts/start.mjs): still graceful.
        child.child.kill("SIGTERM");
        expect(await child.exited, child.output()).toBe(0);

        const items = await db().jobItem.findMany({
          where: { jobId },
          select: {
            id: true,
            status: true,
            attempts: true,
            leaseOwner: true,
            leaseExpiresAt: true,
            prompt: true,
          },
        });
        const quick = items.filter((i) => i.prompt!.text.startsWith("quick"));
        const slow = items.filter((i) => i.prompt!.text.startsWith("slow"));
        expect(quick.map((i) => i.status)).toEqual(Array(QUICK).fill("done"));
        // Back in the queue untouched: not running under a lease, the interrupted attempt not counted.
        expect(slow.map((i) => [i.status, i.leaseOwner, i.leaseExpiresAt, i.attempts])).toEqual(
          Array(SLOW).fill(["pending", null, null, 0]),
        );
        const afterStop = await traceCounts(jobId);
        expect(afterStop.traces).toBe(QUICK);
        expect(quick.every((i) => afterStop.perItem.get(i.id) === 1)).toBe(true);
        expect(child.output()).toMatch(/SIGTERM: stopping .*6 s to finish/);

        // Another worker finishes the job: every item ends with exactly one trace.
        teacher.setScript({ defaults: { latencyMs: 20 } });
        const next = spawnWorker({ ...process.env });
        others.push(next);
        await until(
          async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed",
          "the job to complete",
          60_000,
        );
        await stopWorker(next);
        const { items: done, traces, perItem } = await traceCounts(jobId);
        expect(done.every((i) => i.status === "done")).toBe(true);
        expect(traces).toBe(QUICK + SLOW);
        expect([...perItem.values()].every((n) => n === 1)).toBe(true);
      } finally {
        for (const w of [child, ...others])
          if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      }
    },
  );
});
