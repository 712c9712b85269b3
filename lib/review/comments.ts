import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { CommentSchema, type CommentInput } from "./queue-schemas";

/** Adds a comment to a trace (comments are never edited or deleted), audited with it. */
export async function addComment(
  input: CommentInput,
  authorId: string,
): Promise<{ id: string; createdAt: string }> {
  const { traceId, body } = CommentSchema.parse(input);
  return db().$transaction(async (tx) => {
    const trace = await tx.trace.findUnique({ where: { id: traceId }, select: { id: true } });
    if (!trace) throw new NotFoundError("Trace", traceId);
    const comment = await tx.traceComment.create({ data: { traceId, authorId, body } });
    await recordAudit(
      {
        actorId: authorId,
        action: "trace.commented",
        entityId: traceId,
        data: { commentId: comment.id, chars: body.length },
      },
      tx,
    );
    return { id: comment.id, createdAt: comment.createdAt.toISOString() };
  });
}
