// Raw-insert benchmark, on fresh SQLite and PostgreSQL databases, rows built beforehand so only
// the inserting is timed, the mean of two rounds run A B B A (so the database's growth evens out):
// - 100,000 prompts in one transaction through lib/prompts/insert-prompts.ts (today's import
//   path) and through lib/db/insert-rows.ts;
// - 20,000 traces of ~1,300 characters in transactions of 256 (the completer's groups) through
//   lib/generation/trace-buffer.ts (today's worker path), Prisma's createMany, and insertTraces.
// Prints rows/s per path, then one JSON line.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { onFreshDatabases } from "./databases";

const ROWS = 100_000;
const DIR = resolve(".tmp", "bench");
const GSM8K = "/work/shared/data/gsm8k/train.jsonl";
const TX = { timeout: 10 * 60_000, maxWait: 60_000 };

type Result = Record<"insertPrompts" | "insertRows" | "traceBuffer" | "createMany" | "insertTraces", number>;

if (process.argv[2] === "--child") await child();
else await main();

async function main() {
  mkdirSync(DIR, { recursive: true });
  const results = await onFreshDatabases(DIR, "bench-insert", runChild);
  const cell = (n: number, width: number) => n.toLocaleString("en-US").padStart(width);
  console.log(
    "\nrows/s (mean of 2)   prompts: insert-prompts | insert-rows   traces: trace-buffer | createMany | insertTraces",
  );
  for (const [kind, r] of Object.entries(results)) {
    console.log(
      `${kind.padEnd(20)} ${cell(r.insertPrompts, 24)} | ${cell(r.insertRows, 11)} ` +
        `${cell(r.traceBuffer, 22)} | ${cell(r.createMany, 10)} | ${cell(r.insertTraces, 12)}`,
    );
  }
  console.log(JSON.stringify(results));
}

function runChild(url: string): Promise<Result> {
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/insert-rows.ts", "--child"],
      {
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) =>
      code === 0
        ? done(JSON.parse(stdout.trim().split("\n").at(-1)!) as Result)
        : fail(new Error(`child for ${url} exited with ${code}\n${stdout}`)),
    );
  });
}

async function child() {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { cuid } = await import("../lib/db/cuid");
  const { defineTable, insertRows } = await import("../lib/db/insert-rows");
  const { batchLimits, insertStatement, runInsert } = await import("../lib/prompts/insert-prompts");
  type NewPrompt = Parameters<typeof insertStatement>[0][number];

  const source = readFileSync(GSM8K, "utf8").split("\n").filter(Boolean);
  const categories = ["math/gsm8k", "math/arithmetic", "math/word-problem", "reasoning", "misc"];
  const createdAt = new Date();
  const makeRows = (promptSetId: string): Array<NewPrompt & { createdAt: Date }> =>
    Array.from({ length: ROWS }, (_, i) => {
      const { question, answer } = JSON.parse(source[i % source.length]!) as {
        question: string;
        answer: string;
      };
      const text = `[#${i + 1}] ${question}`;
      return {
        id: cuid(),
        promptSetId,
        externalId: `bench-${i + 1}`,
        text,
        referenceAnswer: answer,
        category: categories[i % 5]!,
        source: "prompts-100k.jsonl",
        contentHash: createHash("sha256").update(text).digest("hex"),
        createdAt,
      };
    });

  // The columns import-prompts writes, as an insertRows table.
  const PROMPTS = defineTable<NewPrompt & { createdAt: Date }>({
    table: "Prompt",
    columns: {
      id: "text",
      promptSetId: "text",
      externalId: "text",
      text: "text",
      referenceAnswer: "text",
      category: "text",
      source: "text",
      contentHash: "text",
      createdAt: "date",
    },
    defaults: {},
  });

  // As ImportRun.flush: batches by rows and characters, the next built while one runs.
  async function viaInsertPrompts(rows: NewPrompt[]): Promise<number> {
    const limits = batchLimits();
    const at = new Date();
    return db().$transaction(async (tx) => {
      let inserted = 0;
      let running: Promise<number> | null = null;
      let pending: NewPrompt[] = [];
      let chars = 0;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        pending.push(row);
        chars += row.text.length + (row.referenceAnswer?.length ?? 0);
        if (chars < limits.chars && pending.length < limits.rows && i < rows.length - 1) continue;
        const statement = insertStatement(pending, at);
        [pending, chars] = [[], 0];
        if (running) inserted += await running;
        running = runInsert(tx, statement);
      }
      return inserted + (await running!);
    }, TX);
  }

  async function viaInsertRows(rows: Array<NewPrompt & { createdAt: Date }>): Promise<number> {
    return db().$transaction((tx) => insertRows(tx, PROMPTS, rows, { onConflict: "ignore" }), TX);
  }

  const paths = { insertPrompts: viaInsertPrompts, insertRows: viaInsertRows };
  const mean: Result = { insertPrompts: 0, insertRows: 0, traceBuffer: 0, createMany: 0, insertTraces: 0 };
  for (const name of ["insertPrompts", "insertRows", "insertRows", "insertPrompts"] as const) {
    const set = await db().promptSet.create({ data: { name: `bench ${name} ${cuid()}` } });
    const rows = makeRows(set.id);
    const started = performance.now();
    const inserted = await paths[name](rows);
    const seconds = (performance.now() - started) / 1000;
    if (inserted !== ROWS) throw new Error(`${name} inserted ${inserted} of ${ROWS}`);
    mean[name] += Math.round(ROWS / seconds / 2);
    console.error(`${name}: ${Math.round(ROWS / seconds)} rows/s`);
  }
  const { benchTraces } = await import("./insert-traces");
  Object.assign(mean, await benchTraces());
  await disconnectDb();
  console.log(JSON.stringify(mean));
}
