import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { SerialisedSqliteAdapterFactory } from "./sqlite-adapter";
import { prepareSqliteFile, type DatabaseTarget } from "./url";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter: migrations
 * apply offline, with no native engine to download (the CLI's `migrate` needs one).
 */
type EngineRuntime = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// On globalThis, not in this module: the bindings module is one per process, and a second copy of
// this module (vitest loads one per project) instantiating its own WebAssembly into it would
// break the first's.
const holder = globalThis as unknown as { __tracebankSchemaEngine?: Promise<EngineRuntime> };

function loadRuntime(): Promise<EngineRuntime> {
  holder.__tracebankSchemaEngine ??= (async () => {
    const bindings =
      (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineRuntime;
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return holder.__tracebankSchemaEngine;
}

/** Remembers the connections the engine opens, so closing the engine closes them too. */
class TrackedFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider;
  readonly adapterName;
  readonly opened: SqlDriverAdapter[] = [];

  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect() {
    const adapter = await this.inner.connect();
    this.opened.push(adapter);
    return adapter;
  }

  async connectToShadowDb() {
    const adapter = await this.inner.connectToShadowDb();
    this.opened.push(adapter);
    return this.provider === "sqlite" ? acceptingScripts(adapter) : adapter;
  }
}

// The engine replays whole migration files through executeRaw when it builds a shadow
// database; better-sqlite3 prepares one statement at a time, so run those as scripts.
function acceptingScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeRaw: async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
      try {
        return await adapter.executeRaw(query);
      } catch (error) {
        if (query.args.length > 0 || !String(error).includes("more than one statement")) throw error;
        await adapter.executeScript(query.sql);
        return 0;
      }
    },
  });
}

export type OpenEngine = { engine: SchemaEngine; close(): Promise<void> };

export async function openSchemaEngine(
  target: DatabaseTarget,
  schema?: { path: string; content: string },
): Promise<OpenEngine> {
  const { SchemaEngine } = await loadRuntime();
  prepareSqliteFile(target);
  const factory = new TrackedFactory(
    target.kind === "sqlite"
      ? new SerialisedSqliteAdapterFactory(target.path)
      : new PrismaPg({ connectionString: target.url, max: 2 }),
  );
  const datamodels: [string, string][] | undefined = schema ? [[schema.path, schema.content]] : undefined;
  const engine = await SchemaEngine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.allSettled(factory.opened.map((a) => a.dispose()));
    },
  };
}
