// Ways for a test to stop another process's writes at a chosen point, so it can kill that process
// there (not used by the app).
import Database from "better-sqlite3";
import { db, Prisma } from "../db/client";
import { contentHash } from "../prompts/content-hash";

export type Held = { release(): Promise<void> };

const ROLLBACK = new Error("rolled back on purpose");

/**
 * PostgreSQL: a prompt with this text inserted into the set and not committed, until released
 * (then rolled back). Another transaction inserting the same prompt waits for it there: ON
 * CONFLICT has to know whether this one commits.
 */
export async function holdPrompt(promptSetId: string, text: string): Promise<Held> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let inserted!: () => void;
  const holding = new Promise<void>((resolve) => (inserted = resolve));
  const done = db()
    .$transaction(
      async (tx) => {
        await tx.prompt.create({ data: { promptSetId, text, contentHash: contentHash(text) } });
        inserted();
        await released;
        throw ROLLBACK;
      },
      { maxWait: 10_000, timeout: 120_000 },
    )
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  await Promise.race([holding, done]);
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

/** PostgreSQL: this database's inserts into Prompt waiting for a lock, and how long their transaction has run. */
export async function waitingPromptInserts(): Promise<Array<{ pid: number; transactionMs: number }>> {
  const rows = await db().$queryRaw<Array<{ pid: number; ms: number }>>(Prisma.sql`
    SELECT pid, (EXTRACT(EPOCH FROM (clock_timestamp() - xact_start)) * 1000)::float8 AS ms
    FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "Prompt"%'`);
  return rows.map((r) => ({ pid: Number(r.pid), transactionMs: Number(r.ms) }));
}

/**
 * SQLite, where one writer holds the whole file and a test cannot hold a row: a trigger makes
 * inserting two prompts slow in whichever process does it, by counting a cross join on the CPU:
 * `pause` for over half a second here (measured, so past a publishing transaction's 150 ms
 * budget on any machine: the batch that holds it commits right after), `stall` for many minutes.
 * Dropped on release.
 */
export function slowPromptsSqlite(path: string, texts: { pause: string; stall: string }): Held {
  const connection = new Database(path, { timeout: 10_000 });
  const fill = (table: string, rows: number) =>
    connection.exec(`
      DROP TABLE IF EXISTS "${table}";
      CREATE TABLE "${table}" ("n" INTEGER NOT NULL);
      WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${rows})
        INSERT INTO "${table}" SELECT n FROM c;`);
  const spin = (table: string) => `SELECT count(*) FROM "${table}" a, "${table}" b, "${table}" c`;
  for (let rows = 100; ; rows = Math.ceil(rows * 1.3)) {
    fill("test_pause", rows);
    const started = performance.now();
    connection.prepare(spin("test_pause")).get();
    if (performance.now() - started > 600) break;
  }
  fill("test_stall", 3_000);
  const [pause, stall] = [contentHash(texts.pause), contentHash(texts.stall)];
  connection.exec(`
    CREATE TRIGGER "test_slow_prompts" BEFORE INSERT ON "Prompt"
    WHEN NEW."contentHash" IN ('${pause}', '${stall}')
    BEGIN
      ${spin("test_pause")} WHERE NEW."contentHash" = '${pause}';
      ${spin("test_stall")} WHERE NEW."contentHash" = '${stall}';
    END;`);
  connection.close();
  return {
    release: async () => {
      const again = new Database(path, { timeout: 10_000 });
      again.exec(`
        DROP TRIGGER IF EXISTS "test_slow_prompts";
        DROP TABLE IF EXISTS "test_pause";
        DROP TABLE IF EXISTS "test_stall";`);
      again.close();
    },
  };
}
