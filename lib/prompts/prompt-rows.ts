import "server-only";
import { cuid } from "../db";
import type { Prisma } from "../db";
import { defineTable, insertRows, type ColumnType, type InsertClient, type NewRow } from "../db";

/** A prompt as written by raw bulk inserts (imports, synthesis): every column, defaults optional. */
export type NewPromptRow = NewRow<Prisma.PromptUncheckedCreateInput, Prisma.PromptScalarFieldEnum>;

export const PROMPT_ROWS = defineTable<NewPromptRow>({
  table: "Prompt",
  columns: {
    id: "text",
    promptSetId: "text",
    externalId: "text",
    text: "text",
    referenceAnswer: "text",
    category: "text",
    source: "text",
    contentHash: "text",
    origin: "text",
    parentPromptId: "text",
    topic: "text",
    operation: "text",
    synthesisItemId: "text",
    synthesisIndex: "int",
    createdAt: "date",
  } satisfies Record<Prisma.PromptScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for Prompt.
  defaults: { id: cuid, origin: () => "import", createdAt: () => new Date() },
});

/**
 * Inserts prompts, skipping those whose content the set already holds (or that a unique key
 * says are written already); returns how many were new. ON CONFLICT DO NOTHING, not a caught
 * error: a failed INSERT would abort the whole transaction on PostgreSQL.
 */
export function insertPromptRows(client: InsertClient, rows: readonly NewPromptRow[]): Promise<number> {
  return insertRows(client, PROMPT_ROWS, rows, { onConflict: "ignore" });
}
