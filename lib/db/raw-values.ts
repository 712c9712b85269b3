import "server-only";
import { dbKind, Prisma } from "./client";

// Raw queries see each database's own representation of JSON and DateTime columns.

/** A JSON column as read by a raw query: SQLite hands back text, PostgreSQL the parsed value. */
export function jsonFromRaw(value: unknown): unknown {
  if (dbKind() === "postgres" || typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A DateTime column as read by a raw query: SQLite's text (or epoch ms), PostgreSQL's Date. */
export function dateFromRaw(value: Date | string | number | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  const parsed = new Date(typeof value === "number" || /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A value for a JSON column in a raw statement (null: SQL NULL). */
export function jsonParam(value: unknown): Prisma.Sql {
  if (value === undefined || value === null) return Prisma.sql`NULL`;
  const text = JSON.stringify(value);
  return dbKind() === "postgres" ? Prisma.sql`CAST(${text} AS JSONB)` : Prisma.sql`${text}`;
}
