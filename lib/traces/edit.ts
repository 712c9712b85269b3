import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, InvalidInputError } from "../errors";
import { newestEditFirst } from "./edit-order";
import { EditTraceSchema, type EditTraceInput } from "./schemas";
import { lockTrace } from "./write";

export type EditTraceResult = {
  traceId: string;
  editId: string;
  createdAt: string;
  /** The edit put the teacher's original text back. */
  restoresOriginal: boolean;
};

/**
 * Records a reviewer's correction as a new edit beside the untouched original, with an audit
 * entry, in one transaction; the newest edit is the trace's text from then on (review, export).
 * Reverting is an edit too: sending the original text (whitespace aside) stores it exactly, so
 * the history keeps who reverted and when. Refuses an edit that changes nothing, and one made
 * against an older text than the newest (expectedEditId).
 */
export async function editTrace(input: EditTraceInput, editorId: string): Promise<EditTraceResult> {
  const { traceId, content, note, expectedEditId } = EditTraceSchema.parse(input);
  return db().$transaction(async (tx) => {
    await lockTrace(tx, traceId);
    const trace = await tx.trace.findUniqueOrThrow({ where: { id: traceId }, select: { content: true } });
    const latest = await tx.traceEdit.findFirst({
      where: { traceId },
      orderBy: newestEditFirst(),
      select: { id: true, content: true, createdAt: true },
    });
    if (expectedEditId !== undefined && expectedEditId !== (latest?.id ?? null)) {
      throw new ConflictError(
        "This trace was edited since you opened it (someone else, or another tab): reload the page to see the newest text, then edit again.",
      );
    }
    if (content === (latest?.content ?? trace.content).trim()) {
      throw new InvalidInputError("Nothing changed: this is already the trace's text.");
    }
    const restoresOriginal = content === trace.content.trim();
    // Strictly after the previous edit, so "newest" never depends on clocks or id order.
    const after = latest ? latest.createdAt.getTime() + 1 : 0;
    const edit = await tx.traceEdit.create({
      data: {
        traceId,
        content: restoresOriginal ? trace.content : content,
        editorId,
        note: note || null,
        createdAt: new Date(Math.max(Date.now(), after)),
      },
      select: { id: true, createdAt: true },
    });
    await recordAudit(
      {
        actorId: editorId,
        action: "trace.edited",
        entityId: traceId,
        data: {
          editId: edit.id,
          previousEditId: latest?.id ?? null,
          restoresOriginal,
          note: note || null,
          chars: content.length,
        },
      },
      tx,
    );
    return { traceId, editId: edit.id, createdAt: edit.createdAt.toISOString(), restoresOriginal };
  });
}
