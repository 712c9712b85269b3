// Generates one Prisma client per database from the single schema source, prisma/schema.prisma.
// Runs at postinstall. Prisma's CLI wants a native schema engine even for `generate`, which it
// never runs there; pointing it at an existing file keeps the step offline.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { schemaFor } from "./schema-variants.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const source = join(root, "prisma/schema.prisma");
const postgresSchema = join(root, "prisma/generated/schema.postgres.prisma");
mkdirSync(dirname(postgresSchema), { recursive: true });
writeFileSync(postgresSchema, schemaFor("postgres", readFileSync(source, "utf8")));

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const prisma = join(root, "node_modules/prisma/build/index.js");
for (const schema of [source, postgresSchema]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", schema], {
    stdio: "ignore",
    env,
    cwd: root,
  });
}
console.log("Prisma clients generated: lib/db/generated/{sqlite,postgres}");
