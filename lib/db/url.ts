import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { restrictMode } from "../security";

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

/**
 * Before SQLite opens the file (the migration does first, then the client): the directory it
 * creates is 0700 and the database file 0600, created empty here so SQLite never makes it with
 * its default 0644; SQLite gives the -wal and -shm files the database file's mode. Files from an
 * older install that are looser are narrowed.
 */
export function prepareSqliteFile(target: DatabaseTarget): void {
  if (target.kind !== "sqlite" || target.path === ":memory:") return;
  mkdirSync(dirname(target.path), { recursive: true, mode: 0o700 });
  closeSync(openSync(target.path, "a", 0o600));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) restrictMode(target.path + suffix, 0o600);
}
