import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { JobKind, PlanFrom, PlanStep } from "../runner";
import { countExactly, selectionPositions } from "../review";
import { NO_USAGE, registerKind } from "../runner";
import { countTraces, listTraceKeys, type TraceWhere } from "../traces";
import { finishPlanning } from "./plan-finish";
import { writePlannedBatch, type PlannedBatch } from "./plan-write";
import { SessionPlanConfigSchema, type SessionPlanConfig } from "./schemas";
import { after, and, atOrAfter, atOrBefore, sessionTraceWhere, type Anchor } from "./selection";

/** Batches per planning step (one checkpoint each). */
const PLAN_STEP = 20;
const ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];
const REVERSED = [{ createdAt: "asc" as const }, { id: "asc" as const }];

const AnchorSchema = z.object({ id: z.string(), createdAt: z.coerce.date() });
/** One runner item: the traces from `from` through `through` in review order, `count` of them at plan time. */
const RangePayloadSchema = z.object({
  from: AnchorSchema,
  through: AnchorSchema,
  first: z.number().int().min(0),
  count: z.number().int().min(1),
});
/** A search selection's batch: its traces as the search found them while planning. */
const FoundPayloadSchema = z.object({ first: z.number().int().min(0), traceIds: z.array(z.string()).min(1) });
const BatchPayloadSchema = z.union([RangePayloadSchema, FoundPayloadSchema]);
type BatchPayload = z.infer<typeof BatchPayloadSchema>;
const CursorSchema = z.object({ after: AnchorSchema, position: z.number().int().min(0) }).nullable();

/**
 * Plans a session on the runner. Planning walks the selected traces in keyset order (newest
 * first) and cuts them into runner items of `batch` traces, reading only each batch's two end
 * keys; each item then reads its range and writes its session items (and dealt slots) in the
 * transaction that completes it: exactly once, under its lease. Memory stays one batch whatever
 * the session's size. Traces whose status changes while the session is planned may be in or out
 * (a range takes at most the count it was planned with, so positions never collide).
 */
export const sessionPlanKind = registerKind<JobKind<SessionPlanConfig, PlannedBatch>>({
  name: "session-planning",
  config: SessionPlanConfigSchema,
  settings: () => ({ concurrency: 2, maxAttempts: 5, teacher: null, mode: "live" }),
  plan: planBatches,
  async run({ row, config }) {
    const batch = BatchPayloadSchema.parse(row.payload);
    if ("traceIds" in batch) return { result: batch, usage: NO_USAGE };
    const where = and(sessionTraceWhere(config.filter), atOrAfter(batch.from), atOrBefore(batch.through));
    const keys = await listTraceKeys({ where, orderBy: ORDER, take: batch.count });
    return { result: { first: batch.first, traceIds: keys.map((k) => k.id) }, usage: NO_USAGE };
  },
  async write(tx, done, config) {
    for (const { result } of done) await writePlannedBatch(tx, config, result);
  },
  finished: finishPlanning,
});

async function* planBatches(config: SessionPlanConfig, from: PlanFrom): AsyncIterable<PlanStep> {
  if (config.filter.q) {
    yield* planFound(config, from);
    return;
  }
  const where = sessionTraceWhere(config.filter);
  let cursor = CursorSchema.parse(from.cursor ?? null);
  // The expected size, shown while planning; the exact count is written when it completes.
  if (!cursor) {
    const expected = await countTraces(where);
    await db().reviewSession.updateMany({
      where: { id: config.sessionId, status: "planning" },
      data: { itemCount: expected },
    });
  }
  for (;;) {
    const items: Array<{ payload: BatchPayload }> = [];
    while (items.length < PLAN_STEP) {
      const range = await nextRange(where, cursor?.after ?? null, config.batch);
      if (!range) break;
      const first = cursor?.position ?? 0;
      items.push({ payload: { ...range, first } });
      cursor = { after: range.through, position: first + range.count };
    }
    if (items.length === 0) return;
    yield { items, cursor };
    if (items.length < PLAN_STEP) return;
  }
}

/**
 * A selection with search words: the review search walks it (SQLite FTS5, PostgreSQL full
 * text) and each batch's ids go into its item, planned once, resumed after the last one planned.
 */
async function* planFound(config: SessionPlanConfig, from: PlanFrom): AsyncIterable<PlanStep> {
  let cursor = CursorSchema.parse(from.cursor ?? null);
  if (!cursor)
    await db().reviewSession.updateMany({
      where: { id: config.sessionId, status: "planning" },
      data: { itemCount: await countExactly(config.filter) },
    });
  let items: Array<{ payload: z.infer<typeof FoundPayloadSchema> }> = [];
  for await (const hits of selectionPositions(config.filter, config.batch, cursor?.after ?? null)) {
    const first = cursor?.position ?? 0;
    items.push({ payload: { first, traceIds: hits.map((h) => h.id) } });
    cursor = { after: hits.at(-1)!, position: first + hits.length };
    if (items.length === PLAN_STEP) {
      yield { items, cursor };
      items = [];
    }
  }
  if (items.length) yield { items, cursor };
}

/** The next `batch` traces after `cursor`: their first and last keys and how many; null at the end. */
async function nextRange(
  where: TraceWhere,
  cursor: Anchor | null,
  batch: number,
): Promise<{ from: Anchor; through: Anchor; count: number } | null> {
  const rest = cursor ? and(where, after(cursor)) : where;
  const [from] = await listTraceKeys({ where: rest, orderBy: ORDER, take: 1 });
  if (!from) return null;
  const [full] = await listTraceKeys({ where: rest, orderBy: ORDER, skip: batch - 1, take: 1 });
  if (full) return { from, through: full, count: batch };
  // The last, shorter batch: everything that is left.
  const [last] = await listTraceKeys({ where: rest, orderBy: REVERSED, take: 1 });
  return { from, through: last ?? from, count: Math.max(1, await countTraces(rest)) };
}
