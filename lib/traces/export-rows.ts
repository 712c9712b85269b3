import "server-only";
import { db } from "../db";
import { newestEditFirst } from "./edit-order";
import type { TraceWhere } from "./queries";

/**
 * One batch of traces with everything an export line holds, ordered by id after `afterId` (a
 * keyset, so memory stays at one batch however large the export). `edits` is the newest edit
 * only: a reviewer's correction replaces the teacher's text, which stays as the original.
 */
export function exportTraceBatch(query: { where: TraceWhere; afterId?: string; take: number }) {
  return db().trace.findMany({
    where: { ...query.where, ...(query.afterId ? { id: { gt: query.afterId } } : {}) },
    orderBy: { id: "asc" },
    take: query.take,
    select: {
      id: true,
      itemId: true,
      jobId: true,
      promptId: true,
      model: true,
      params: true,
      content: true,
      reasoning: true,
      strategy: true,
      systemPromptErasable: true,
      reasoningTokens: true,
      finishReason: true,
      truncated: true,
      inputTokens: true,
      outputTokens: true,
      createdAt: true,
      prompt: {
        select: { text: true, referenceAnswer: true, category: true, externalId: true, promptSetId: true },
      },
      systemMessageVersion: {
        select: { id: true, version: true, content: true, message: { select: { id: true, name: true } } },
      },
      job: { select: { name: true, config: true, provider: { select: { name: true, kind: true } } } },
      decisions: {
        where: { decision: "approved" },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        select: { reviewerId: true, decision: true },
      },
      edits: { orderBy: newestEditFirst(), take: 1, select: { content: true } },
    },
  });
}
