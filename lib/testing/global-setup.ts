import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../db/migrations";
import { postgresAdmin, postgresUrl, scratchDir, testDbKind, uniqueName } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

// Each project of vitest.config.ts runs this in the one main process; Prisma's WebAssembly
// schema engine cannot migrate two databases at once there, so the projects take turns.
const holder = globalThis as unknown as { __tracebankTemplates?: Promise<unknown> };

/** Migrates one template database per run; each test file gets a clone (per-file-database.ts). */
export default function setup(project: TestProject) {
  const turn = (holder.__tracebankTemplates ?? Promise.resolve()).then(() => migrateTemplate(project));
  holder.__tracebankTemplates = turn.catch(() => {});
  return turn;
}

async function migrateTemplate(project: TestProject) {
  const kind = testDbKind();
  mkdirSync(scratchDir, { recursive: true });
  if (kind === "sqlite") {
    const file = join(scratchDir, `${uniqueName("template")}.sqlite`);
    await applyMigrations(`file:${file}`);
    project.provide("databaseTemplate", file);
    return () => rmSync(file, { force: true });
  }
  const name = uniqueName("tracebank_template");
  await postgresAdmin(`CREATE DATABASE "${name}"`);
  await applyMigrations(postgresUrl(name));
  project.provide("databaseTemplate", name);
  return () => postgresAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
