import "server-only";
import { Prisma } from "../../db";
import type { DashboardFilter } from "./schemas";

const sql = Prisma.sql;

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/** True when the filter narrows the traces: queries that could read an index alone must join Trace. */
export const narrows = (filter: DashboardFilter) => Boolean(filter.jobId || filter.from || filter.to);

/** The filter as conditions on the Trace row aliased `alias` ("TRUE" when it holds nothing). */
export function traceScope(filter: DashboardFilter, alias: string): Prisma.Sql {
  const c = (column: string) => Prisma.raw(`${alias}."${column}"`);
  const parts: Prisma.Sql[] = [];
  if (filter.jobId) parts.push(sql`${c("jobId")} = ${filter.jobId}`);
  if (filter.from) parts.push(sql`${c("createdAt")} >= ${dayStart(filter.from)}`);
  if (filter.to) parts.push(sql`${c("createdAt")} < ${dayStart(filter.to)}`);
  return parts.length ? Prisma.join(parts, " AND ") : sql`1 = 1`;
}

/** COUNT and SUM come back as bigint, numeric text or number depending on the database. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
