import "server-only";
import { db, Prisma } from "../db";

/** Where a walk through a set stopped: the last prompt taken, in (createdAt, id) order. */
export type PromptCursor = { at: string; id: string };

export type PagedPrompt = { id: string; category: string | null };

const PAGE = 500;

/**
 * A set's prompts in launch order ((createdAt, id), the order items are numbered in), a page at
 * a time from `after`, up to `asOf` (the launch: prompts added later are not the job's). A row
 * comparison over the (promptSetId, createdAt, id) index: each page is an index range, at any size.
 */
export async function* promptPages(
  promptSetId: string,
  asOf: string | undefined,
  after: PromptCursor | null,
): AsyncGenerator<{ prompts: PagedPrompt[]; cursor: PromptCursor }> {
  let cursor = after;
  const until = asOf ? Prisma.sql`AND "createdAt" <= ${new Date(asOf)}` : Prisma.empty;
  for (;;) {
    const from = cursor
      ? Prisma.sql`AND ("createdAt", "id") > (${new Date(cursor.at)}, ${cursor.id})`
      : Prisma.empty;
    const rows = await db().$queryRaw<Array<{ id: string; category: string | null; createdAt: Date }>>`
      SELECT "id", "category", "createdAt" FROM "Prompt"
      WHERE "promptSetId" = ${promptSetId} ${until} ${from}
      ORDER BY "createdAt", "id" LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: new Date(last.createdAt).toISOString(), id: last.id };
    yield { prompts: rows.map(({ id, category }) => ({ id, category })), cursor };
    if (rows.length < PAGE) return;
  }
}
