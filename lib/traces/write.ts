import "server-only";
import { cuid } from "../db";
import { dbKind, Prisma, type Tx } from "../db";
import { defineTable, insertRows, type ColumnType, type InsertClient, type NewRow } from "../db";
import { NotFoundError } from "../errors";
import type { ReviewStatus } from "../review";

/** A trace as a teacher wrote it: every column of Trace, with the schema's defaults optional. */
export type NewTrace = NewRow<Prisma.TraceUncheckedCreateInput, Prisma.TraceScalarFieldEnum>;

const TRACES = defineTable<NewTrace>({
  table: "Trace",
  columns: {
    id: "text",
    itemId: "text",
    jobId: "text",
    promptId: "text",
    systemMessageVersionId: "text",
    model: "text",
    params: "json",
    content: "text",
    reasoning: "text",
    strategy: "json",
    systemPromptErasable: "bool",
    requestMode: "text",
    finishReason: "text",
    truncated: "bool",
    inputTokens: "int",
    outputTokens: "int",
    reasoningTokens: "int",
    costUsd: "float",
    latencyMs: "int",
    reviewStatus: "text",
    flaggedAt: "date",
    flaggedById: "text",
    checkedAt: "date",
    createdAt: "date",
  } satisfies Record<Prisma.TraceScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for Trace.
  defaults: {
    id: cuid,
    systemPromptErasable: () => false,
    requestMode: () => "live",
    truncated: () => false,
    reasoningTokens: () => 0,
    costUsd: () => 0,
    reviewStatus: () => "pending",
    createdAt: () => new Date(),
  },
});

/**
 * Stores traces in multi-row INSERTs (a Prisma create costs about ten times a row of one), in the
 * caller's transaction; takes what `tx.trace.create({ data })` took, costUsd included. A second
 * trace for an item fails with a unique violation (isUniqueViolation), as a create did.
 */
export function insertTraces(tx: InsertClient, rows: readonly NewTrace[]): Promise<number> {
  return insertRows(tx, TRACES, rows);
}

/** Which of these items already have their trace (a batch ingested twice stores nothing twice). */
export async function tracedItemIds(tx: Pick<Tx, "trace">, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await tx.trace.findMany({ where: { itemId: { in: [...itemIds] } }, select: { itemId: true } });
  return new Set(rows.map((r) => r.itemId));
}

/** The status review derived from the trace's decisions. */
export async function setReviewStatus(tx: Tx, traceId: string, status: ReviewStatus): Promise<void> {
  await tx.trace.update({ where: { id: traceId }, data: { reviewStatus: status } });
}

/** The same status for many traces (a bulk decision's batch), in one statement. */
export async function setReviewStatuses(
  tx: Tx,
  traceIds: readonly string[],
  status: ReviewStatus,
): Promise<void> {
  if (traceIds.length === 0) return;
  await tx.trace.updateMany({ where: { id: { in: [...traceIds] } }, data: { reviewStatus: status } });
}

/**
 * lockTrace for a batch: holds the rows of those that exist, in id order (two batches that
 * overlap take them in the same order, so they cannot deadlock), and returns their ids.
 */
export async function lockTraces(tx: Tx, traceIds: readonly string[]): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const ids = [...new Set(traceIds)].sort();
  const found =
    dbKind() === "postgres"
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Trace" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`
      : await tx.trace.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return found.map((row) => row.id);
}

/**
 * Holds the trace's row until the transaction ends, so concurrent decisions or edits on one trace
 * take turns; SQLite already runs one write transaction at a time. NotFoundError if it is gone.
 */
export async function lockTrace(tx: Tx, traceId: string): Promise<void> {
  const found =
    dbKind() === "postgres"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Trace" WHERE "id" = ${traceId} FOR UPDATE`
      : await tx.trace.findMany({ where: { id: traceId }, select: { id: true } });
  if (found.length === 0) throw new NotFoundError("Trace", traceId);
}
