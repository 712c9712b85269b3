// The launch of a 1,000,000-item job (100,000 prompts x 10 samples), part of bench:generate: how
// long until the job is runnable (launched and planned by a worker on the runner), the planning
// process's peak RSS, and how a query the app's pages make answers meanwhile (p95). The prompts
// are written by a setup process, so the planner's process holds only the launch and the worker.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

export const LAUNCH_PROMPTS = 100_000;
export const LAUNCH_SAMPLES = 10;

export type LaunchResult = {
  items: number;
  /** The launch call itself (validate, freeze, write the job). */
  launchSeconds: number;
  /** From the launch call to the job being runnable (every item planned). */
  runnableSeconds: number;
  maxRssKb: number;
  /** p95 of a jobs-list query run every 100 ms while planning. */
  queryP95Ms: number;
};

const NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

if (process.argv[2] === "--launch-setup") await setup(process.argv[3]!);
else if (process.argv[2] === "--launch-plan") await plan(process.argv[3]!);

export async function runLaunch(url: string, teacherUrl: string): Promise<LaunchResult> {
  const ids = await child(["--launch-setup", teacherUrl], url);
  return JSON.parse(await child(["--launch-plan", ids], url)) as LaunchResult;
}

function child(args: string[], url: string): Promise<string> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [...NODE_ARGS, "bench/launch.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", TRACEBANK_IN_PROCESS_WORKER: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    proc.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) =>
      code === 0
        ? done(stdout.trim().split("\n").at(-1)!)
        : fail(new Error(`${args[0]} exited with ${code}`)),
    );
  });
}

/** 100,000 prompts (raw inserts, as an import writes them), a message and a teacher. */
async function setup(teacherUrl: string) {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { insertPromptRows } = await import("../lib/prompts");
  const client = db();
  const tag = randomBytes(4).toString("hex");
  const set = await client.promptSet.create({ data: { name: `launch ${tag}` } });
  for (let start = 0; start < LAUNCH_PROMPTS; start += 500) {
    const rows = Array.from({ length: Math.min(500, LAUNCH_PROMPTS - start) }, (_, i) => ({
      promptSetId: set.id,
      externalId: null,
      text: `[#${start + i}] What is ${start + i} + ${i}?`,
      referenceAnswer: null,
      category: ["math", "logic", "code"][i % 3]!,
      source: "bench",
      contentHash: `${tag}-${start + i}`,
    }));
    await insertPromptRows(client, rows);
  }
  const message = await client.systemMessage.create({
    data: {
      name: `launch ${tag}`,
      tags: [],
      versions: { create: { version: 1, content: "Think step by step." } },
    },
  });
  const provider = await client.provider.create({
    data: { name: `launch ${tag}`, kind: "openai", baseUrl: `${teacherUrl}/v1`, model: "scripted" },
  });
  await disconnectDb();
  console.log(JSON.stringify({ setId: set.id, messageId: message.id, providerId: provider.id }));
}

/** Launches as the app does and lets a runner worker plan the job, probing a query meanwhile. */
async function plan(idsJson: string) {
  const ids = JSON.parse(idsJson) as { setId: string; messageId: string; providerId: string };
  const { db, disconnectDb } = await import("../lib/db/client");
  const { createWorker, launchJob, listJobs } = await import("../lib/jobs");
  const started = performance.now();
  const jobId = await launchJob(
    {
      promptSetId: ids.setId,
      providerId: ids.providerId,
      systemMessageIds: [ids.messageId],
      samplesPerPrompt: LAUNCH_SAMPLES,
      concurrency: 1,
      seed: 1,
    },
    null,
  );
  const launchSeconds = (performance.now() - started) / 1000;
  // The worker plans; it would also run the items once runnable: it is stopped as soon as they are.
  const worker = createWorker({ workerId: `launch-${process.pid}`, jobIds: [jobId], pollMs: 100 });
  worker.start();
  const latencies: number[] = [];
  let status = "planning";
  while (status === "planning") {
    const t = performance.now();
    await listJobs();
    latencies.push(performance.now() - t);
    status = (await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } })).status;
    if (status === "planning") await new Promise((r) => setTimeout(r, 100));
  }
  const runnableSeconds = (performance.now() - started) / 1000;
  await db().job.update({ where: { id: jobId }, data: { status: "cancelled" } });
  await worker.stop();
  const items = await db().jobItem.count({ where: { jobId } });
  latencies.sort((a, b) => a - b);
  const result: LaunchResult = {
    items,
    launchSeconds,
    runnableSeconds,
    maxRssKb: process.resourceUsage().maxRSS,
    queryP95Ms: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
  };
  await disconnectDb();
  console.log(JSON.stringify(result));
}
