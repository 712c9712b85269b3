import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * better-sqlite3 gives Prisma one connection. Prisma's adapter locks it for transactions but lets
 * other queries through, so a query issued elsewhere while a transaction is open would silently
 * join (and roll back with) that transaction. This wrapper makes every query wait its turn.
 */
class Turnstile {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA busy_timeout = 10000",
  "PRAGMA foreign_keys = ON",
].join(";\n");

function serialised(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const turnstile = new Turnstile();
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => turnstile.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => turnstile.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => turnstile.run(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await turnstile.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const once = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return Object.assign(Object.create(tx) as Transaction, {
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        once();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        once();
      }
    },
  });
}

export class SerialisedSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSqlite3;

  constructor(path: string) {
    this.inner = new PrismaBetterSqlite3({ url: path });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    await adapter.executeScript(PRAGMAS);
    return serialised(adapter);
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.inner.connectToShadowDb();
  }
}
