import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "../env";
import { secureDataDirectory } from "./file-modes";
import { localSecret } from "./local-secret";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("the data directory", () => {
  it("is created 0700, with its keys 0600", () => {
    const base = env().TRACEBANK_DATA_DIR;
    const dir = join(base, "fresh", "data");
    process.env.TRACEBANK_DATA_DIR = dir;
    resetEnvForTests();
    try {
      localSecret("auth-secret", undefined);
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, "auth-secret.key"))).toBe(0o600);
    } finally {
      process.env.TRACEBANK_DATA_DIR = base;
      resetEnvForTests();
    }
  });

  it("narrows an older install's looser modes, leaving other files alone", () => {
    const dir = env().TRACEBANK_DATA_DIR;
    localSecret("provider-key", undefined);
    mkdirSync(join(dir, "uploads"), { recursive: true });
    writeFileSync(join(dir, "notes.txt"), "not ours");
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "provider-key.key"), 0o644);
    chmodSync(join(dir, "uploads"), 0o775);
    chmodSync(join(dir, "notes.txt"), 0o644);
    secureDataDirectory();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, "provider-key.key"))).toBe(0o600);
    expect(mode(join(dir, "uploads"))).toBe(0o700);
    expect(mode(join(dir, "notes.txt"))).toBe(0o644);
  });
});
