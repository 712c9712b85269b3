import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { sleep, spawnWorker, stopWorker, type WorkerProcess } from "../testing/worker-processes";
import { receiveImport } from "./import-start";
import { createPromptSet } from "./mutations";
import { chunked, jsonl, promptRows } from "./test-helpers";

const ROWS = 200_000;
const importOf = (id: string) => db().promptImport.findUniqueOrThrow({ where: { id } });

async function waitFor(what: string, worker: WorkerProcess, check: () => Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${worker.output()}`);
    await sleep(10);
  }
}

describe("worker processes killed during an import", () => {
  it(
    "validating, then publishing: the next worker resumes it and every prompt lands once",
    { timeout: 180_000 },
    async () => {
      const user = await createTestUser("curator");
      const set = await createPromptSet({ name: `Crash ${Date.now()}` }, user.id);
      const { importId, jobId } = await receiveImport({
        promptSetId: set.id,
        fileName: "crash.jsonl",
        format: "auto",
        mode: "all-or-nothing",
        source: chunked(jsonl(promptRows(ROWS, { repeats: 100 })), 256 * 1024),
        actorId: user.id,
        maxBytes: null,
      });
      const started: WorkerProcess[] = [];
      const start = () => {
        const worker = spawnWorker({ ...process.env });
        started.push(worker);
        return worker;
      };
      const kill = async (worker: WorkerProcess) => {
        worker.child.kill("SIGKILL");
        expect(await worker.exited).toBe("SIGKILL");
      };
      try {
        // 1. Killed half-way through validation (its progress shows bytes read, nothing written).
        let worker = start();
        await waitFor("validation to make progress", worker, async () => {
          const row = await importOf(importId);
          return row.status === "validating" && row.bytesRead > 0n;
        });
        await kill(worker);
        const validating = await importOf(importId);
        expect(validating.status).toBe("validating");
        expect(validating.bytesRead).toBeLessThan(validating.bytesTotal);
        expect(await db().prompt.count({ where: { promptSetId: set.id } })).toBe(0);

        // 2. The next worker validates again, and is killed half-way through publishing.
        worker = start();
        await waitFor("publishing to commit a batch", worker, async () => {
          const row = await importOf(importId);
          return row.status === "publishing" && row.publishedRows > 0;
        });
        await kill(worker);
        const publishing = await importOf(importId);
        expect(publishing.status).toBe("publishing");
        expect(publishing.publishedRows).toBeLessThan(ROWS);
        // What is in the set is exactly what the last checkpoint says.
        expect(await db().prompt.count({ where: { promptSetId: set.id } })).toBe(publishing.inserted);

        // 3. The third one finishes it from that checkpoint.
        worker = start();
        const job = () => db().job.findUniqueOrThrow({ where: { id: jobId } });
        await waitFor("the import job to complete", worker, async () => (await job()).status === "completed");
        await stopWorker(worker);
      } finally {
        for (const w of started)
          if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      }
      expect(await importOf(importId)).toMatchObject({
        status: "imported",
        rowsRead: ROWS + 100,
        validRows: ROWS,
        publishedRows: ROWS,
        inserted: ROWS,
        duplicates: 100,
      });
      const prompts = await db().prompt.count({ where: { promptSetId: set.id } });
      expect(prompts).toBe(ROWS);
      const item = await db().jobItem.findFirstOrThrow({ where: { jobId } });
      expect(item).toMatchObject({ status: "done", attempts: 3 });
      expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
    },
  );
});
