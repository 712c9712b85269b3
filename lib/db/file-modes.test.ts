import { chmodSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../testing/test-db";
import { createDb } from "./client";

const mode = (path: string) => statSync(path).mode & 0o777;

// Runs on both test databases: it opens SQLite files of its own.
describe("the SQLite files", () => {
  it("are created 0600 (the database, its -wal and -shm) in a directory created 0700", async () => {
    const dir = join(mkdtempSync(join(scratchDir, "modes-")), "new-dir");
    const file = join(dir, "tracebank.db");
    const { db } = createDb(`file:${file}`);
    try {
      await db.$executeRawUnsafe("CREATE TABLE t (x INTEGER)");
      await db.$executeRawUnsafe("INSERT INTO t VALUES (1)");
      expect(mode(dir)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    } finally {
      await db.$disconnect();
    }
  });

  it("of an older install are narrowed when the database is opened", async () => {
    const dir = mkdtempSync(join(scratchDir, "modes-"));
    const file = join(dir, "old.db");
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(path, "");
      chmodSync(path, 0o644);
    }
    const { db } = createDb(`file:${file}`);
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    } finally {
      await db.$disconnect();
    }
  });
});
