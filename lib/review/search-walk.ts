import "server-only";
import { dateFromRaw, Prisma } from "../db";
import type { ReviewPosition } from "./cursor";
import { and, between, type SelectionSql } from "./list-sql";
import { nextChunk, type Walked, type WalkRequest } from "./walk";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

// TraceSearch's rowid is (createdAt ms << 21) + the low 21 bits of the trace's rowid (migration
// 20261205120000_review_search): its order is the review order to the millisecond. Within one
// millisecond the review order is by id, which the key does not follow, so a walk reads whole
// milliseconds and sorts them.
const SHIFT = 21n;
const msOf = (key: bigint) => key >> SHIFT;
const firstKeyOf = (ms: bigint) => ms << SHIFT;

const FIRST_CHUNK = 128;
const MAX_CHUNK = 8_192;

type Raw = { key: string; id: string | null; createdAt: Date | string | null };

/**
 * SQLite: the matches of an FTS5 query in the review order, newest first (or oldest first for
 * `newer`), from the index's own order: a page reads as many matches as it needs, however many
 * there are. Each is looked up in Trace (by rowid) and checked against the selection.
 */
export async function walkSearch(match: string, s: SelectionSql, request: WalkRequest): Promise<Walked> {
  const older = request.direction === "older";
  const checks = [
    ...s.order("t"),
    ...s.filters("t"),
    ...between("t", request.from, request.until, request.direction),
  ];
  const fromMs = request.from ? BigInt(request.from.createdAt.getTime()) : null;
  // The position's own millisecond is read again: its rows past the position are still to come.
  let bound: bigint | null =
    fromMs === null ? null : older ? firstKeyOf(fromMs + 1n) : firstKeyOf(fromMs) - 1n;
  // Keys past `until`'s millisecond cannot match.
  const untilMs = request.until ? BigInt(request.until.createdAt.getTime()) : null;
  const stop =
    untilMs === null
      ? Prisma.empty
      : older
        ? sql`AND "rowid" >= ${firstKeyOf(untilMs)}`
        : sql`AND "rowid" < ${firstKeyOf(untilMs + 1n)}`;
  const hits: Array<ReviewPosition & { key: bigint }> = [];
  for (let chunk = FIRST_CHUNK; ;) {
    const started = Date.now();
    const from =
      bound === null ? Prisma.empty : older ? sql`AND "rowid" < ${bound}` : sql`AND "rowid" > ${bound}`;
    const range = sql`${from} ${stop}`;
    const rows = await keysWith(request, match, range, older, chunk, checks);
    for (const row of rows) if (row.id !== null) hits.push(hit(row));
    const last = rows.at(-1);
    if (rows.length < chunk || !last) return finish(hits, request, true, null);
    bound = BigInt(last.key);
    if (hits.length >= request.want) {
      // Complete the millisecond of the last hit a page keeps, then order by (createdAt, id).
      const ms = msOf(hits[request.want - 1]!.key);
      await completeMillisecond(request, match, ms, bound, older, checks, hits);
      return finish(hits, request, false, null);
    }
    if (Date.now() >= request.deadline) {
      const ms = msOf(bound);
      await completeMillisecond(request, match, ms, bound, older, checks, hits);
      if (hits.length >= request.want) return finish(hits, request, false, null);
      // Everything in that millisecond is read: go on strictly past it.
      const resume = { createdAt: new Date(Number(older ? ms : ms + 1n)), id: "" };
      return finish(hits, request, false, resume);
    }
    chunk = Math.max(FIRST_CHUNK, nextChunk(chunk, rows.length, started, request.deadline, MAX_CHUNK));
  }
}

function keysWith(
  request: WalkRequest,
  match: string,
  range: Sql,
  older: boolean,
  limit: number | null,
  checks: Sql[],
) {
  const direction = Prisma.raw(older ? "DESC" : "ASC");
  return request.client.$queryRaw<Raw[]>`
    SELECT CAST(s."rowid" AS TEXT) AS "key", t."id" AS "id", t."createdAt" AS "createdAt"
    FROM (
      SELECT "rowid", "trace" FROM "TraceSearch" WHERE "TraceSearch" MATCH ${match} ${range}
      ORDER BY "rowid" ${direction} ${limit === null ? Prisma.empty : sql`LIMIT ${limit}`}
    ) s
    LEFT JOIN "Trace" t ON t."rowid" = s."trace" AND ${and(checks)}
    ORDER BY s."rowid" ${direction}`;
}

/** The rest of millisecond `ms` past key `after` (it holds few rows: no limit). */
async function completeMillisecond(
  request: WalkRequest,
  match: string,
  ms: bigint,
  after: bigint,
  older: boolean,
  checks: Sql[],
  hits: Array<ReviewPosition & { key: bigint }>,
) {
  const range = older
    ? sql`AND "rowid" < ${after} AND "rowid" >= ${firstKeyOf(ms)}`
    : sql`AND "rowid" > ${after} AND "rowid" < ${firstKeyOf(ms + 1n)}`;
  for (const row of await keysWith(request, match, range, older, null, checks))
    if (row.id !== null) hits.push(hit(row));
}

function finish(
  hits: Array<ReviewPosition & { key: bigint }>,
  request: WalkRequest,
  end: boolean,
  resume: ReviewPosition | null,
): Walked {
  const sign = request.direction === "older" ? -1 : 1;
  const sorted = hits
    .map(({ id, createdAt }) => ({ id, createdAt }))
    .sort(
      (a, b) =>
        sign * (a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
  const kept = sorted.slice(0, request.want);
  return { hits: kept, resume, end: end && kept.length === sorted.length };
}

function hit(row: Raw): ReviewPosition & { key: bigint } {
  return { id: row.id!, createdAt: dateFromRaw(row.createdAt)!, key: BigInt(row.key) };
}
