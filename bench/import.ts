// Import benchmark: 100,000 JSONL rows into a fresh SQLite file and a fresh PostgreSQL database,
// through the same lib function the upload route uses, each in its own child process so peak RSS
// is the import's alone. Prints a table, then one JSON line:
// {"sqlite":{"rows_per_s":N,"peak_rss_mb":N},"postgres":{"rows_per_s":N,"peak_rss_mb":N}}
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdirSync, readFileSync, statSync } from "node:fs";
import { once } from "node:events";
import { resolve } from "node:path";
import { onFreshDatabases } from "./databases";

const ROWS = 100_000;
const DIR = resolve(".tmp", "bench");
const FILE = resolve(DIR, `prompts-${ROWS}.jsonl`);
const GSM8K = "/work/shared/data/gsm8k/train.jsonl";

type ChildResult = { rows: number; inserted: number; seconds: number; maxRssKb: number };

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv[4]!);
else await main();

async function main() {
  mkdirSync(DIR, { recursive: true });
  await writeFixture();
  const results = await onFreshDatabases(DIR, "bench", runChild);

  const summary = Object.fromEntries(
    Object.entries(results).map(([kind, r]) => [
      kind,
      { rows_per_s: Math.round(r.rows / r.seconds), peak_rss_mb: Math.round(r.maxRssKb / 1024) },
    ]),
  ) as Record<"sqlite" | "postgres", { rows_per_s: number; peak_rss_mb: number }>;
  const mb = (statSync(FILE).size / 1024 / 1024).toFixed(1);
  console.log(`\nImport of ${ROWS.toLocaleString("en-US")} JSONL rows (${mb} MB), one transaction each`);
  console.log("database   | inserted | seconds | rows/s  | peak RSS (MB)");
  console.log("-----------|----------|---------|---------|--------------");
  for (const [kind, r] of Object.entries(results)) {
    const s = summary[kind as "sqlite"];
    console.log(
      `${kind.padEnd(10)} | ${String(r.inserted).padStart(8)} | ${r.seconds.toFixed(2).padStart(7)} | ` +
        `${String(s.rows_per_s).padStart(7)} | ${String(s.peak_rss_mb).padStart(13)}`,
    );
  }
  console.log("targets: >= 20,000 rows/s, <= 400 MB peak RSS\n");
  console.log(JSON.stringify(summary));
}

/** Rows cycled from GSM8K train, made unique by a "[#n] " prefix, with answers and categories. */
async function writeFixture() {
  const source = readFileSync(GSM8K, "utf8").split("\n").filter(Boolean);
  const out = createWriteStream(FILE);
  const categories = ["math/gsm8k", "math/arithmetic", "math/word-problem", "reasoning", "misc"];
  for (let i = 0; i < ROWS; i++) {
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
}

function runChild(url: string): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/import.ts", "--child", url, FILE],
      {
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`benchmark child for ${url} exited with ${code}\n${stdout}`));
      done(JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildResult);
    });
  });
}

async function child(url: string, file: string) {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { importPrompts } = await import("../lib/prompts/import-prompts");
  const set = await db().promptSet.create({ data: { name: `bench ${Date.now()}` } });
  const started = performance.now();
  const result = await importPrompts({
    promptSetId: set.id,
    fileName: "prompts-100k.jsonl",
    format: "jsonl",
    mode: "all-or-nothing",
    source: createReadStream(file, { highWaterMark: 64 * 1024 }),
    actorId: null,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== "imported" || result.inserted !== ROWS)
    throw new Error(
      `unexpected import result for ${url}: ${JSON.stringify({ ...result, errors: undefined })}`,
    );
  const out: ChildResult = { rows: result.rowsRead, inserted: result.inserted, seconds, maxRssKb: 0 };
  out.maxRssKb = process.resourceUsage().maxRSS;
  await disconnectDb();
  console.log(JSON.stringify(out));
}
