import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";

/** Where tests find PostgreSQL: the machine's trust-auth server unless told otherwise. */
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDbKind = "sqlite" | "postgres";

export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB ?? "sqlite";
  if (kind !== "sqlite" && kind !== "postgres")
    throw new Error(`TEST_DB must be sqlite or postgres, not ${kind}`);
  return kind;
}

export const scratchDir = resolve(".tmp", "test");

export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements that cannot run inside a transaction (CREATE/DROP DATABASE). */
export async function postgresAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** A fresh database cloned from a migrated template; returns its URL and a disposer. */
export async function cloneDatabase(
  kind: TestDbKind,
  template: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    mkdirSync(scratchDir, { recursive: true });
    const file = join(scratchDir, `${uniqueName("db")}.sqlite`);
    copyFileSync(template, file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = uniqueName("tracebank_test");
  await postgresAdmin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: postgresUrl(name),
    drop: () => postgresAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
