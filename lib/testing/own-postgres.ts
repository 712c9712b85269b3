// A PostgreSQL server of a test's own, to stop and start at will (not used by the app). The shared
// server at 127.0.0.1:5432 serves every other test file running in parallel: restarting it would
// break them. Needs Debian's postgresql-common tools and root (as on the CI machine).
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import pg from "pg";
import { randomBytes } from "node:crypto";

const run = promisify(execFile);
const PREFIX = "tb_restart_";

export type OwnPostgres = {
  /** A database of its own on the server, trust auth over TCP. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its cluster (data and configuration). */
  drop(): Promise<void>;
  /** The server's log so far, for failure messages. */
  log(): Promise<string>;
};

/** Why this machine cannot run one, or null when it can. */
export function ownPostgresUnavailable(): string | null {
  const missing = ["pg_createcluster", "pg_ctlcluster", "pg_dropcluster"].filter(
    (tool) => !existsSync(`/usr/bin/${tool}`),
  );
  if (missing.length > 0)
    return `${missing.join(", ")} not found: install Debian's postgresql-common and a PostgreSQL server package`;
  if (!serverVersion()) return "no PostgreSQL server under /usr/lib/postgresql/<version>/bin/postgres";
  if (process.getuid?.() !== 0) return "pg_createcluster needs root (the CI machine runs the suite as root)";
  return null;
}

/** The newest PostgreSQL major version installed. */
function serverVersion(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(`${root}/${v}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a))[0];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a cluster (named after this process, so a run that died is cleaned up by
 * the next one) with a database `tracebank` in it. Fails with the reason when the machine
 * cannot: a test that needs it must not pass by skipping.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const unavailable = ownPostgresUnavailable();
  if (unavailable) throw new Error(`This test needs a PostgreSQL server of its own: ${unavailable}.`);
  const version = serverVersion()!;
  await dropDeadClusters(version);
  const name = `${PREFIX}${process.pid}_${randomBytes(3).toString("hex")}`;
  const port = await freePort();
  await run("pg_createcluster", [
    version,
    name,
    "-p",
    String(port),
    "--start-conf=manual",
    "-o",
    "shared_buffers=16MB",
    "-o",
    "max_connections=60",
    "--",
    "--auth=trust",
  ]);
  const ctl = (action: string, ...extra: string[]) => run("pg_ctlcluster", [version, name, action, ...extra]);
  await ctl("start");
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "tracebank"`);
  await client.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/tracebank`,
    // Fast mode, as `systemctl restart postgresql` does: open sessions are ended at once.
    stop: async () => void (await ctl("stop", "-m", "fast")),
    start: async () => void (await ctl("start")),
    drop: async () => void (await run("pg_dropcluster", [version, name, "--stop"])),
    log: async () =>
      (
        await run("tail", ["-n", "50", `/var/log/postgresql/postgresql-${version}-${name}.log`]).catch(
          () => ({
            stdout: "(no log)",
          }),
        )
      ).stdout,
  };
}

/** Clusters left by test processes that died before dropping theirs. */
async function dropDeadClusters(version: string): Promise<void> {
  const dir = `/etc/postgresql/${version}`;
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split("_")[0]) : NaN;
    if (!Number.isInteger(pid) || alive(pid)) continue;
    await run("pg_dropcluster", [version, name, "--stop"]).catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
