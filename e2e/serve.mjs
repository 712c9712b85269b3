// Serves the production build for one end-to-end project on a brand-new database:
//   node e2e/serve.mjs sqlite|postgres <port>
// Refuses anything but a local database, because it drops what it finds.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";

const [kind, port] = process.argv.slice(2);
if (!["sqlite", "postgres"].includes(kind) || !port) {
  console.error("usage: node e2e/serve.mjs sqlite|postgres <port>");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..");
const dataDir = join(root, ".tmp", "e2e", `${kind}-data`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

let databaseUrl = `file:${join(dataDir, "tracebank.db")}`;
if (kind === "postgres") {
  const admin = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  if (!["127.0.0.1", "localhost", "::1"].includes(admin.hostname))
    throw new Error("e2e: refusing a non-local PostgreSQL");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  // One database per port, so checkouts running the suite side by side keep apart.
  const name = `tracebank_e2e_${Number(port)}`;
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  databaseUrl = admin.toString();
}

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  TRACEBANK_DATA_DIR: dataDir,
  TRACEBANK_IN_PROCESS_WORKER: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // Next leaves SIGTERM/SIGINT to the app: its worker stops within TRACEBANK_SHUTDOWN_GRACE_MS.
  NEXT_MANUAL_SIG_HANDLE: "true",
  NODE_ENV: "production",
  // Loopback only, as `npm start`; the origin check allows the loopback names on this port.
  PORT: port,
};
delete env.TRACEBANK_PUBLIC_URL;
const prepared = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", join(root, "scripts/prepare-database.ts")],
  { stdio: "inherit", env, cwd: root },
);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

// The first admin needs the setup code the server prints, read from its log as a person would;
// e2e/global.setup.ts takes it from this file.
const setupCodeFile = join(root, ".tmp", "e2e", `${kind}-setup-code.txt`);
rmSync(setupCodeFile, { force: true });
const server = spawn(
  process.execPath,
  [join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", port],
  {
    stdio: ["inherit", "pipe", "inherit"],
    env,
    cwd: root,
  },
);
createInterface({ input: server.stdout }).on("line", (line) => {
  console.log(line);
  const code = /enter setup code (\S+)/.exec(line)?.[1];
  if (code) writeFileSync(setupCodeFile, code);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
