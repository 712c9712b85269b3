// `npm start`: build when the sources changed since the last build, migrate and seed the
// database, then serve on HOST:PORT (default 127.0.0.1:3000; a HOST other machines can reach
// needs TRACEBANK_PUBLIC_URL, see scripts/listen-address.mjs).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listenAddress } from "./listen-address.mjs";

// Refuse a bad address before spending minutes on a build.
const address = listenAddress(process.env);
if (address.error) {
  console.error(`Tracebank: ${address.error}`);
  process.exit(2);
}

const root = join(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const stampFile = join(root, ".next", "tracebank-source-stamp");

function sourceStamp() {
  const hash = createHash("sha256");
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== "generated") visit(join(path, name));
    } else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const p of [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "next.config.ts",
    "package-lock.json",
    "prisma/schema.prisma",
  ]) {
    visit(join(root, p));
  }
  return hash.digest("hex");
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stamp = sourceStamp();
const built =
  existsSync(join(root, ".next", "BUILD_ID")) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8") === stamp;
if (!built || process.argv.includes("--rebuild")) {
  console.log("Building Tracebank (once per source change)…");
  run(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"]);
  writeFileSync(stampFile, stamp);
}

run(process.execPath, [
  "--conditions=react-server",
  "--import",
  "tsx",
  join(root, "scripts/prepare-database.ts"),
]);

// PORT goes to the server too: the origin check allows the loopback names on this port only.
// NEXT_MANUAL_SIG_HANDLE: Next leaves SIGTERM/SIGINT to the app, whose worker stops within
// TRACEBANK_SHUTDOWN_GRACE_MS.
const server = spawn(
  process.execPath,
  [join(root, "node_modules/next/dist/bin/next"), "start", "-H", address.host, "-p", address.port],
  { stdio: "inherit", env: { ...env, PORT: address.port, NEXT_MANUAL_SIG_HANDLE: "true" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
