import { afterEach, describe, expect, it, vi } from "vitest";
import { db, dbKind } from "../db/client";
import { InvalidInputError } from "../errors";
import { publishingInto } from "./import-queries";
import { LostLeaseError, runJobNow } from "../runner";
import { createWorker } from "../runner/worker";
import { createTestUser } from "../testing/fixtures";
import { deferred, until } from "../testing/job-fixtures";
import { cancelImport } from "./cancel-import";
import { PUBLISHING_REFUSAL } from "./import-end";
import { receiveImport } from "./import-start";
import { createPromptSet } from "./mutations";
import { deletePromptSet } from "./set-deletion";
import { chunked, jsonl, promptRows } from "./test-helpers";

// Faults injected where the import meets the database and the disk: each test sets what it needs.
const faults = vi.hoisted(() => ({
  /** Runs before each INSERT statement (inside its transaction), with the statement's number. */
  beforeInsert: undefined as ((call: number, rows: number) => Promise<void>) | undefined,
  /** Awaited before validation reads its second batch, and before publishing reads anything. */
  validating: undefined as Promise<void> | undefined,
  publishing: undefined as Promise<void> | undefined,
  calls: 0,
}));

vi.mock("./insert-prompts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./insert-prompts")>();
  return {
    ...actual,
    runInsert: async (...args: Parameters<typeof actual.runInsert>) => {
      await faults.beforeInsert?.(++faults.calls, args[1].rows);
      return actual.runInsert(...args);
    },
  };
});
vi.mock("./import-rows", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./import-rows")>();
  return {
    ...actual,
    async *spooledRows(...args: Parameters<typeof actual.spooledRows>) {
      let batches = 0;
      for await (const rows of actual.spooledRows(...args)) {
        if (batches++ === 1 && faults.validating) await faults.validating;
        yield rows;
      }
    },
  };
});
vi.mock("./prepared-file", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./prepared-file")>();
  return {
    ...actual,
    async *preparedLines(...args: Parameters<typeof actual.preparedLines>) {
      if (faults.publishing) await faults.publishing;
      yield* actual.preparedLines(...args);
    },
  };
});

afterEach(() => {
  Object.assign(faults, { beforeInsert: undefined, validating: undefined, publishing: undefined, calls: 0 });
});

const ROWS = 6_000;
// Statements slow enough that a publish takes several transactions (each has a time budget).
const SLOW_MS = dbKind() === "postgres" ? 300 : 40;
const FAIL_AT = dbKind() === "postgres" ? 6 : 12;
const importOf = (id: string) => db().promptImport.findUniqueOrThrow({ where: { id } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queued(rows = promptRows(ROWS, { repeats: 50 })) {
  const user = await createTestUser("curator");
  const set = await createPromptSet({ name: `Faults ${Math.random().toString(36).slice(2)}` }, user.id);
  const started = await receiveImport({
    promptSetId: set.id,
    fileName: "faults.jsonl",
    format: "auto",
    mode: "all-or-nothing",
    source: chunked(jsonl(rows), 64 * 1024),
    actorId: user.id,
    maxBytes: null,
  });
  return { ...started, setId: set.id, userId: user.id };
}

/** Every prompt exactly once, and the counts of a clean import. */
async function expectComplete(importId: string, setId: string) {
  expect(await importOf(importId)).toMatchObject({
    status: "imported",
    rowsRead: ROWS + 50,
    validRows: ROWS,
    publishedRows: ROWS,
    inserted: ROWS,
    duplicates: 50,
  });
  const prompts = await db().prompt.findMany({ where: { promptSetId: setId }, select: { externalId: true } });
  expect(prompts).toHaveLength(ROWS);
  expect(new Set(prompts.map((p) => p.externalId)).size).toBe(ROWS);
}

describe("an import interrupted while it publishes", () => {
  it("resumes from its last committed batch after an error, in the next attempt", async () => {
    const { importId, jobId, setId } = await queued();
    const sent = { first: 0, second: 0 };
    let failed = false;
    // Slow statements, so several transactions commit before the third one fails.
    faults.beforeInsert = async (call, rows) => {
      await sleep(SLOW_MS);
      if (call === FAIL_AT && !failed) {
        failed = true;
        throw new Error("disk I/O error");
      }
      sent[failed ? "second" : "first"] += rows;
    };
    expect(await runJobNow(jobId)).toBe("completed");
    await expectComplete(importId, setId);
    const [item] = await db().jobItem.findMany({ where: { jobId } });
    expect(item).toMatchObject({ status: "done", attempts: 2 });
    // The second attempt sent only what the first had not committed.
    expect(sent.second).toBeLessThan(ROWS);
    expect(sent.first + sent.second).toBeGreaterThan(ROWS);
  });

  it("writes nothing more once its lease is lost, and the next worker completes it", async () => {
    const { importId, jobId, setId } = await queued();
    faults.beforeInsert = async (call) => {
      await sleep(SLOW_MS);
      if (call === FAIL_AT)
        throw new LostLeaseError({ id: "?", jobId, owner: "first", attempts: 1 } as never);
    };
    const first = createWorker({ workerId: "first", jobIds: [jobId] });
    await first.runOnce();
    await first.stop();
    const stopped = await importOf(importId);
    expect(stopped.status).toBe("publishing");
    expect(stopped.publishedRows).toBeGreaterThan(0);
    expect(stopped.publishedRows).toBeLessThan(ROWS);
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(stopped.inserted);
    // The first worker's lease runs out; another worker takes the item over.
    faults.beforeInsert = undefined;
    await db().jobItem.updateMany({
      where: { jobId },
      data: { leaseExpiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await runJobNow(jobId, "second")).toBe("completed");
    await expectComplete(importId, setId);
    expect((await db().jobItem.findFirstOrThrow({ where: { jobId } })).attempts).toBe(2);
  });

  it("that fails for good keeps the batches it committed, and says so; it is never left running", async () => {
    const { importId, jobId, setId } = await queued();
    faults.beforeInsert = async (call) => {
      await sleep(SLOW_MS);
      // A DomainError is not retried: the item fails at once, as after its last attempt.
      if (call === FAIL_AT) throw new InvalidInputError("the disk is gone");
    };
    expect(await runJobNow(jobId)).toBe("completed");
    const row = await importOf(importId);
    expect(row.status).toBe("failed");
    expect(row.inserted).toBeGreaterThan(0);
    expect(row.inserted).toBeLessThan(ROWS);
    expect(row.error).toMatch(
      new RegExp(
        `^The import failed after writing ${row.inserted.toLocaleString("en-US")} of 6,000 prompts, which are kept; import the same file again`,
      ),
    );
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(row.inserted);
    expect(await publishingInto(setId)).toBeNull();
  });
});

describe("cancelling an import", () => {
  it("stops it while it validates: nothing is written and the import ends cancelled", async () => {
    const { importId, jobId, setId, userId } = await queued();
    const gate = deferred();
    faults.validating = gate.promise;
    const running = runJobNow(jobId);
    await until(async () => (await importOf(importId)).status === "validating", "validation to start");
    await cancelImport(importId, userId);
    gate.resolve();
    expect(await running).toBe("cancelled");
    expect(await importOf(importId)).toMatchObject({ status: "cancelled", inserted: 0 });
    expect(await db().prompt.count({ where: { promptSetId: setId } })).toBe(0);
  });

  it("is refused once publishing started, and so are a launch's check and the set's deletion", async () => {
    const { importId, jobId, setId, userId } = await queued();
    const gate = deferred();
    faults.publishing = gate.promise;
    const running = runJobNow(jobId);
    await until(async () => (await importOf(importId)).status === "publishing", "publishing to start");
    await expect(cancelImport(importId, userId)).rejects.toThrow(PUBLISHING_REFUSAL);
    expect(await publishingInto(setId)).toMatchObject({
      importId,
      status: "publishing",
      message: expect.stringMatching(/is writing its prompts into this set: launch once it has finished\.$/),
    });
    await expect(deletePromptSet({ id: setId }, userId)).rejects.toThrow(
      /An import into .* is still running/,
    );
    gate.resolve();
    expect(await running).toBe("completed");
    await expectComplete(importId, setId);
    expect(await publishingInto(setId)).toBeNull();
  });
});
