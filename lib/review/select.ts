import "server-only";
import { db, dbKind, Prisma } from "../db";
import type { ReviewPosition } from "./cursor";
import { indexedBy, selectionSql, where, type SelectionSql } from "./list-sql";
import { verdictOutcomes, type TraceSelection } from "./schemas";
import { search, type Search } from "./search";
import { walkSearch } from "./search-walk";
import { walkWindows } from "./walk-windows";
import {
  cappedCount,
  driverPage,
  estimatedRows,
  walkOrder,
  type Reader,
  type Walked,
  type WalkRequest,
} from "./walk";

const sql = Prisma.sql;

/**
 * A candidate set at most `cap` large is read whole and sorted rather than walked in order: each
 * candidate costs a random read of its trace, where a walk reads the order index and checks rows
 * as it goes (decisions without touching the trace). `estimated`: sized by the planner's estimate
 * instead of a count (a search's count costs as much as its matches).
 */
export type Driver = {
  keys: Prisma.Sql;
  by: "id" | "rowkey";
  cap: number;
  estimated?: boolean;
  candidates?: (alias: string) => Prisma.Sql;
};

// Measured at a million traces (bench:review): a reject reason's ~8,000 traces read whole took
// 60 ms on SQLite, whose reads are cheap, and 250 ms on PostgreSQL, where a window walk took 35.
/** Decisions by a reviewer or with a reason: past this, walk instead. */
const fewDecisions = () => (dbKind() === "sqlite" ? 10_000 : 2_000);
/**
 * PostgreSQL search matches, as the planner estimates them: a word too rare for its statistics is
 * estimated at about 5,000 (and is rarer than that), a common one from its measured frequency.
 */
const FEW_MATCHES = 6_000;
/** A job's traces when no status narrows the walk (its index leads with status). */
const SMALL_JOB = 10_000;

/**
 * The traces of a selection in the review order, from a position: the one reader behind the
 * list, its counts and bulk actions. How, by what the selection holds:
 * - search on SQLite: the FTS index's own order (search-walk.ts);
 * - a filter with few traces (a reviewer's or a reject reason's decisions, a small job, search
 *   matches on PostgreSQL: see Driver): those traces, checked and sorted (driverPage);
 * - otherwise the index that answers status, job, flag and dates, walked in chunks with the rest
 *   of the selection checked on each row (SQLite: walkOrder), or in windows whose matches the
 *   planner finds its own way (PostgreSQL: walkWindows), until enough match or the deadline.
 */
export async function selectPositions(
  selection: TraceSelection,
  request: Omit<WalkRequest, "client">,
  client?: Reader,
): Promise<Walked> {
  const found = selection.q ? await search(selection.q) : null;
  if (selection.q && !found) return { hits: [], resume: null, end: true };
  const s = selectionSql(selection);
  if (found?.kind === "sqlite") return walkSearch(found.match, s, { ...request, client: client ?? db() });
  const read = async (reader: Reader) => {
    const extra = found?.kind === "postgres" ? [found.condition("t")] : [];
    const walk = { ...request, client: reader };
    const driver = await smallestDriver(reader, selection, s, found);
    if (driver) return driverPage(s, driver, extra, walk);
    return dbKind() === "postgres" ? walkWindows(s, extra, walk) : walkOrder(s, extra, walk);
  };
  if (client || dbKind() === "sqlite") return read(client ?? db());
  // PostgreSQL would compile a walk's queries (their estimates count every row's subquery) with
  // JIT, 150 ms for a query that runs in 10: not for these reads.
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return read(tx);
  });
}

async function smallestDriver(
  reader: Reader,
  selection: TraceSelection,
  s: SelectionSql,
  found: Search | null,
): Promise<Driver | null> {
  let best: { driver: Driver; count: number } | null = null;
  for (const driver of drivers(selection, s, found)) {
    const count = driver.estimated
      ? await estimatedRows(reader, driver.keys)
      : await cappedCount(reader, driver.keys, driver.cap);
    if (count <= driver.cap && (!best || count < best.count)) best = { driver, count };
    if (best && best.count === 0) break;
  }
  return best?.driver ?? null;
}

function drivers(selection: TraceSelection, s: SelectionSql, found: Search | null): Driver[] {
  const out: Driver[] = [];
  if (selection.reasonId)
    out.push({
      keys: sql`SELECT DISTINCT "traceId" AS "k" FROM "ReviewDecision" WHERE "reasonId" = ${selection.reasonId}`,
      by: "id",
      cap: fewDecisions(),
    });
  if (selection.reviewerId)
    out.push({
      keys: sql`SELECT "traceId" AS "k" FROM "ReviewDecision" WHERE "reviewerId" = ${selection.reviewerId}`,
      by: "id",
      cap: fewDecisions(),
    });
  // A check's failures are usually few (a contaminated trace in a thousand): read them whole.
  if (selection.check)
    out.push({
      keys: sql`SELECT "traceId" AS "k" FROM "QualityVerdict" WHERE "check" = ${selection.check} AND "outcome" IN (${Prisma.join(verdictOutcomes(selection))}) AND "traceId" IS NOT NULL`,
      by: "id",
      cap: fewDecisions(),
    });
  // With a status the walk's own index starts with the job; without one it walks every trace.
  if (selection.jobId && s.index !== "Trace_jobId_reviewStatus_createdAt_id_idx") {
    const key = Prisma.raw(dbKind() === "sqlite" ? `"rowid"` : `"id"`);
    const index = Prisma.raw(
      dbKind() === "sqlite" ? `INDEXED BY "Trace_jobId_reviewStatus_createdAt_id_idx"` : "",
    );
    out.push({
      keys: sql`SELECT ${key} AS "k" FROM "Trace" ${index} WHERE "jobId" = ${selection.jobId}`,
      by: "rowkey",
      cap: SMALL_JOB,
    });
  }
  if (found?.kind === "postgres")
    out.push({ keys: found.keys, by: "id", cap: FEW_MATCHES, estimated: true, candidates: found.candidates });
  return out;
}

const STEP = 5_000;

/** Every trace of a selection, in the review order, a batch of `size` ids at a time (no deadline). */
export async function* selectionBatches(selection: TraceSelection, size = STEP): AsyncGenerator<string[]> {
  for await (const batch of selectionPositions(selection, size)) yield batch.map((h) => h.id);
}

/** As selectionBatches, with each trace's place in the order, from the start or after `start`. */
export async function* selectionPositions(
  selection: TraceSelection,
  size = STEP,
  start: ReviewPosition | null = null,
): AsyncGenerator<ReviewPosition[]> {
  let from: ReviewPosition | null = start;
  for (;;) {
    const walked = await selectPositions(selection, {
      from,
      direction: "older",
      want: size,
      deadline: Infinity,
    });
    if (walked.hits.length > 0) yield walked.hits;
    if (walked.hits.length < size) return;
    from = walked.hits.at(-1)!;
  }
}

/** How many traces a selection holds, exactly: what a bulk action confirms and checks. */
export async function countExactly(selection: TraceSelection): Promise<number> {
  const s = selectionSql(selection);
  if (!selection.q && s.filters("t").length === 0) {
    const [row] = await db().$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(*) AS "n" FROM "Trace" o ${indexedBy(s.index)} ${where(s.order("o"))}`;
    return Number(row?.n ?? 0);
  }
  let total = 0;
  for await (const batch of selectionBatches(selection)) total += batch.length;
  return total;
}

/** At most `cap` + 1 (more: "10,000+"), or as many as found by `deadline` (then not exact). */
export async function countUpTo(
  selection: TraceSelection,
  cap: number,
  deadline: number,
): Promise<{ count: number; exact: boolean }> {
  const walked = await selectPositions(selection, {
    from: null,
    direction: "older",
    want: cap + 1,
    deadline,
  });
  if (walked.hits.length > cap) return { count: cap, exact: false };
  return { count: walked.hits.length, exact: walked.resume === null };
}
