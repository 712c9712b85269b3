import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type DatabaseTarget =
  { kind: "sqlite"; url: string; path: string } | { kind: "postgres"; url: string };

/** `file:` selects SQLite (path relative to the working directory), `postgres(ql)://` PostgreSQL. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0] ?? "";
    if (!raw) throw new Error("DATABASE_URL: file: needs a path, e.g. file:./data/tracebank.db");
    const path = raw === ":memory:" ? raw : resolve(/* turbopackIgnore: true */ raw);
    return { kind: "sqlite", url, path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new Error(`DATABASE_URL: unsupported scheme in "${url.split(":")[0]}:" (use file: or postgres://)`);
}

export function ensureSqliteDirectory(target: DatabaseTarget): void {
  if (target.kind === "sqlite" && target.path !== ":memory:")
    mkdirSync(dirname(target.path), { recursive: true });
}
