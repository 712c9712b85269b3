import { randomBytes } from "node:crypto";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Large statement parameters (a batch of rows as one JSON text, tens of KB) handed to the driver
 * adapter beside Prisma instead of through it. A string that stays reachable across two young-
 * generation collections is moved to V8's old generation, where it then lies as garbage until a
 * full collection: every batch of an import did, which added over 100 MB to its peak RSS. Through
 * Prisma a batch stays reachable for dozens of later statements: Prisma copies every raw
 * parameter twice (JSON.stringify, then JSON.parse), and its debug log keeps the arguments of its
 * last hundred calls even with logging off (the query plan, the serialised parameters and, since
 * the adapters log every query, the adapter's query).
 *
 * Held, the statement carries a short key through Prisma; the adapter swaps the text in and lets
 * go of it once the query has run: it empties its own query object (the debug log keeps that),
 * and hands node-postgres the text through an object that drops it (pg's toPostgres), not the
 * string itself, since a finished pg query keeps its values reachable a while longer (a loop of
 * plain pg queries had every such string promoted; emptying the values afterwards, none).
 */

// NUL cannot be in PostgreSQL text, and a key is no JSON: a key that somehow reached the database
// unswapped would fail its statement, never be stored.
// One table per process: a production build may hold this module in several chunks (the adapter
// wrapper in one, the insert helper in another), and a key made by one copy must be found by all.
type Shared = { prefix: string; held: Map<string, string>; counter: number };
const shared = ((globalThis as { __tracebankHeldParams?: Shared }).__tracebankHeldParams ??= {
  prefix: `\u0000held-param:${randomBytes(12).toString("hex")}:`,
  held: new Map<string, string>(),
  counter: 0,
});
const PREFIX = shared.prefix;
const held = shared.held;

/** Runs `run` with a key that stands for `text` as a parameter of the statement it sends. */
export async function withHeldParam<T>(text: string, run: (key: string) => Promise<T>): Promise<T> {
  const key = `${PREFIX}${shared.counter++}`;
  held.set(key, text);
  try {
    return await run(key);
  } finally {
    held.delete(key);
  }
}

/** A text parameter node-postgres reads while it writes the statement (prepareValue calls toPostgres). */
class PgText {
  constructor(private text: string | null) {}
  toPostgres(): string {
    if (this.text === null) throw new Error("A held statement parameter was read after its query ran.");
    return this.text;
  }
  release(): void {
    this.text = null;
  }
}

type Provider = SqlDriverAdapter["provider"];

function sending<R>(
  provider: Provider,
  send: (query: SqlQuery) => Promise<R>,
): (query: SqlQuery) => Promise<R> {
  return async (query) => {
    if (held.size === 0 || !query.args.some(isKey)) return send(query);
    const texts: PgText[] = [];
    const args = query.args.map((arg) => {
      if (!isKey(arg)) return arg;
      const text = held.get(arg);
      if (text === undefined)
        throw new Error("A held statement parameter was released before its query ran.");
      if (provider !== "postgres") return text;
      const param = new PgText(text);
      texts.push(param);
      return param;
    });
    try {
      return await send({ ...query, args });
    } finally {
      args.length = 0;
      for (const text of texts) text.release();
    }
  };
}

const isKey = (arg: unknown): arg is string => typeof arg === "string" && arg.startsWith(PREFIX);

function holdingTransaction(provider: Provider, tx: Transaction): Transaction {
  // Every method runs on the adapter's own object (better-sqlite3's use private fields).
  const bound = <K extends keyof Transaction>(name: K) => {
    const method = tx[name] as ((...args: unknown[]) => unknown) | undefined;
    return method && { [name]: method.bind(tx) };
  };
  return Object.assign(
    Object.create(tx) as Transaction,
    bound("commit"),
    bound("rollback"),
    bound("createSavepoint"),
    bound("rollbackToSavepoint"),
    bound("releaseSavepoint"),
    {
      queryRaw: sending(provider, (q) => tx.queryRaw(q)),
      executeRaw: sending(provider, (q) => tx.executeRaw(q)),
    },
  );
}

function holdingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const { provider } = adapter;
  const wrapped: SqlDriverAdapter = {
    provider,
    adapterName: adapter.adapterName,
    queryRaw: sending(provider, (q) => adapter.queryRaw(q)),
    executeRaw: sending(provider, (q) => adapter.executeRaw(q)),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) =>
      holdingTransaction(provider, await adapter.startTransaction(isolationLevel)),
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

/** The factory's adapters, and their transactions, take held parameters (see withHeldParam). */
export function holdingParams(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => holdingAdapter(await factory.connect()),
    connectToShadowDb: async () => holdingAdapter(await factory.connectToShadowDb()),
  };
}
