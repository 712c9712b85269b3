// Generation benchmark: the worker against the scripted teacher (its own child process), on a
// fresh SQLite file and a fresh PostgreSQL database, each scenario in its own worker process so
// peak RSS is the worker's alone (prompts and the job are set up by another process). Scenarios:
//   bound: teacher latency 250 ms, concurrency 64, 3,000 items -> throughput / (64 / 0.25 s)
//   zero:  teacher latency 0, concurrency 64, 5,000 items -> traces stored per second
// Throughput is the steady state: traces stored between the 10th and the 90th percentile of the
// run (the first and last waves of calls are ramp-up and drain); the table shows the whole run too.
// Then the launch of a 1,000,000-item job (bench/launch.ts): seconds until it is runnable, and the
// planning process's peak RSS. Prints a table, then one JSON line:
// {"sqlite":{"bound_fraction":N,"zero_latency_traces_per_s":N,"peak_rss_mb":N,"launch_1m_s":N,
//  "launch_1m_rss_mb":N},"postgres":{...}}
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { onFreshDatabases } from "./databases";
import { LAUNCH_PROMPTS, LAUNCH_SAMPLES, runLaunch, type LaunchResult } from "./launch";

const DIR = resolve(".tmp", "bench");
const GSM8K = "/work/shared/data/gsm8k/train.jsonl";
const CONCURRENCY = 64;
const SCENARIOS = {
  bound: { items: 3_000, latencyMs: 250 },
  zero: { items: 5_000, latencyMs: 0 },
} as const;
type Scenario = keyof typeof SCENARIOS;
type ChildResult = {
  items: number;
  traces: number;
  /** From the job's start to its completion. */
  seconds: number;
  /** Traces per second between the 10th and the 90th percentile of trace times. */
  steadyPerSecond: number;
  requests: number;
  /** CPU time of the worker's process per trace stored (user + system). */
  cpuMsPerTrace: number;
  maxRssKb: number;
};
type Summary = {
  bound_fraction: number;
  zero_latency_traces_per_s: number;
  peak_rss_mb: number;
  launch_1m_s: number;
  launch_1m_rss_mb: number;
};
type DatabaseResults = { scenarios: Record<Scenario, ChildResult>; launch: LaunchResult };

const NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

if (process.argv[2] === "--setup") await setup(process.argv[3] as Scenario, process.argv[4]!);
else if (process.argv[2] === "--worker") await work(process.argv[3]!);
else await main();

async function main() {
  mkdirSync(DIR, { recursive: true });
  const teacher = await startTeacher();
  let results: Record<string, DatabaseResults>;
  try {
    results = await onFreshDatabases(DIR, "generate", async (url) => ({
      scenarios: await runScenarios(url, teacher.url),
      launch: await runLaunch(url, teacher.url),
    }));
  } finally {
    teacher.process.kill("SIGTERM");
  }

  const bound = CONCURRENCY / (SCENARIOS.bound.latencyMs / 1000);
  const summary: Record<string, Summary> = {};
  console.log(`\nGeneration: concurrency ${CONCURRENCY}, scripted teacher in its own process`);
  console.log(
    "database | scenario       | items | seconds | traces/s run | traces/s steady | of bound | CPU ms/trace | RSS MB",
  );
  console.log(
    "---------|----------------|-------|---------|--------------|-----------------|----------|--------------|-------",
  );
  for (const [kind, { scenarios: byScenario, launch }] of Object.entries(results)) {
    summary[kind] = {
      bound_fraction: round(byScenario.bound.steadyPerSecond / bound, 3),
      zero_latency_traces_per_s: Math.round(byScenario.zero.steadyPerSecond),
      peak_rss_mb: Math.round(Math.max(byScenario.bound.maxRssKb, byScenario.zero.maxRssKb) / 1024),
      launch_1m_s: round(launch.runnableSeconds, 1),
      launch_1m_rss_mb: Math.round(launch.maxRssKb / 1024),
    };
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      const r = byScenario[scenario];
      const label = scenario === "bound" ? "250 ms latency" : "zero latency";
      const share = scenario === "bound" ? `${((r.steadyPerSecond / bound) * 100).toFixed(1)}%` : "";
      const cells = [
        kind.padEnd(8),
        label.padEnd(14),
        String(r.traces).padStart(5),
        r.seconds.toFixed(2).padStart(7),
        (r.traces / r.seconds).toFixed(0).padStart(12),
        r.steadyPerSecond.toFixed(0).padStart(15),
        share.padStart(8),
        r.cpuMsPerTrace.toFixed(2).padStart(12),
        String(Math.round(r.maxRssKb / 1024)).padStart(6),
      ];
      console.log(cells.join(" | "));
      if (r.requests !== r.items)
        console.log(`  (${r.requests} requests for ${r.items} items: expected one each)`);
    }
  }
  console.log(`bound: ${bound} traces/s. Targets: >= 90% of the bound, >= 1,000 traces/s at zero latency`);
  console.log("on SQLite, <= 500 MB peak RSS\n");
  printLaunches(results);
  console.log(JSON.stringify(summary));
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

async function runScenarios(url: string, teacherUrl: string): Promise<Record<Scenario, ChildResult>> {
  const out = {} as Record<Scenario, ChildResult>;
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    await control(teacherUrl, "/__control/script", {
      defaults: { latencyMs: SCENARIOS[scenario].latencyMs },
    });
    await control(teacherUrl, "/__control/reset", {});
    const jobId = await runChild("setup", [scenario, teacherUrl], url);
    const result = JSON.parse(await runChild("worker", [jobId], url)) as ChildResult;
    const stats = (await (await fetch(`${teacherUrl}/__control/stats`)).json()) as { total: number };
    result.requests = stats.total;
    out[scenario] = result;
    console.error(`[bench] ${url.split(":")[0]} ${scenario}: ${JSON.stringify(result)}`);
  }
  return out;
}

async function control(teacherUrl: string, path: string, body: unknown) {
  const response = await fetch(`${teacherUrl}${path}`, { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** The scripted teacher CLI in its own process; resolves once it prints its URL. */
function startTeacher(): Promise<{ url: string; process: ChildProcess }> {
  const proc = spawn(process.execPath, [...NODE_ARGS, "lib/testing/scripted-teacher/cli.ts", "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((done, fail) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.on("line", (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) done({ url: match[1]!, process: proc });
    });
    proc.on("exit", (code) => fail(new Error(`scripted teacher exited with ${code}`)));
  });
}

/** Runs `bench/generate.ts --<role> ...args` in a child process; resolves with its last stdout line. */
function runChild(role: string, args: string[], url: string): Promise<string> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [...NODE_ARGS, "bench/generate.ts", `--${role}`, ...args], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", TRACEBANK_IN_PROCESS_WORKER: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) => {
      if (code !== 0) return fail(new Error(`benchmark ${role} (${url}) exited with ${code}\n${stdout}`));
      done(stdout.trim().split("\n").at(-1)!);
    });
  });
}

/** Its own process, so the worker's process holds only the worker: prompts, a job, its items. */
async function setup(scenario: Scenario, teacherUrl: string) {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { launchJob } = await import("../lib/jobs");
  const { items } = SCENARIOS[scenario];
  const tag = randomBytes(4).toString("hex");
  const questions = readFileSync(GSM8K, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { question: string }).question);
  const client = db();
  const set = await client.promptSet.create({ data: { name: `bench ${scenario} ${tag}` } });
  for (let start = 0; start < items; start += 1_000) {
    const rows = [];
    for (let i = start; i < Math.min(items, start + 1_000); i++) {
      const text = `[#${i + 1}] ${questions[i % questions.length]!}`;
      rows.push({ promptSetId: set.id, text, contentHash: `${tag}-${i}` });
    }
    await client.prompt.createMany({ data: rows });
  }
  const message = await client.systemMessage.create({
    data: {
      name: `bench ${scenario} ${tag}`,
      tags: [],
      versions: {
        create: {
          version: 1,
          content: "You are a patient tutor. Think step by step and show your reasoning.",
        },
      },
    },
  });
  const provider = await client.provider.create({
    data: {
      name: `bench ${scenario} ${tag}`,
      kind: "openai",
      baseUrl: `${teacherUrl}/v1`,
      model: "scripted",
    },
  });
  const jobId = await launchJob(
    {
      promptSetId: set.id,
      providerId: provider.id,
      systemMessageIds: [message.id],
      concurrency: CONCURRENCY,
      params: { maxTokens: 256 },
      seed: 1,
    },
    null,
  );
  await disconnectDb();
  console.log(jobId);
}

/** The worker's process: one worker, as `npm run worker` starts it, until the job is done. */
async function work(jobId: string) {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { createWorker } = await import("../lib/jobs");
  const client = db();
  const worker = createWorker({ workerId: `bench-${process.pid}` });
  const cpuBefore = process.cpuUsage();
  worker.start();
  for (;;) {
    const job = await client.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
    if (!["planning", "queued", "running"].includes(job.status)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const job = await client.job.findUniqueOrThrow({ where: { id: jobId } });
  const traces = await client.trace.count({ where: { jobId } });
  if (job.status !== "completed" || traces !== job.itemCount) {
    throw new Error(
      `job ended ${job.status} with ${traces} of ${job.itemCount} traces (${job.error ?? "no error"})`,
    );
  }
  const times = (await client.trace.findMany({ where: { jobId }, select: { createdAt: true } }))
    .map((t) => t.createdAt.getTime())
    .sort((a, b) => a - b);
  const [from, to] = [times[Math.floor(times.length * 0.1)]!, times[Math.floor(times.length * 0.9)]!];
  const result: ChildResult = {
    items: job.itemCount,
    traces,
    seconds: (job.finishedAt!.getTime() - job.startedAt!.getTime()) / 1000,
    steadyPerSecond: (Math.floor(times.length * 0.9) - Math.floor(times.length * 0.1)) / ((to - from) / 1000),
    requests: 0,
    cpuMsPerTrace: round((cpu.user + cpu.system) / 1000 / traces, 3),
    maxRssKb: process.resourceUsage().maxRSS,
  };
  await disconnectDb();
  console.log(JSON.stringify(result));
}

function printLaunches(results: Record<string, DatabaseResults>) {
  const items = (LAUNCH_PROMPTS * LAUNCH_SAMPLES).toLocaleString("en-US");
  console.log(
    `Launch of a ${items}-item job (${LAUNCH_PROMPTS.toLocaleString("en-US")} prompts x ${LAUNCH_SAMPLES}), planned by a runner worker`,
  );
  console.log(
    "database | launch call s | runnable after s | items/s | planner RSS MB | jobs list p95 ms meanwhile",
  );
  console.log(
    "---------|---------------|------------------|---------|----------------|---------------------------",
  );
  for (const [kind, { launch }] of Object.entries(results)) {
    const cells = [
      kind.padEnd(8),
      launch.launchSeconds.toFixed(2).padStart(13),
      launch.runnableSeconds.toFixed(1).padStart(16),
      String(Math.round(launch.items / launch.runnableSeconds)).padStart(7),
      String(Math.round(launch.maxRssKb / 1024)).padStart(14),
      launch.queryP95Ms.toFixed(0).padStart(26),
    ];
    console.log(cells.join(" | "));
  }
  console.log("targets: runnable within 30 s, <= 500 MB peak RSS, on both databases\n");
}
