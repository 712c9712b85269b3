import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { exportApprovedJsonl } from "../export/jsonl";
import type { ExportRecord } from "../export/record";
import { createTestUser } from "../testing/fixtures";
import { createTraces } from "../testing/trace-fixtures";
import { editTrace, EditTraceSchema, getTraceView, TRACE_EDIT_MAX } from "./index";

const ORIGINAL = "Step 1: 2 + 2 = 5.\n\n**Answer:** 5\n";

async function oneTrace(status: "pending" | "approved" = "pending") {
  const created = await createTraces({ count: 1, status, content: ORIGINAL });
  return { ...created, traceId: created.traceIds[0]! };
}

async function exported(jobId: string): Promise<ExportRecord> {
  for await (const line of exportApprovedJsonl({ jobId })) return JSON.parse(line) as ExportRecord;
  throw new Error("nothing exported");
}

const originalOf = async (traceId: string) =>
  (await db().trace.findUniqueOrThrow({ where: { id: traceId } })).content;

describe("editTrace", () => {
  it("keeps the original untouched and makes the newest edit the trace's text, with its history", async () => {
    const { traceId } = await oneTrace();
    const [alice, bob] = [await createTestUser("reviewer"), await createTestUser("curator")];
    const first = await editTrace(
      { traceId, content: "  Step 1: 2 + 2 = 4.  ", note: " arithmetic ", expectedEditId: null },
      alice.id,
    );
    const second = await editTrace(
      { traceId, content: "Step 1: 2 + 2 = 4.\n\n**Answer:** 4", expectedEditId: first.editId },
      bob.id,
    );
    expect(await originalOf(traceId)).toBe(ORIGINAL);
    const view = await getTraceView(traceId);
    expect(view.trace).toMatchObject({ content: "Step 1: 2 + 2 = 4.\n\n**Answer:** 4", original: ORIGINAL });
    expect(view.edits.map((e) => [e.id, e.editorName, e.note, e.restoresOriginal])).toEqual([
      [second.editId, bob.name, null, false],
      [first.editId, alice.name, "arithmetic", false],
    ]);
    expect(view.edits[1]!.content).toBe("Step 1: 2 + 2 = 4."); // trimmed
    expect(Date.parse(view.edits[0]!.createdAt)).toBeGreaterThan(Date.parse(view.edits[1]!.createdAt));
  });

  it("refuses a stale expectedEditId with a ConflictError and writes nothing", async () => {
    const { traceId } = await oneTrace();
    const editor = await createTestUser("reviewer");
    const first = await editTrace({ traceId, content: "One." }, editor.id);
    // Saw no edit (null), or saw an edit that is no longer the newest.
    await expect(
      editTrace({ traceId, content: "Two.", expectedEditId: null }, editor.id),
    ).rejects.toBeInstanceOf(ConflictError);
    await editTrace({ traceId, content: "Three.", expectedEditId: first.editId }, editor.id);
    const stale = editTrace({ traceId, content: "Four.", expectedEditId: first.editId }, editor.id);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/edited since you opened it/);
    expect((await getTraceView(traceId)).trace.content).toBe("Three.");
    expect(await db().traceEdit.count({ where: { traceId } })).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "trace.edited", entityId: traceId } })).toBe(2);
  });

  it("lets exactly one of two editors who loaded the same text save", async () => {
    const { traceId } = await oneTrace();
    const editors = await Promise.all([1, 2, 3].map(() => createTestUser("reviewer")));
    const results = await Promise.allSettled(
      editors.map((e, i) => editTrace({ traceId, content: `Fix ${i}`, expectedEditId: null }, e.id)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason instanceof ConflictError)).toBe(true);
    expect(await db().traceEdit.count({ where: { traceId } })).toBe(1);
  });

  it("writes one audit entry per edit, in the same transaction", async () => {
    const { traceId } = await oneTrace();
    const editor = await createTestUser("reviewer");
    const edit = await editTrace({ traceId, content: "Better.", note: "typo" }, editor.id);
    await expect(editTrace({ traceId, content: "Better." }, editor.id)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const events = await db().auditEvent.findMany({ where: { entityType: "trace", entityId: traceId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: editor.id, action: "trace.edited" });
    expect(events[0]!.data).toEqual({
      editId: edit.editId,
      previousEditId: null,
      restoresOriginal: false,
      note: "typo",
      chars: 7,
    });
  });

  it("reverts by restoring the original text exactly, as a new edit", async () => {
    const { traceId } = await oneTrace();
    const editor = await createTestUser("reviewer");
    // Saving the original unchanged is no edit at all.
    await expect(editTrace({ traceId, content: ORIGINAL }, editor.id)).rejects.toThrow(/Nothing changed/);
    const changed = await editTrace({ traceId, content: "Changed." }, editor.id);
    const reverted = await editTrace(
      { traceId, content: ORIGINAL.trim(), expectedEditId: changed.editId },
      editor.id,
    );
    expect(reverted.restoresOriginal).toBe(true);
    const view = await getTraceView(traceId);
    expect(view.trace.content).toBe(ORIGINAL); // trailing newline kept: the original, byte for byte
    expect(view.edits.map((e) => e.restoresOriginal)).toEqual([true, false]);
  });

  it("is what export writes as the trace, with the teacher's text as original_trace", async () => {
    const { traceId, jobId } = await oneTrace("approved");
    const editor = await createTestUser("curator");
    expect(await exported(jobId)).not.toHaveProperty("original_trace");
    await editTrace({ traceId, content: "First fix." }, editor.id);
    await editTrace({ traceId, content: "Second fix." }, editor.id);
    expect(await exported(jobId)).toMatchObject({ trace: "Second fix.", original_trace: ORIGINAL });
  });

  it("validates the input and refuses an unknown trace", async () => {
    const editor = await createTestUser("reviewer");
    const parse = (input: object) => EditTraceSchema.safeParse({ traceId: "t", ...input });
    expect(parse({ content: "   " }).success).toBe(false);
    expect(parse({ content: "x".repeat(TRACE_EDIT_MAX + 1) }).success).toBe(false);
    expect(parse({ content: "ok", note: "n".repeat(501) }).success).toBe(false);
    expect(parse({ content: " ok ", note: " why " }).data).toEqual({
      traceId: "t",
      content: "ok",
      note: "why",
    });
    await expect(editTrace({ traceId: "missing", content: "x" }, editor.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
