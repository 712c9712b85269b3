import "server-only";
import { dbKind } from "../db";
import type { Attempt } from "../runner";
import type { ImportRow } from "./import-validate";
import {
  batchLimits,
  insertStatement,
  runInsert,
  type InsertStatement,
  type InsertTarget,
} from "./insert-prompts";
import { preparedLines, preparedPath } from "./prepared-file";
import type { ImportJobConfig } from "./schemas";

/** Where publishing stands: prepared rows sent, and what the database made of them. */
export type Checkpoint = { publishedRows: number; inserted: number; duplicates: number };

export type PublishRow = ImportRow & Checkpoint & { validRows: number; createdAt: Date };

// How long one transaction may write. SQLite has one connection: every other request waits for
// the transaction in progress, so it stays short. PostgreSQL's readers never wait for it.
const TX_BUDGET_MS = () => (dbKind() === "postgres" ? 1_000 : 150);

/**
 * The second pass, once the file is accepted: it cannot fail on data any more. The prepared rows
 * are inserted in transactions bounded in time, each committing its rows together with the
 * checkpoint (rows published, new, duplicate) under the item's lease, so a stale attempt writes
 * nothing and a crash resumes after the last committed transaction (the first `publishedRows`
 * prepared rows are skipped). A row already in the set is skipped by the database and counted.
 * One statement is in flight while the next is read.
 */
export async function publishImport(attempt: Attempt<ImportJobConfig>, row: PublishRow): Promise<Checkpoint> {
  const from: Checkpoint = {
    publishedRows: row.publishedRows,
    inserted: row.inserted,
    duplicates: row.duplicates,
  };
  if (from.publishedRows >= row.validRows) return from;
  // Every prompt of an import carries the import's creation time (one statement shares it).
  const target = { promptSetId: row.promptSetId, source: row.fileName, createdAt: row.createdAt };
  const source = statements(attempt, preparedPath(row.spoolPath), from.publishedRows, target);
  try {
    const at = await publishFrom(attempt, row.id, source, from);
    if (at.publishedRows !== row.validRows)
      throw new Error(`import ${row.id}: ${at.publishedRows} rows published of ${row.validRows} prepared`);
    return at;
  } finally {
    await source.return(undefined); // closes the file when an attempt stops half-way
  }
}

async function publishFrom(
  attempt: Attempt<ImportJobConfig>,
  importId: string,
  source: AsyncGenerator<InsertStatement>,
  from: Checkpoint,
): Promise<Checkpoint> {
  const budget = TX_BUDGET_MS();
  let at = from;
  let next = await source.next();
  while (!next.done) {
    at = await attempt.fenced(async (tx) => {
      const started = performance.now();
      let [rows, inserted] = [0, 0];
      while (!next.done && (rows === 0 || performance.now() - started < budget)) {
        const sending = runInsert(tx, next.value);
        sending.catch(() => {}); // awaited below; a read error must not leave it unobserved
        rows += next.value.rows;
        try {
          next = await source.next();
        } finally {
          inserted += await sending;
        }
      }
      const after = {
        publishedRows: at.publishedRows + rows,
        inserted: at.inserted + inserted,
        duplicates: at.duplicates + rows - inserted,
      };
      const moved = await tx.promptImport.updateMany({
        where: { id: importId, status: "publishing", publishedRows: at.publishedRows },
        data: after,
      });
      if (moved.count !== 1) throw new Error(`import ${importId}'s checkpoint moved under this attempt`);
      return after;
    });
  }
  return at;
}

/** The prepared rows after the checkpoint, as INSERT statements. */
async function* statements(
  attempt: Attempt<ImportJobConfig>,
  path: string,
  skip: number,
  target: InsertTarget,
): AsyncGenerator<InsertStatement> {
  const limits = batchLimits();
  let pending: string[] = [];
  let chars = 0;
  for await (const lines of preparedLines(path, skip)) {
    for (const line of lines) {
      pending.push(line);
      chars += line.length;
      if (chars >= limits.chars || pending.length >= limits.rows) {
        yield insertStatement(pending, target);
        [pending, chars] = [[], 0];
      }
    }
    if (attempt.signal.aborted) throw attempt.signal.reason;
  }
  if (pending.length) yield insertStatement(pending, target);
}
