// Review benchmark: 1,000,000 traces (bench/review-seed.ts: GSM8K text, 5 jobs, 4 system messages
// x 2 versions, 10% approved, 5% rejected, 1% conflict, decisions by 6 reviewers with taxonomy
// reasons, 0.2% flagged) on a fresh SQLite file and a fresh PostgreSQL database, each in its own
// child process; then the server time (the lib/ call a route handler makes, in process) of:
//   next:   the next 10 pending traces after a place in the queue, and the first one as the
//           workbench opens it (reviewQueuePage below)
//   list:   a page of the review list, rotating the filters below, first pages and deep ones
//   decide: one reviewer's decision on a pending trace (lib/review/decide.ts)
// PostgreSQL is VACUUM ANALYZEd after seeding (autovacuum does the same within minutes); SQLite
// runs without statistics, as the app does. Prints a table, then one JSON line:
// Then, on the same database, the in-browser half (bench/review-browser.ts): the production build
// served by `next start`, a reviewer signed in through the sign-in page, keys pressed in Chromium,
// key → next trace painted as the page itself measures it.
// {"sqlite":{"next_p95_ms":N,"list_p95_ms":N,"decide_p95_ms":N,"browser_next_p95_ms":N},"postgres":{...}}
// (`-- --traces 100000` seeds fewer; `-- --runs 50` measures fewer; `-- --skip-build` measures the
// build already in .next instead of building first.)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { onFreshDatabases } from "./databases";
import type { BrowserFigures } from "./review-browser";
import type { Seeded } from "./review-seed";

const DIR = resolve(".tmp", "bench");
const NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];
const { values } = parseArgs({
  options: {
    traces: { type: "string" },
    runs: { type: "string" },
    child: { type: "boolean" },
    "skip-build": { type: "boolean" },
  },
  allowPositionals: true,
});
const TRACES = Number(values.traces ?? 1_000_000);
const RUNS = Number(values.runs ?? 240);
const WARMUP = 10;
const TARGETS = { next: 50, list: 150, decide: 30, browser: 50 };
const BROWSER_PORT = 39_700;

type Stats = { p50: number; p95: number; max: number; runs: number };
type ChildResult = {
  seedSeconds: number;
  next: Stats;
  list: Stats;
  decide: Stats;
  counts: Stats;
  byFilter: Record<string, Stats>;
  browser: BrowserFigures;
};

if (values.child) await child();
else await main();

async function main() {
  mkdirSync(DIR, { recursive: true });
  const { buildApp } = await import("./review-browser");
  if (!values["skip-build"]) buildApp();
  const results = await onFreshDatabases(DIR, "review", (url) => runChild(url));
  // Kept whatever the printing below does: a million-trace run takes minutes.
  writeFileSync(resolve(DIR, "review-results.json"), JSON.stringify(results, null, 2));
  console.log(
    `\nReview at ${TRACES.toLocaleString("en-US")} traces: server time per call, ms (${RUNS} runs each)`,
  );
  console.log("database | operation                    |   p50 |   p95 |   max | target p95");
  console.log("---------|------------------------------|-------|-------|-------|-----------");
  const summary: Record<string, Record<string, number | null>> = {};
  for (const [kind, r] of Object.entries(results)) {
    const line = (name: string, s: Stats, target?: number) =>
      console.log(
        `${kind.padEnd(8)} | ${name.padEnd(28)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${target ? `<= ${target}` : ""}`,
      );
    line("next in queue", r.next, TARGETS.next);
    line("list page", r.list, TARGETS.list);
    line("decide", r.decide, TARGETS.decide);
    line("tab counts", r.counts);
    console.log(
      `${kind.padEnd(8)} | ${"browser: key → next painted".padEnd(28)} | ${fmt(r.browser.p50_ms)} | ${fmt(r.browser.p95_ms)} | ${fmt(r.browser.max_ms)} | <= ${TARGETS.browser} (${r.browser.presses} presses)`,
    );
    for (const [name, s] of Object.entries(r.byFilter)) line(`  list: ${name}`, s);
    console.log(`${kind.padEnd(8)} | seeded in ${r.seedSeconds.toFixed(0)} s`);
    summary[kind] = {
      next_p95_ms: round(r.next.p95),
      list_p95_ms: round(r.list.p95),
      decide_p95_ms: round(r.decide.p95),
      browser_next_p95_ms: r.browser.p95_ms,
    };
  }
  console.log(JSON.stringify(summary));
}

function fmt(ms: number): string {
  return ms.toFixed(1).padStart(5);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function runChild(url: string): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const args = [
      ...NODE_ARGS,
      "bench/review.ts",
      "--child",
      "--traces",
      String(TRACES),
      "--runs",
      String(RUNS),
    ];
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", TRACEBANK_IN_PROCESS_WORKER: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`review benchmark (${url}) exited with ${code}\n${stdout}`));
      done(JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult);
    });
  });
}

async function child() {
  const { db, dbKind, disconnectDb } = await import("../lib/db/client");
  const { seedReview } = await import("./review-seed");
  const { measure } = await import("./review-measure");
  const log = (line: string) => console.error(`[bench] ${dbKind()} ${line}`);
  const began = Date.now();
  const seeded: Seeded = await seedReview(TRACES, log, { parallel: dbKind() === "postgres" ? 2 : 1 });
  if (dbKind() === "postgres") await db().$executeRawUnsafe("VACUUM ANALYZE");
  const seedSeconds = (Date.now() - began) / 1000;
  log(`seeded in ${seedSeconds.toFixed(0)} s`);
  const result = await measure(seeded, { runs: RUNS, warmup: WARMUP, log });
  const reviewer = await createBenchReviewer();
  await disconnectDb();
  log("browser: serving the build and pressing keys in Chromium");
  const { measureBrowserNext } = await import("./review-browser");
  const browser = await measureBrowserNext({
    databaseUrl: process.env.DATABASE_URL!,
    dataDir: resolve(DIR, `review-data-${dbKind()}`),
    port: BROWSER_PORT,
    ...reviewer,
  });
  log(`browser: p95 ${browser.p95_ms} ms over ${browser.presses} presses`);
  console.log(JSON.stringify({ seedSeconds, ...result, browser }));
}

/** A reviewer who signs in through the sign-in page, as a person would. */
async function createBenchReviewer(): Promise<{ email: string; password: string }> {
  const { db } = await import("../lib/db/client");
  const { hashPassword, insertCredentialUser } = await import("../lib/auth/credential-user");
  const account = { email: "bench-reviewer@example.com", password: "bench-review-password-1" };
  const hash = await hashPassword(account.password);
  await db().$transaction((tx) =>
    insertCredentialUser(tx, { name: "Bench reviewer", email: account.email, role: "reviewer" }, hash),
  );
  return account;
}
