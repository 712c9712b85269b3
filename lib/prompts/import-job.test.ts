import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { runJobNow } from "../runner";
import { createTestUser } from "../testing/fixtures";
import { cancelImport } from "./cancel-import";
import { importPrompts } from "./import-prompts";
import { listImports } from "./import-queries";
import { receiveImport } from "./import-start";
import { createPromptSet } from "./mutations";
import { preparedPath } from "./prepared-file";
import type { ImportMode } from "./schemas";
import { chunked, jsonl, promptRows } from "./test-helpers";

async function newSet() {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `Job ${Math.random().toString(36).slice(2)}` }, user.id);
  return { setId: set.id, userId: user.id };
}

const importOf = (id: string) => db().promptImport.findUniqueOrThrow({ where: { id } });
const count = (promptSetId: string) => db().prompt.count({ where: { promptSetId } });
const queue = (setId: string, userId: string, text: string, fileName = "q.jsonl", mode?: ImportMode) =>
  receiveImport({
    promptSetId: setId,
    fileName,
    format: "auto",
    mode: mode ?? "all-or-nothing",
    source: chunked(text, 4096),
    actorId: userId,
    maxBytes: null,
  });

describe("the prompt-import job", () => {
  it("all-or-nothing: a refused file writes no prompt, yet counts its duplicates, in the file and in the set", async () => {
    const { setId, userId } = await newSet();
    await importPrompts({
      promptSetId: setId,
      fileName: "first.jsonl",
      format: "auto",
      mode: "all-or-nothing",
      source: chunked(jsonl(promptRows(10))),
      actorId: userId,
    });
    // 30 rows: 5 already in the set, 25 new (3 of them repeated), and one invalid.
    const rows = [...promptRows(30, { from: 5, repeats: 3 }), { nope: true }];
    const result = await importPrompts({
      promptSetId: setId,
      fileName: "second.jsonl",
      format: "auto",
      mode: "all-or-nothing",
      source: chunked(jsonl(rows), 100),
      actorId: userId,
    });
    expect(result).toMatchObject({
      status: "rejected",
      rowsRead: 34,
      inserted: 0,
      invalid: 1,
      duplicates: 8,
    });
    expect(result.errors).toEqual([
      { line: 34, message: expect.stringMatching(/^line 34: "text" is missing/) },
    ]);
    expect(await count(setId)).toBe(10);
    const row = await importOf(result.importId);
    expect(row).toMatchObject({ status: "rejected", publishedRows: 0, validRows: 30, spoolPath: null });
    const job = await db().job.findUniqueOrThrow({ where: { id: row.jobId! } });
    expect(job.status).toBe("completed");
  });

  it("skip-invalid keeps the valid rows; duplicates are skipped and counted; the files are gone after", async () => {
    const { setId, userId } = await newSet();
    const rows = [...promptRows(400, { repeats: 20 }), { text: "" }, { text: 7 }];
    const started = await queue(setId, userId, jsonl(rows), "mixed.jsonl", "skip-invalid");
    const { spoolPath } = await importOf(started.importId);
    expect(await runJobNow(started.jobId)).toBe("completed");
    const row = await importOf(started.importId);
    expect(row).toMatchObject({
      status: "imported",
      rowsRead: 422,
      validRows: 400,
      publishedRows: 400,
      inserted: 400,
      duplicates: 20,
      invalid: 2,
    });
    expect(row.bytesRead).toBe(row.bytesTotal);
    expect(await count(setId)).toBe(400);
    // The worker released the files once the import was final (a moment after its commit).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(existsSync(spoolPath!)).toBe(false);
    expect(existsSync(preparedPath(spoolPath!))).toBe(false);
  });

  it("refuses a CSV file that is not UTF-8, citing the bad byte's line", async () => {
    const { setId, userId } = await newSet();
    const bytes = Buffer.concat([
      Buffer.from('text,category\nfine,a\n"two\nlines",b\nbad '),
      Buffer.from([0xe9]), // é in Latin-1
      Buffer.from(" byte,c\nafter,d\n"),
    ]);
    const result = await importPrompts({
      promptSetId: setId,
      fileName: "latin1.csv",
      format: "auto",
      mode: "skip-invalid",
      source: (async function* () {
        yield bytes;
      })(),
      actorId: userId,
    });
    expect(result).toMatchObject({ status: "rejected", inserted: 0, rowsRead: 2 });
    expect(result.fileError).toBe(
      "line 5: the file is not UTF-8 text (save it as UTF-8 and upload it again)",
    );
    expect(await count(setId)).toBe(0);
  });

  it("cancels a queued import: the job and the import end cancelled, nothing is written", async () => {
    const { setId, userId } = await newSet();
    const started = await queue(setId, userId, jsonl(promptRows(50)));
    const { spoolPath } = await importOf(started.importId);
    const [running] = await listImports(setId);
    expect(running).toMatchObject({
      id: started.importId,
      status: "queued",
      cancellable: true,
      result: null,
    });
    await cancelImport(started.importId, userId);
    expect(await importOf(started.importId)).toMatchObject({ status: "cancelled", spoolPath: null });
    expect((await db().job.findUniqueOrThrow({ where: { id: started.jobId } })).status).toBe("cancelled");
    expect(existsSync(spoolPath!)).toBe(false);
    expect(await runJobNow(started.jobId)).toBe("cancelled");
    expect(await count(setId)).toBe(0);
    const [ended] = await listImports(setId);
    expect(ended!.result).toMatchObject({
      status: "cancelled",
      error: expect.stringMatching(/nothing was imported/),
    });
    await expect(cancelImport(started.importId, userId)).rejects.toThrow(/has already ended \(cancelled\)/);
  });

  it("fails an import whose file is gone, saying so; nothing is imported", async () => {
    const { setId, userId } = await newSet();
    const started = await queue(setId, userId, jsonl(promptRows(50)));
    await rm((await importOf(started.importId)).spoolPath!);
    expect(await runJobNow(started.jobId)).toBe("completed");
    const row = await importOf(started.importId);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/nothing was imported: The uploaded file is no longer in the data directory/);
    expect(await count(setId)).toBe(0);
  });
});
