import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { receiveImport } from "./import-start";
import { createPromptSet } from "./mutations";
import { releaseSpool, resetSweepForTests, sweepSpool } from "./spool-cleanup";
import { spoolUpload, uploadsDir } from "./spool";
import { chunked, jsonl, promptRows } from "./test-helpers";

const uploads = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);
const body = jsonl(promptRows(200));

async function newSet() {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `Spool ${Math.random().toString(36).slice(2)}` }, user.id);
  return { setId: set.id, userId: user.id };
}

describe("spooling an upload", () => {
  it("writes the body to a private file under the data directory, touching no table", async () => {
    const before = await db().promptImport.count();
    const spooled = await spoolUpload(chunked(body, 1000), { maxBytes: 1024 * 1024 });
    expect(spooled.bytes).toBe(Buffer.byteLength(body));
    expect(spooled.path.startsWith(uploadsDir())).toBe(true);
    expect(statSync(spooled.path).mode & 0o777).toBe(0o600);
    expect(statSync(uploadsDir()).mode & 0o777).toBe(0o700);
    expect(await db().promptImport.count()).toBe(before);
  });

  it("refuses a body past the limit with 413, naming the limit and its variable, and keeps no file", async () => {
    const files = uploads().length;
    const error = await spoolUpload(chunked(body, 512), { maxBytes: 4096 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413 });
    expect((error as Error).message).toMatch(/upload limit of 0 MB \(TRACEBANK_MAX_UPLOAD_MB\)/);
    expect(uploads()).toHaveLength(files);
    // A declared Content-Length past the limit is refused before a byte is read.
    let pulled = false;
    async function* unread() {
      pulled = true;
      yield Buffer.from("never read");
    }
    await expect(spoolUpload(unread(), { maxBytes: 4096, expectedBytes: 5000 })).rejects.toMatchObject({
      status: 413,
    });
    expect(pulled).toBe(false);
  });

  it("leaves no file and no import when the upload breaks off or ends short of its length", async () => {
    const { setId, userId } = await newSet();
    const files = uploads().length;
    async function* cutOff() {
      yield Buffer.from(body.slice(0, 3000));
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    }
    const request = {
      promptSetId: setId,
      fileName: "cut.jsonl",
      format: "auto" as const,
      mode: "all-or-nothing" as const,
      actorId: userId,
      maxBytes: null,
    };
    await expect(receiveImport({ ...request, source: cutOff() })).rejects.toThrow(
      "The upload stopped before the end of the file; nothing was imported.",
    );
    // A body that simply stops early (the connection dropped) is caught by its Content-Length.
    await expect(
      receiveImport({
        ...request,
        source: chunked(body.slice(0, 3000), 500),
        expectedBytes: Buffer.byteLength(body),
      }),
    ).rejects.toThrow("The upload stopped before the end of the file");
    expect(uploads()).toHaveLength(files);
    expect(await db().promptImport.count({ where: { promptSetId: setId } })).toBe(0);
    expect(await db().job.count({ where: { kind: "prompt-import", name: { contains: "cut.jsonl" } } })).toBe(
      0,
    );
  });

  it("queues a complete upload as one import and one job, at once", async () => {
    const { setId, userId } = await newSet();
    const started = await receiveImport({
      promptSetId: setId,
      fileName: "queued.jsonl",
      format: "auto",
      mode: "skip-invalid",
      source: chunked(body, 4096),
      actorId: userId,
      maxBytes: 1024 * 1024,
      expectedBytes: Buffer.byteLength(body),
    });
    const row = await db().promptImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(row).toMatchObject({
      status: "queued",
      jobId: started.jobId,
      bytesTotal: BigInt(Buffer.byteLength(body)),
    });
    expect(existsSync(row.spoolPath!)).toBe(true);
    const job = await db().job.findUniqueOrThrow({ where: { id: started.jobId } });
    expect(job).toMatchObject({ kind: "prompt-import", status: "planning", promptSetId: null });
    expect(job.config).toMatchObject({
      kind: "prompt-import",
      importId: row.id,
      mode: "skip-invalid",
      format: "jsonl",
    });
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(0);
  });

  it("keeps a running import's file, deletes a final one's, and sweeps old orphans", async () => {
    const { setId, userId } = await newSet();
    const started = await receiveImport({
      promptSetId: setId,
      fileName: "kept.jsonl",
      format: "auto",
      mode: "all-or-nothing",
      source: chunked(body, 4096),
      actorId: userId,
      maxBytes: null,
    });
    const { spoolPath } = await db().promptImport.findUniqueOrThrow({ where: { id: started.importId } });
    await releaseSpool(started.importId);
    expect(existsSync(spoolPath!)).toBe(true); // queued: a worker still needs it
    await db().promptImport.update({ where: { id: started.importId }, data: { status: "failed" } });
    await releaseSpool(started.importId);
    expect(existsSync(spoolPath!)).toBe(false);
    expect(
      (await db().promptImport.findUniqueOrThrow({ where: { id: started.importId } })).spoolPath,
    ).toBeNull();

    const orphan = join(uploadsDir(), "0-orphan.upload");
    const young = join(uploadsDir(), "1-young.upload");
    writeFileSync(orphan, "left by a crash while spooling");
    writeFileSync(young, "still arriving");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(orphan, hourAgo, hourAgo);
    resetSweepForTests();
    await sweepSpool();
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });
});
