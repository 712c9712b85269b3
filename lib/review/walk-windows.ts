import "server-only";
import { dateFromRaw, Prisma } from "../db";
import type { ReviewPosition } from "./cursor";
import { between, orderBy, where, type SelectionSql } from "./list-sql";
import type { Walked, WalkRequest } from "./walk";

type Sql = Prisma.Sql;

/** Rows of the first window per match wanted: a filter one row in ten passes fills its page. */
const FIRST_WINDOW_PER_MATCH = 16;
const MAX_WINDOW = 1_048_576;

type Raw = { id: string; createdAt: Date | string };

/**
 * PostgreSQL: the selection a window of the order at a time. A window is the next W rows of the
 * index the order conditions follow (found by an index-only scan); the page query asks for the
 * matches inside it with every condition, so the planner may intersect the search's GIN index with
 * the window's range (BitmapAnd), probe another table for each row, or walk it: whichever, it
 * reads at most W rows. Windows grow while matches are few, until the deadline.
 */
export async function walkWindows(s: SelectionSql, extra: Sql[], request: WalkRequest): Promise<Walked> {
  const hits: ReviewPosition[] = [];
  let from = request.from;
  const first = Math.max(256, request.want * FIRST_WINDOW_PER_MATCH);
  for (let size = first; ; size = Math.min(size * 4, MAX_WINDOW)) {
    const [edge] = await request.client.$queryRaw<Raw[]>`
      SELECT o."id", o."createdAt" FROM "Trace" o
      ${where([...s.order("o"), ...between("o", from, request.until, request.direction)])}
      ${orderBy("o", request.direction)} OFFSET ${size - 1} LIMIT 1`;
    const boundary = edge ? position(edge) : undefined;
    const rows = await request.client.$queryRaw<Raw[]>`
      SELECT t."id", t."createdAt" FROM "Trace" t
      ${where([
        ...s.order("t"),
        ...s.filters("t"),
        ...extra,
        ...between("t", from, request.until, request.direction),
        ...between("t", null, boundary, request.direction),
      ])}
      ${orderBy("t", request.direction)} LIMIT ${request.want - hits.length}`;
    hits.push(...rows.map(position));
    if (hits.length >= request.want) return { hits, resume: null, end: false };
    if (!boundary) return { hits, resume: null, end: true };
    from = boundary;
    if (Date.now() >= request.deadline) return { hits, resume: from, end: false };
  }
}

function position(row: Raw): ReviewPosition {
  return { id: row.id, createdAt: dateFromRaw(row.createdAt)! };
}
