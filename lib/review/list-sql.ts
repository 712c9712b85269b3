import "server-only";
import { dbKind, Prisma } from "../db";
import type { ReviewPosition } from "./cursor";
import { verdictOutcomes, type TraceSelection } from "./schemas";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** Older: after a position in the review order (createdAt desc, id desc); newer: before it. */
export type Direction = "older" | "newer";

/**
 * A selection (all but `q`) as SQL, split the way a page is read: `order` is what the index the
 * walk follows can answer (status, job, flagged, the date range), `filters` what each row it
 * meets is checked against. The same translation of the selection as filterWhere (lib/review/
 * order.ts) gives Prisma; lib/review/list.test.ts holds the two to the same rows.
 */
export type SelectionSql = {
  /** SQLite: the index the walk must follow (no statistics: left to itself it may sort instead). */
  index: string;
  order: (alias: string) => Sql[];
  filters: (alias: string) => Sql[];
};

export function selectionSql(selection: Omit<TraceSelection, "q">): SelectionSql {
  const { status, jobId } = selection;
  const flaggedIndex = selection.flagged === true;
  const byStatus = status !== "all";
  const index = flaggedIndex
    ? "Trace_flagged_createdAt_id_idx"
    : byStatus && jobId
      ? "Trace_jobId_reviewStatus_createdAt_id_idx"
      : byStatus
        ? "Trace_reviewStatus_createdAt_id_idx"
        : "Trace_createdAt_id_idx";
  const order = (a: string) => {
    const c = col(a);
    const out: Sql[] = [];
    if (flaggedIndex) out.push(sql`${c("flaggedAt")} IS NOT NULL`);
    else if (byStatus) {
      out.push(sql`${c("reviewStatus")} = ${status}`);
      if (jobId) out.push(sql`${c("jobId")} = ${jobId}`);
    }
    if (selection.from) out.push(sql`${c("createdAt")} >= ${selection.from}`);
    if (selection.to) out.push(sql`${c("createdAt")} < ${selection.to}`);
    return out;
  };
  const filters = (a: string) => {
    const c = col(a);
    const out: Sql[] = [];
    if (flaggedIndex && byStatus) out.push(sql`${c("reviewStatus")} = ${status}`);
    if (jobId && (flaggedIndex || !byStatus)) out.push(sql`${c("jobId")} = ${jobId}`);
    if (selection.systemMessageVersionId)
      out.push(sql`${c("systemMessageVersionId")} = ${selection.systemMessageVersionId}`);
    if (selection.systemMessageId)
      out.push(
        sql`${c("systemMessageVersionId")} IN (SELECT "id" FROM "SystemMessageVersion" WHERE "messageId" = ${selection.systemMessageId})`,
      );
    // The trace's own decisions (by the unique key), then their reason: SQLite, without
    // statistics, would rather scan every decision with that reason for each trace.
    if (selection.reasonId)
      out.push(
        sql`EXISTS (SELECT 1 FROM "ReviewDecision" rd WHERE rd."traceId" = ${c("id")} AND ${unindexedCol("rd", "reasonId")} = ${selection.reasonId})`,
      );
    if (selection.reviewerId)
      out.push(
        sql`EXISTS (SELECT 1 FROM "ReviewDecision" rv WHERE rv."traceId" = ${c("id")} AND rv."reviewerId" = ${selection.reviewerId})`,
      );
    // The row's prompt by its key: a category's prompt ids read whole cost a scan of Prompt.
    if (selection.category)
      out.push(
        sql`EXISTS (SELECT 1 FROM "Prompt" pc WHERE pc."id" = ${c("promptId")} AND pc."category" = ${selection.category})`,
      );
    if (selection.minTokens !== undefined) out.push(sql`${c("outputTokens")} >= ${selection.minTokens}`);
    if (selection.maxTokens !== undefined) out.push(sql`${c("outputTokens")} <= ${selection.maxTokens}`);
    if (selection.flagged === false) out.push(sql`${c("flaggedAt")} IS NULL`);
    // The trace's verdict of that check, by the (traceId, check) unique key.
    if (selection.check)
      out.push(
        sql`EXISTS (SELECT 1 FROM "QualityVerdict" qv WHERE qv."traceId" = ${c("id")} AND qv."check" = ${selection.check} AND ${unindexedCol("qv", "outcome")} IN (${Prisma.join(verdictOutcomes(selection))}))`,
      );
    return out;
  };
  return { index, order, filters };
}

/** `a."column"` */
export const col = (alias: string) => (column: string) => Prisma.raw(`${alias}."${column}"`);

/** Rows strictly past `position` in the direction's order (a row comparison: an index range). */
export function beyond(alias: string, position: ReviewPosition | null, direction: Direction): Sql[] {
  if (!position) return [];
  const c = col(alias);
  return direction === "older"
    ? [sql`(${c("createdAt")}, ${c("id")}) < (${position.createdAt}, ${position.id})`]
    : [sql`(${c("createdAt")}, ${c("id")}) > (${position.createdAt}, ${position.id})`];
}

/** `beyond` the start, and not past `until` (inclusive), when given: a range of the order. */
export function between(
  alias: string,
  from: ReviewPosition | null,
  until: ReviewPosition | undefined,
  direction: Direction,
): Sql[] {
  const out = beyond(alias, from, direction);
  if (!until) return out;
  const c = col(alias);
  out.push(
    direction === "older"
      ? sql`(${c("createdAt")}, ${c("id")}) >= (${until.createdAt}, ${until.id})`
      : sql`(${c("createdAt")}, ${c("id")}) <= (${until.createdAt}, ${until.id})`,
  );
  return out;
}

export function orderBy(alias: string, direction: Direction): Sql {
  const c = col(alias);
  return direction === "older"
    ? sql`ORDER BY ${c("createdAt")} DESC, ${c("id")} DESC`
    : sql`ORDER BY ${c("createdAt")} ASC, ${c("id")} ASC`;
}

export function where(conditions: Sql[]): Sql {
  return conditions.length === 0 ? Prisma.empty : sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

export function and(conditions: Sql[]): Sql {
  return conditions.length === 0 ? sql`1 = 1` : Prisma.join(conditions, " AND ");
}

/** `a."column"` that SQLite's planner may not pick an index for (as lib/db's unindexed). */
export function unindexedCol(alias: string, column: string): Sql {
  return Prisma.raw(`${dbKind() === "sqlite" ? "+" : ""}${alias}."${column}"`);
}

/** SQLite: `INDEXED BY`; PostgreSQL plans by its statistics. */
export function indexedBy(index: string): Sql {
  return dbKind() === "sqlite" ? Prisma.raw(`INDEXED BY "${index}"`) : Prisma.empty;
}

/** How to join a walked row back to its trace: SQLite by rowid (one b-tree), PostgreSQL by id. */
export function rowKey(alias: string): Sql {
  return Prisma.raw(dbKind() === "sqlite" ? `${alias}."rowid"` : `${alias}."id"`);
}
