import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { secureDataDirectory } from "./file-modes";

/**
 * A 32-byte secret from the environment, or generated once into the data directory (the
 * directory 0700, the file 0600), so the embedded default needs no set-up and keeps working
 * across restarts.
 */
export function localSecret(name: "auth-secret" | "provider-key", fromEnv: string | undefined): Buffer {
  if (fromEnv) return decode(fromEnv, name);
  const dir = secureDataDirectory();
  const file = join(dir, `${name}.key`);
  if (!existsSync(file)) {
    // "wx" fails if another process wrote it first; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return decode(readFileSync(file, "utf8").trim(), file);
}

function decode(value: string, where: string): Buffer {
  const bytes = Buffer.from(value, "base64");
  if (bytes.length < 32) throw new Error(`${where}: the secret must be at least 32 bytes, base64-encoded`);
  return bytes;
}
