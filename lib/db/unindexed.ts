import "server-only";
import { dbKind, Prisma } from "./client";

/**
 * A column SQLite's planner must not pick an index for. SQLite keeps no statistics, so for
 * `"id" IN (...) AND "status" = 'running'` it may walk every running item of every job through
 * (status, availableAt) instead of looking the ids up; unary + (a no-op on values) takes that
 * index out of the choice. PostgreSQL plans by statistics and gets the plain column.
 */
export function unindexed(column: string): Prisma.Sql {
  return Prisma.raw(dbKind() === "sqlite" ? `+"${column}"` : `"${column}"`);
}
