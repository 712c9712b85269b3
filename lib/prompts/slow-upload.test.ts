import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, dbKind } from "../db/client";
import { launchJob } from "../generation/launch-traces";
import { overview } from "../overview/queries";
import { cancelJob, listJobs } from "../runner";
import { createWorker } from "../runner/worker";
import { launchInput } from "../testing/job-fixtures";
import { startScriptedTeacher, type ScriptedTeacher } from "../testing/scripted-teacher";
import { scriptedWorld, sleep } from "../testing/worker-processes";
import { maxUploadBytes } from "./spool";
import { receiveImport } from "./import-start";
import { jsonl, promptRows } from "./test-helpers";

// SQLite is where one long transaction froze everything: one connection, one writer.
const UPLOAD_MS = 21_000;
const CHUNKS = 100;

let teacher: ScriptedTeacher;
beforeAll(async () => {
  teacher = await startScriptedTeacher({ latencyMs: [80, 160] });
});
afterAll(() => teacher.close());

/** The file as a client on a slow line sends it: small pieces, evenly, for UPLOAD_MS. */
function trickle(bytes: Buffer): Readable {
  const size = Math.ceil(bytes.length / CHUNKS);
  return Readable.from(
    (async function* () {
      for (let i = 0; i < bytes.length; i += size) {
        await sleep(UPLOAD_MS / CHUNKS);
        yield bytes.subarray(i, i + size);
      }
    })(),
  );
}

/** Times listJobs() and overview() back to back until `stop` is set; returns the latencies. */
async function measure(state: { stop: boolean }): Promise<number[]> {
  const times: number[] = [];
  while (!state.stop) {
    for (const query of [listJobs, overview]) {
      const started = performance.now();
      await query();
      times.push(performance.now() - started);
    }
    await sleep(20);
  }
  return times;
}

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;

describe.runIf(dbKind() === "sqlite")("a slow upload on SQLite", () => {
  it(
    "blocks neither requests nor a running generation job, while it arrives or while it imports",
    { timeout: 150_000 },
    async () => {
      const world = await scriptedWorld(teacher.baseUrlOpenAI, 1_000);
      const generation = await launchJob(launchInput(world, { concurrency: 3, maxAttempts: 3 }), null);
      const traces = () => db().trace.count({ where: { jobId: generation } });
      const worker = createWorker({ workerId: "web-process", pollMs: 100 });
      worker.start();
      try {
        while ((await traces()) < 5) await sleep(50);
        const file = Buffer.from(jsonl(promptRows(60_000, { tag: "slow" })));
        expect(file.length).toBeGreaterThan(4 * 1024 * 1024);

        // While the upload trickles in (what the route does with the request body).
        const during = { stop: false };
        const measuring = measure(during);
        const tracesBefore = await traces();
        const started = performance.now();
        const queued = await receiveImport({
          promptSetId: world.set.id,
          fileName: "slow.jsonl",
          format: "auto",
          mode: "all-or-nothing",
          source: trickle(file),
          actorId: world.user.id,
          maxBytes: maxUploadBytes(),
          expectedBytes: file.length,
        });
        const uploadMs = performance.now() - started;
        during.stop = true;
        const uploading = await measuring;
        const tracesDuring = (await traces()) - tracesBefore;

        // While the worker beside the requests validates and publishes it.
        const after = { stop: false };
        const measuringImport = measure(after);
        const tracesAtImport = await traces();
        const importOf = () => db().promptImport.findUniqueOrThrow({ where: { id: queued.importId } });
        const deadline = Date.now() + 60_000;
        while (!["imported", "rejected", "failed"].includes((await importOf()).status)) {
          if (Date.now() > deadline) throw new Error("the import did not finish");
          await sleep(50);
        }
        after.stop = true;
        const importing = await measuringImport;
        const tracesWhileImporting = (await traces()) - tracesAtImport;

        console.log(
          `upload ${(uploadMs / 1000).toFixed(1)} s: ${uploading.length} queries, p95 ${p95(uploading).toFixed(0)} ms, ` +
            `${tracesDuring} traces stored; import: ${importing.length} queries, p95 ${p95(importing).toFixed(0)} ms, ` +
            `${tracesWhileImporting} traces stored`,
        );
        expect(uploadMs).toBeGreaterThanOrEqual(20_000);
        expect(p95(uploading)).toBeLessThan(500);
        expect(tracesDuring).toBeGreaterThan(50);
        expect(p95(importing)).toBeLessThan(500);
        expect(await importOf()).toMatchObject({ status: "imported", inserted: 60_000 });
        expect((await traces()) - tracesBefore).toBeGreaterThan(tracesDuring); // it kept going
      } finally {
        await cancelJob(generation, null).catch(() => {});
        await worker.stop();
      }
    },
  );
});
