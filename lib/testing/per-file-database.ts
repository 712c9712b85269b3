import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../db/client";
import { resetEnvForTests } from "../env";
import { cloneDatabase, scratchDir, testDbKind } from "./test-db";

// Each test file runs against its own fresh, migrated database and data directory.
const database = await cloneDatabase(testDbKind(), inject("databaseTemplate"));
const dataDir = mkdtempSync(join(scratchDir, "data-"));
process.env.DATABASE_URL = database.url;
process.env.TRACEBANK_DATA_DIR = dataDir;
resetEnvForTests();

afterAll(async () => {
  await disconnectDb();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});
