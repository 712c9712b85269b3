import "server-only";
import { db, type Tx } from "../db";
import type { TraceOrder, TraceWhere } from "./queries";

/** Traces' keys in an order (id and createdAt only): keyset paging over millions of traces. */
export function listTraceKeys(query: {
  where: TraceWhere;
  orderBy: TraceOrder;
  skip?: number;
  take: number;
}): Promise<Array<{ id: string; createdAt: Date }>> {
  return db().trace.findMany({ ...query, select: { id: true, createdAt: true } });
}

/** The trace's review status as this transaction sees it; null when it is gone. */
export async function reviewStatusOf(tx: Tx, traceId: string): Promise<string | null> {
  const row = await tx.trace.findUnique({ where: { id: traceId }, select: { reviewStatus: true } });
  return row?.reviewStatus ?? null;
}

const PREVIEW_CHARS = 160;

/** A line about each trace for lists that show many (adjudication): its prompt's start and the model. */
export async function tracePreviews(
  ids: readonly string[],
): Promise<Map<string, { prompt: string; model: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db().trace.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, model: true, prompt: { select: { text: true } } },
  });
  return new Map(rows.map((r) => [r.id, { prompt: preview(r.prompt.text), model: r.model }]));
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

/** The start of each trace's answer and its review status, for lists of traces (duplicate clusters). */
export async function traceContentPreviews(
  ids: readonly string[],
): Promise<Array<{ id: string; preview: string; reviewStatus: string }>> {
  if (ids.length === 0) return [];
  const rows = await db().trace.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, content: true, reviewStatus: true },
  });
  return rows.map((r) => ({
    id: r.id,
    preview: preview(r.content.slice(0, 2_000)),
    reviewStatus: r.reviewStatus,
  }));
}
