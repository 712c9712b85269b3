import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Runs `run` on a fresh, migrated SQLite file in `dir`, then on a fresh PostgreSQL database;
 * each is deleted afterwards. `filePrefix` names the SQLite file.
 */
export async function onFreshDatabases<T>(
  dir: string,
  filePrefix: string,
  run: (url: string) => Promise<T>,
): Promise<{ sqlite: T; postgres: T }> {
  const { applyMigrations } = await import("../lib/db/migrations");
  const { postgresAdmin, postgresUrl } = await import("../lib/testing/test-db");

  const sqliteFile = resolve(dir, `${filePrefix}-${randomBytes(4).toString("hex")}.db`);
  let sqlite: T;
  try {
    await applyMigrations(`file:${sqliteFile}`);
    sqlite = await run(`file:${sqliteFile}`);
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteFile + suffix, { force: true });
  }

  const pgName = `tracebank_bench_${randomBytes(4).toString("hex")}`;
  await postgresAdmin(`CREATE DATABASE "${pgName}"`);
  try {
    await applyMigrations(postgresUrl(pgName));
    return { sqlite, postgres: await run(postgresUrl(pgName)) };
  } finally {
    await postgresAdmin(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
  }
}
