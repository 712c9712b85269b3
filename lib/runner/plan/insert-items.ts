import "server-only";
import { cuid } from "../../db";
import type { Prisma, Tx } from "../../db";
import { defineTable, insertRows, type ColumnType, type NewRow } from "../../db";
import type { PlannedItem } from "../kind";

type NewItem = NewRow<Prisma.JobItemUncheckedCreateInput, Prisma.JobItemScalarFieldEnum>;

const ITEMS = defineTable<NewItem>({
  table: "JobItem",
  columns: {
    id: "text",
    jobId: "text",
    ordinal: "int",
    promptId: "text",
    sampleIndex: "int",
    systemMessageVersionId: "text",
    payload: "json",
    batchId: "text",
    status: "text",
    attempts: "int",
    rateLimited: "int",
    availableAt: "date",
    leaseOwner: "text",
    leaseExpiresAt: "date",
    lastError: "text",
    inputTokens: "int",
    outputTokens: "int",
    costUsd: "float",
    completedAt: "date",
    updatedAt: "date",
  } satisfies Record<Prisma.JobItemScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for JobItem (columns every planned item shares travel once).
  defaults: {
    id: cuid,
    attempts: () => 0,
    rateLimited: () => 0,
    availableAt: () => new Date(),
    updatedAt: () => new Date(),
    inputTokens: () => 0,
    outputTokens: () => 0,
    costUsd: () => 0,
  },
});

/**
 * Writes planned items with consecutive ordinals from `first`, pending and due now, through the
 * multi-row insert (Prisma's createMany costs about 0.3 ms a row: a million-item launch took minutes).
 */
export async function insertItems(
  tx: Tx,
  jobId: string,
  first: number,
  items: PlannedItem[],
  now: Date,
): Promise<void> {
  const rows = items.map((item, i): NewItem => ({
    jobId,
    ordinal: first + i,
    promptId: item.promptId ?? null,
    sampleIndex: item.sampleIndex ?? 0,
    systemMessageVersionId: item.systemMessageVersionId ?? null,
    payload: (item.payload ?? undefined) as Prisma.InputJsonValue | undefined,
    status: "pending",
    availableAt: now,
    updatedAt: now,
  }));
  await insertRows(tx, ITEMS, rows);
}
