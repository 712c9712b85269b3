// Authors the next migration for both databases from prisma/schema.prisma:
//   npm run db:migration -- add_job_priority
// It diffs the schema as of the last migration (prisma/migrations/schema.snapshot.prisma) against
// the current one, once per provider, and writes one folder per provider. Diffing two schemas needs
// no database, which keeps this offline and sidesteps describing a live PostgreSQL through the
// WebAssembly engine (it cannot read PostgreSQL's "char" catalog columns).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsDir, NO_FILTERS } from "../../lib/db/migrations";
import { openSchemaEngine } from "../../lib/db/schema-engine";
import { parseDatabaseUrl } from "../../lib/db/url";
import { schemaFor, SNAPSHOT_PATH } from "./schema-variants.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const current = readFileSync("prisma/schema.prisma", "utf8");
const previous = existsSync(SNAPSHOT_PATH) ? readFileSync(SNAPSHOT_PATH, "utf8") : undefined;

let wrote = 0;
for (const kind of ["sqlite", "postgres"] as const) {
  const to = { path: `schema.${kind}.prisma`, content: schemaFor(kind, current) };
  const { engine, close } = await openSchemaEngine(parseDatabaseUrl("file::memory:"), to);
  try {
    const { stdout } = await engine.diff({
      from: previous
        ? { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: schemaFor(kind, previous) }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [to] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (stdout ?? "").trim();
    if (!sql || sql === "-- This is an empty migration.") {
      console.log(`${kind}: nothing changed since the last migration`);
      continue;
    }
    const dir = join(migrationsDir(kind), `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql + "\n");
    writeFileSync(
      join(migrationsDir(kind), "migration_lock.toml"),
      `provider = "${kind === "sqlite" ? "sqlite" : "postgresql"}"\n`,
    );
    console.log(`${kind}: wrote ${dir}/migration.sql`);
    wrote++;
  } finally {
    await close();
  }
}
if (wrote) writeFileSync(SNAPSHOT_PATH, current);
// Keep the generated clients in step with the schema the migration was made from.
execFileSync(process.execPath, ["scripts/db/generate.mjs"], { stdio: "inherit" });
