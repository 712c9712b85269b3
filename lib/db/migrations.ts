import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { DbKind } from "./client";
import { openSchemaEngine } from "./schema-engine";
import { parseDatabaseUrl } from "./url";

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Committed migrations live in prisma/migrations/<sqlite|postgres>/<timestamp>_<name>/migration.sql. */
export function migrationsDir(kind: DbKind, root = process.cwd()): string {
  return resolve(root, "prisma", "migrations", kind);
}

export function readMigrations(kind: DbKind, root?: string): MigrationList {
  const baseDir = migrationsDir(kind, root);
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** What `prisma migrate deploy` does, offline. Returns the names of the migrations it applied. */
export async function applyMigrations(databaseUrl: string, root?: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const { engine, close } = await openSchemaEngine(target);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(target.kind, root),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
