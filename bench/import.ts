// Import benchmark: 100,000 and 1,000,000 JSONL rows, each into a fresh SQLite file and a fresh
// PostgreSQL database, through the road every upload takes (the file spooled to the data
// directory, then a prompt-import job that validates it and publishes it in checkpointed
// batches, run in the child by runJobNow), each in its own child process so peak RSS is the
// import's alone. Prints a table, then one JSON line:
// {"sqlite":{"rows_per_s":N,"peak_rss_mb":N,"1m":{"seconds":N,"rows_per_s":N,"peak_rss_mb":N}},"postgres":{...}}
// (`-- --rows 100000` runs one size only.)
import { spawn } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { once } from "node:events";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { onFreshDatabases } from "./databases";

const DIR = resolve(".tmp", "bench");
const GSM8K = "/work/shared/data/gsm8k/train.jsonl";
const { values } = parseArgs({
  options: { rows: { type: "string" }, child: { type: "string" } },
  allowPositionals: true,
});
const SIZES = values.rows ? [Number(values.rows)] : [100_000, 1_000_000];
const fixture = (rows: number) => resolve(DIR, `prompts-${rows}.jsonl`);

type ChildResult = { rows: number; inserted: number; seconds: number; maxRssKb: number };
type Figures = { seconds: number; rows_per_s: number; peak_rss_mb: number };

if (values.child) await child(values.child, Number(process.argv.at(-1)));
else await main();

async function main() {
  mkdirSync(DIR, { recursive: true });
  const runs: Array<{ rows: number; kind: "sqlite" | "postgres"; r: ChildResult }> = [];
  for (const rows of SIZES) {
    await writeFixture(rows);
    const results = await onFreshDatabases(DIR, "bench", (url) => runChild(url, rows));
    runs.push({ rows, kind: "sqlite", r: results.sqlite }, { rows, kind: "postgres", r: results.postgres });
  }
  const figures = (r: ChildResult): Figures => ({
    seconds: Number(r.seconds.toFixed(2)),
    rows_per_s: Math.round(r.rows / r.seconds),
    peak_rss_mb: Math.round(r.maxRssKb / 1024),
  });
  console.log(
    "\nImport of JSONL rows: spooled, then a prompt-import job (validate, then publish in batches)",
  );
  console.log("rows      | database   | file (MB) | inserted | seconds | rows/s  | peak RSS (MB)");
  console.log("----------|------------|-----------|----------|---------|---------|--------------");
  for (const { rows, kind, r } of runs) {
    const f = figures(r);
    const mb = (statSync(fixture(rows)).size / 1024 / 1024).toFixed(0);
    console.log(
      `${String(rows).padEnd(9)} | ${kind.padEnd(10)} | ${mb.padStart(9)} | ${String(r.inserted).padStart(8)} | ` +
        `${f.seconds.toFixed(2).padStart(7)} | ${String(f.rows_per_s).padStart(7)} | ${String(f.peak_rss_mb).padStart(13)}`,
    );
  }
  console.log("targets (100,000 rows): >= 20,000 rows/s, <= 400 MB peak RSS\n");
  const summary: Record<string, Record<string, unknown>> = { sqlite: {}, postgres: {} };
  for (const { rows, kind, r } of runs) {
    const { seconds, ...rest } = figures(r);
    if (rows === 100_000) Object.assign(summary[kind]!, rest);
    else summary[kind]![rows === 1_000_000 ? "1m" : String(rows)] = { seconds, ...rest };
  }
  console.log(JSON.stringify(summary));
}

/** Rows cycled from GSM8K train, made unique by a "[#n] " prefix, with answers and categories. */
async function writeFixture(rows: number) {
  if (existsSync(fixture(rows))) return; // deterministic: written once
  const source = readFileSync(GSM8K, "utf8").split("\n").filter(Boolean);
  const partial = `${fixture(rows)}.partial`;
  const out = createWriteStream(partial);
  const categories = ["math/gsm8k", "math/arithmetic", "math/word-problem", "reasoning", "misc"];
  for (let i = 0; i < rows; i++) {
    const { question, answer } = JSON.parse(source[i % source.length]!) as {
      question: string;
      answer: string;
    };
    const row = {
      id: `bench-${i + 1}`,
      question: `[#${i + 1}] ${question}`,
      answer,
      category: categories[i % 5],
    };
    if (!out.write(JSON.stringify(row) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  renameSync(partial, fixture(rows));
}

function runChild(url: string, rows: number): Promise<ChildResult> {
  const dataDir = resolve(DIR, `data-${process.pid}`);
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/import.ts", "--child", url, String(rows)],
      {
        env: { ...process.env, DATABASE_URL: url, TRACEBANK_DATA_DIR: dataDir, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`benchmark child for ${url} exited with ${code}\n${stdout}`));
      done(JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult);
    });
  });
}

async function child(url: string, rows: number) {
  const { createReadStream } = await import("node:fs");
  const { db, disconnectDb } = await import("../lib/db/client");
  const { importPrompts } = await import("../lib/prompts");
  const set = await db().promptSet.create({ data: { name: `bench ${Date.now()}` } });
  const started = performance.now();
  const result = await importPrompts({
    promptSetId: set.id,
    fileName: `prompts-${rows}.jsonl`,
    format: "jsonl",
    mode: "all-or-nothing",
    source: createReadStream(fixture(rows), { highWaterMark: 64 * 1024 }),
    actorId: null,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== "imported" || result.inserted !== rows)
    throw new Error(
      `unexpected import result for ${url}: ${JSON.stringify({ ...result, errors: undefined })}`,
    );
  const out: ChildResult = { rows: result.rowsRead, inserted: result.inserted, seconds, maxRssKb: 0 };
  out.maxRssKb = process.resourceUsage().maxRSS;
  await disconnectDb();
  console.log(JSON.stringify(out));
}
