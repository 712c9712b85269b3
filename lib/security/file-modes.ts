import { chmodSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { env } from "../env";

/**
 * Takes away what `mode` does not allow (group and others, for 0o600/0o700) from a file or
 * directory made by an older version or another umask; a missing path is left alone.
 */
export function restrictMode(path: string, mode: number): void {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (current & ~mode) chmodSync(path, current & mode);
}

/**
 * The data directory holds the keys (auth-secret.key signs sessions, provider-key.key decrypts
 * teachers' API keys), by default the SQLite database and spooled uploads: it is the owner's
 * only. Creates it 0700, and narrows it and the files Tracebank keeps in it when they are looser.
 * Only Tracebank's own entries are touched, in case the directory is shared with other files.
 */
export function secureDataDirectory(): string {
  const dir = resolve(/* turbopackIgnore: true */ env().TRACEBANK_DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrictMode(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".key")) restrictMode(join(dir, entry.name), 0o600);
    if (entry.isDirectory() && entry.name === "uploads") restrictMode(join(dir, entry.name), 0o700);
  }
  return dir;
}
