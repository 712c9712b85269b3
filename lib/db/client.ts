import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { env } from "../env";
import { holdingParams } from "./held-params";
import { SerialisedSqliteAdapterFactory } from "./sqlite-adapter";
import { prepareSqliteFile, parseDatabaseUrl, type DatabaseTarget } from "./url";

/**
 * Both generated clients come from one schema and expose the same API; the SQLite one's types
 * stand for both, which also keeps PostgreSQL-only query features out of domain code.
 */
export type Db = SqliteClient;
/** SQL fragments for raw queries (Prisma.sql, Prisma.empty): the same runtime helpers for both clients. */
export { Prisma } from "./generated/sqlite/client";
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbKind = DatabaseTarget["kind"];

export function createDb(url: string): { db: Db; kind: DbKind } {
  const target = parseDatabaseUrl(url);
  if (target.kind === "sqlite") {
    prepareSqliteFile(target);
    return {
      db: new SqliteClient({ adapter: holdingParams(new SerialisedSqliteAdapterFactory(target.path)) }),
      kind: "sqlite",
    };
  }
  const adapter = holdingParams(new PrismaPg({ connectionString: target.url, max: 20 }));
  return { db: new PostgresClient({ adapter }) as unknown as Db, kind: "postgres" };
}

// One client per process (and per hot reload in dev, kept on globalThis).
const holder = globalThis as unknown as { __tracebankDb?: { db: Db; kind: DbKind; url: string } };

export function db(): Db {
  return current().db;
}

export function dbKind(): DbKind {
  return current().kind;
}

function current() {
  const url = env().DATABASE_URL;
  if (!holder.__tracebankDb || holder.__tracebankDb.url !== url) {
    holder.__tracebankDb = { ...createDb(url), url };
  }
  return holder.__tracebankDb;
}

export async function disconnectDb(): Promise<void> {
  const held = holder.__tracebankDb;
  holder.__tracebankDb = undefined;
  await held?.db.$disconnect();
}
