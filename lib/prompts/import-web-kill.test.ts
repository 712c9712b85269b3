import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db, dbKind } from "../db/client";
import { parseDatabaseUrl } from "../db/url";
import { env } from "../env";
import { holdPrompt, slowPromptsSqlite, waitingPromptInserts } from "../testing/held-writes";
import { createTestUser } from "../testing/fixtures";
import { sleep } from "../testing/worker-processes";
import { spawnWebProcess, startUpload, upload, type WebProcess } from "../testing/web-processes";
import { createPromptSet } from "./mutations";
import { uploadsDir } from "./spool";
import { jsonl, promptRows } from "./test-helpers";

// The web server (its upload handler and its in-process worker) SIGKILLed at two moments of an
// import. Worker processes killed while an import validates or publishes: import-crash.test.ts.
const started: WebProcess[] = [];
afterEach(() => {
  for (const web of started.splice(0))
    if (web.child.exitCode === null && web.child.signalCode === null) web.child.kill("SIGKILL");
});

async function startWeb(): Promise<WebProcess> {
  // A short lease: a dead process's item is taken over in seconds, not the default minute.
  const web = await spawnWebProcess({ ...process.env, TRACEBANK_LEASE_MS: "2000" });
  started.push(web);
  return web;
}

async function kill(web: WebProcess) {
  web.child.kill("SIGKILL");
  expect(await web.exited).toBe("SIGKILL");
}

async function until(what: string, web: WebProcess, check: () => Promise<boolean> | boolean, ms = 45_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${web.output()}`);
    await sleep(10);
  }
}

async function newSet(label: string) {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `${label} ${Date.now()}` }, user.id);
  return { user, set, query: (fileName: string) => ({ set: set.id, actor: user.id, fileName }) };
}

function sqlitePath(): string {
  const target = parseDatabaseUrl(env().DATABASE_URL);
  if (target.kind !== "sqlite") throw new Error("expected an SQLite database");
  return target.path;
}

const uploads = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);
const importOf = (id: string) => db().promptImport.findUniqueOrThrow({ where: { id } });

/** Prompts of the set, and how many distinct texts among them (a prompt stored twice shows). */
async function promptsIn(setId: string) {
  const rows = await db().prompt.findMany({ where: { promptSetId: setId }, select: { contentHash: true } });
  return { count: rows.length, distinct: new Set(rows.map((r) => r.contentHash)).size };
}

describe("the web process SIGKILLed in the middle of an import", () => {
  it(
    "during the upload: no import, no job, no prompt; the next process takes the file again and sweeps the partial one",
    { timeout: 60_000 },
    async () => {
      const { set, query } = await newSet("Killed upload");
      const body = Buffer.from(jsonl(promptRows(5_000, { tag: "upload-kill" })));
      const before = { files: uploads(), jobs: await db().job.count({ where: { kind: "prompt-import" } }) };
      let web = await startWeb();
      const sending = startUpload(web.port, query("cut.jsonl"), body, Math.floor(body.length / 2));
      // The server is spooling it: part of the body is on disk.
      let partial = "";
      await until("the upload to reach the spool", web, () => {
        const name = uploads().find((n) => !before.files.includes(n));
        partial = name ? join(uploadsDir(), name) : "";
        return partial !== "" && statSync(partial).size > 0;
      });
      await kill(web);
      await until("the client to see the connection drop", web, () => sending.fate() !== undefined);
      expect(sending.fate()).toMatchObject({ error: expect.any(Error) });

      // Nothing half-imported, nothing to show as running: the import's row and job are only
      // written once the whole file is on disk.
      expect(await db().promptImport.count({ where: { promptSetId: set.id } })).toBe(0);
      expect(await db().job.count({ where: { kind: "prompt-import" } })).toBe(before.jobs);
      expect(await promptsIn(set.id)).toEqual({ count: 0, distinct: 0 });
      // The dead process could not delete its partial file.
      expect(statSync(partial).size).toBeLessThan(body.length);

      // Nothing sweeps at start: the next upload (or import attempt) does, and keeps files under
      // an hour old (one could be an upload still arriving in another process). Pretend the
      // crash was two hours ago.
      const longAgo = new Date(Date.now() - 2 * 60 * 60_000);
      utimesSync(partial, longAgo, longAgo);
      web = await startWeb();
      const again = await upload(web.port, query("again.jsonl"), body);
      expect(again.status).toBe(202);
      const importId = again.body.importId as string;
      await until("the import to finish", web, async () => (await importOf(importId)).status === "imported");
      expect(await importOf(importId)).toMatchObject({ inserted: 5_000, duplicates: 0 });
      expect(await promptsIn(set.id)).toEqual({ count: 5_000, distinct: 5_000 });
      // The first upload after the restart swept the orphan; the finished import's files went too.
      await until("the partial file to be swept", web, () => !existsSync(partial));
      await until("the spool to be empty", web, () => uploads().every((n) => before.files.includes(n)));
      await kill(web);
    },
  );

  it(
    "while publishing: the set holds exactly the committed batches, and the next process resumes from them; each prompt once",
    { timeout: 60_000 },
    async () => {
      const ROWS = 20_000;
      const { set, query } = await newSet("Killed publish");
      const rows = promptRows(ROWS, { tag: "publish-kill", repeats: 50 });
      const body = Buffer.from(jsonl(rows));
      // Publishing is stopped at two prompts of the file, whatever the machine's speed: at the
      // first until its transaction is past its time budget (so it commits a checkpoint), at the
      // second with the next rows written, uncommitted. PostgreSQL: this test holds those two
      // prompts uncommitted (an insert of the same prompt waits); SQLite: a trigger is slow on them.
      const [pause, stall] = [rows[1_000]!.text, rows[ROWS - 1_000]!.text];
      const postgres = dbKind() === "postgres";
      const holds = postgres
        ? [await holdPrompt(set.id, pause), await holdPrompt(set.id, stall)]
        : [slowPromptsSqlite(sqlitePath(), { pause, stall })];
      let web = await startWeb();
      let importId = "";
      let jobId = "";
      try {
        const sent = await upload(web.port, query("big.jsonl"), body);
        expect(sent.status).toBe(202);
        ({ importId, jobId } = sent.body as { importId: string; jobId: string });
        if (postgres) {
          await until("the first batch to wait past its budget", web, async () =>
            (await waitingPromptInserts()).some((w) => w.transactionMs > 1_500),
          );
          await holds[0]!.release();
        }
        await until("a checkpoint, then the next batch stopped", web, async () => {
          const row = await importOf(importId);
          return row.publishedRows > 0 && (!postgres || (await waitingPromptInserts()).length > 0);
        });
        const frozen = await importOf(importId);
        expect(frozen).toMatchObject({ status: "publishing" });
        expect(frozen.publishedRows).toBeLessThan(ROWS);
        await kill(web);
      } finally {
        for (const hold of holds) await hold.release();
      }

      // Dead: the set holds exactly what the import's last checkpoint says (the batch in flight
      // was rolled back), and the import says it is still publishing: its item is leased by the
      // dead process.
      const stopped = await importOf(importId);
      expect(stopped.status).toBe("publishing");
      expect(stopped.publishedRows).toBeGreaterThan(0);
      expect(stopped.publishedRows).toBeLessThan(ROWS);
      expect(await promptsIn(set.id)).toEqual({ count: stopped.inserted, distinct: stopped.inserted });
      expect((await db().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("running");

      // The next process's worker takes the item over once the lease runs out, from the checkpoint.
      web = await startWeb();
      await until(
        "the import job to complete",
        web,
        async () => (await db().job.findUniqueOrThrow({ where: { id: jobId } })).status === "completed",
      );
      expect(await importOf(importId)).toMatchObject({
        status: "imported",
        validRows: ROWS,
        publishedRows: ROWS,
        inserted: ROWS,
        duplicates: 50,
        error: null,
      });
      expect(await promptsIn(set.id)).toEqual({ count: ROWS, distinct: ROWS });
      expect(await db().jobItem.findFirstOrThrow({ where: { jobId } })).toMatchObject({
        status: "done",
        attempts: 2,
      });
      await until(
        "the import's files to be released",
        web,
        async () => (await importOf(importId)).spoolPath === null,
      );
      await kill(web);
    },
  );
});
