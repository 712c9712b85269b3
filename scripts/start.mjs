// `npm start`: build when the sources changed since the last build, migrate and seed the
// database, then serve. PORT is honoured (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
  stdio: "inherit",
  // Next leaves SIGTERM/SIGINT to the app: its worker stops within TRACEBANK_SHUTDOWN_GRACE_MS.
  env: { ...env, NEXT_MANUAL_SIG_HANDLE: "true" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
