import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createTestUser } from "../testing/fixtures";
import { receiveImport, type ImportRequest } from "./import-start";
import { createPromptSet } from "./mutations";
import { uploadsDir } from "./spool";
import { chunked, jsonl, promptRows } from "./test-helpers";

const spooled = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()).length : 0);

async function request(idempotencyKey?: string): Promise<ImportRequest> {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `Keyed ${randomUUID()}` }, user.id);
  return {
    promptSetId: set.id,
    fileName: "q.jsonl",
    format: "auto",
    mode: "all-or-nothing",
    source: chunked(jsonl(promptRows(5)), 64),
    actorId: user.id,
    maxBytes: null,
    idempotencyKey,
  };
}

const again = (r: ImportRequest, source = chunked(jsonl(promptRows(5)), 64)) => ({ ...r, source });

describe("an upload with an Idempotency-Key", () => {
  it("repeated, returns the first import without reading its body", async () => {
    const first = await request(randomUUID());
    const started = await receiveImport(first);
    let read = false;
    async function* untouched() {
      read = true;
      yield Buffer.from("{}");
    }
    expect(await receiveImport({ ...first, source: untouched() })).toEqual(started);
    expect(read).toBe(false);
    expect(await db().promptImport.count({ where: { promptSetId: first.promptSetId } })).toBe(1);
  });

  it("sent twice at once, makes one import and leaves no second spooled file", async () => {
    const first = await request(randomUUID());
    const files = spooled();
    const both = await Promise.all([receiveImport(again(first)), receiveImport(again(first))]);
    expect(both[0]).toEqual(both[1]);
    const rows = await db().promptImport.findMany({ where: { promptSetId: first.promptSetId } });
    expect(rows).toHaveLength(1);
    expect(existsSync(rows[0]!.spoolPath!)).toBe(true);
    expect(spooled()).toBe(files + 1);
    expect(await db().job.count({ where: { launchKey: `import:${first.idempotencyKey}` } })).toBe(1);
  });

  it("without a key, every upload is an import", async () => {
    const first = await request();
    const a = await receiveImport(again(first));
    const b = await receiveImport(again(first));
    expect(a.importId).not.toBe(b.importId);
  });
});
