import "server-only";
import { dateFromRaw, dbKind, Prisma, type Tx } from "../db";
import type { ReviewPosition } from "./cursor";
import {
  and,
  between,
  indexedBy,
  orderBy,
  rowKey,
  where,
  type Direction,
  type SelectionSql,
} from "./list-sql";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** What a walk found: matching rows in the review order, and whether it stopped before the end. */
export type Walked = {
  hits: ReviewPosition[];
  /** Where to go on from when the walk stopped on its deadline (null: it reached `want` or the end). */
  resume: ReviewPosition | null;
  /** True when nothing matches past the last hit. */
  end: boolean;
};

/** What a walk reads through: the client, or a transaction (PostgreSQL: see selectPositions). */
export type Reader = Pick<Tx, "$queryRaw">;

export type WalkRequest = {
  client: Reader;
  from: ReviewPosition | null;
  direction: Direction;
  /** Stop after this many matches. */
  want: number;
  /** The last position to read (inclusive); the end of the selection when absent. */
  until?: ReviewPosition;
  /** Date.now() after which the walk returns what it has (Infinity: never). */
  deadline: number;
};

const FIRST_CHUNK = 256;
const MAX_CHUNK = 16_384;

type Raw = { id: string; createdAt: Date | string; hit: string | null };

/**
 * Walks the index the selection's order conditions follow, a chunk at a time, keeping the rows
 * that pass its filters (`extra` too: PostgreSQL's search). Every chunk is an index range, so a
 * page costs the same at any depth, and the deadline bounds a sparse filter's walk: the caller
 * gets a partial page and a position to go on from.
 */
export async function walkOrder(s: SelectionSql, extra: Sql[], request: WalkRequest): Promise<Walked> {
  const filters = [...s.filters("t"), ...extra];
  if (filters.length === 0) return plainPage(s, request);
  const hits: ReviewPosition[] = [];
  let from = request.from;
  for (let chunk = FIRST_CHUNK; ;) {
    const started = Date.now();
    // The check is a subquery per row, not a join: PostgreSQL would hash-join the whole table.
    const rows = await request.client.$queryRaw<Raw[]>`
      SELECT w."id" AS "id", w."createdAt" AS "createdAt",
        (SELECT t."id" FROM "Trace" t WHERE ${rowKey("t")} = w."k" AND ${and(filters)}) AS "hit"
      FROM (
        SELECT o."id", o."createdAt", ${rowKey("o")} AS "k" FROM "Trace" o ${indexedBy(s.index)}
        ${where([...s.order("o"), ...between("o", from, request.until, request.direction)])}
        ${orderBy("o", request.direction)} LIMIT ${chunk}
      ) w
      ${orderBy("w", request.direction)}`;
    for (const row of rows) {
      if (row.hit === null) continue;
      hits.push(position(row));
      if (hits.length === request.want) return { hits, resume: null, end: false };
    }
    if (rows.length < chunk) return { hits, resume: null, end: true };
    from = position(rows.at(-1)!);
    if (Date.now() >= request.deadline) return { hits, resume: from, end: false };
    chunk = nextChunk(chunk, rows.length, started, request.deadline, MAX_CHUNK);
  }
}

/** No filter beyond what the index answers: the page is the index range itself. */
async function plainPage(s: SelectionSql, request: WalkRequest): Promise<Walked> {
  const rows = await request.client.$queryRaw<Raw[]>`
    SELECT o."id" AS "id", o."createdAt" AS "createdAt", o."id" AS "hit" FROM "Trace" o ${indexedBy(s.index)}
    ${where([...s.order("o"), ...between("o", request.from, request.until, request.direction)])}
    ${orderBy("o", request.direction)} LIMIT ${request.want}`;
  return { hits: rows.map(position), resume: null, end: rows.length < request.want };
}

/**
 * A small set of candidate traces (`keys`, a subquery of join keys `k`: a reviewer's decisions,
 * a reject reason's, a job's traces, search matches) read whole and sorted: the exact page
 * whatever the other filters leave, where a walk would pass over many rows to find few.
 */
export async function driverPage(
  s: SelectionSql,
  driver: { keys: Sql; by: "id" | "rowkey"; candidates?: (alias: string) => Sql },
  extra: Sql[],
  request: WalkRequest,
): Promise<Walked> {
  const conditions = [
    ...s.order("t"),
    ...s.filters("t"),
    ...extra,
    ...between("t", request.from, request.until, request.direction),
  ];
  const key = driver.by === "id" ? sql`t."id"` : rowKey("t");
  if (dbKind() === "postgres") {
    // Every candidate in one bitmap heap scan, in table order (looked up one by one, 8,000 took
    // 250 ms instead of 55), then sorted: MATERIALIZED keeps the planner from walking the order
    // index for the LIMIT instead.
    const candidates =
      driver.candidates?.("t") ?? sql`${key} = ANY(ARRAY(SELECT c."k" FROM (${driver.keys}) c))`;
    const rows = await request.client.$queryRaw<Raw[]>`
      WITH m AS MATERIALIZED (
        SELECT t."id", t."createdAt" FROM "Trace" t WHERE ${candidates} AND ${and(conditions)}
      )
      SELECT m."id" AS "id", m."createdAt" AS "createdAt", m."id" AS "hit" FROM m
      ${orderBy("m", request.direction)} LIMIT ${request.want}`;
    return { hits: rows.map(position), resume: null, end: rows.length < request.want };
  }
  // SQLite keeps a CROSS JOIN's left side outer: the candidates drive.
  const rows = await request.client.$queryRaw<Raw[]>`
    SELECT t."id" AS "id", t."createdAt" AS "createdAt", t."id" AS "hit"
    FROM (${driver.keys}) d CROSS JOIN "Trace" t WHERE ${key} = d."k" AND ${and(conditions)}
    ${orderBy("t", request.direction)} LIMIT ${request.want}`;
  return { hits: rows.map(position), resume: null, end: rows.length < request.want };
}

/** PostgreSQL's estimate of how many rows a query returns (planning only: no rows read). */
export async function estimatedRows(client: Reader, query: Sql): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (FORMAT JSON) ${query}`;
  const plan = row?.["QUERY PLAN"] as Array<{ Plan?: { "Plan Rows"?: number } }> | undefined;
  return plan?.[0]?.Plan?.["Plan Rows"] ?? Infinity;
}

/** How many keys a candidate set has, counting no further than `cap` + 1. */
export async function cappedCount(client: Reader, keys: Sql, cap: number): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS "n" FROM (${keys} LIMIT ${cap + 1}) c`;
  return Number(row?.n ?? 0);
}

/** Four times the last chunk, or what the time left allows at the last chunk's pace. */
export function nextChunk(
  chunk: number,
  rows: number,
  started: number,
  deadline: number,
  max: number,
): number {
  const perRow = Math.max(Date.now() - started, 1) / rows;
  const fits = Math.floor((deadline - Date.now()) / perRow);
  return Math.max(FIRST_CHUNK, Math.min(chunk * 4, max, fits));
}

function position(row: { id: string; createdAt: Date | string }): ReviewPosition {
  return { id: row.id, createdAt: dateFromRaw(row.createdAt)! };
}
