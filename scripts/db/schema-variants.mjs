// The PostgreSQL schema is the SQLite source with two lines changed; both scripts and tests use this.
export const SNAPSHOT_PATH = "prisma/migrations/schema.snapshot.prisma";

/** @param {"sqlite" | "postgres"} kind @param {string} source */
export function schemaFor(kind, source) {
  if (kind === "sqlite") return source;
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      'output       = "../lib/db/generated/sqlite"',
      'output       = "../../lib/db/generated/postgres"',
    );
  if (!derived.includes('provider = "postgresql"') || !derived.includes("generated/postgres")) {
    throw new Error(
      "prisma/schema.prisma: cannot derive the PostgreSQL schema (datasource provider or generator output line changed)",
    );
  }
  return derived;
}
