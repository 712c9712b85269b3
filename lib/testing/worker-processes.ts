// Worker processes for the jobs tests: `npm run worker` as a deployment starts it (not used by the app).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { db } from "../db/client";
import { createWorld } from "./job-fixtures";

export type WorkerProcess = {
  child: ChildProcess;
  /** stdout and stderr so far, for failure messages. */
  output: () => string;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | string>;
};

/**
 * scripts/worker.ts (or another worker script) in its own process. `env` is the whole environment (the test file passes its
 * own, which points at its database), plus TRACEBANK_LEASE_MS=2000 unless it says otherwise.
 */
export function spawnWorker(env: NodeJS.ProcessEnv, script = "scripts/worker.ts"): WorkerProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env: { TRACEBANK_LEASE_MS: "2000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  return { child, output: () => output, exited };
}

/** Stops a worker gracefully (SIGTERM: calls in flight go back to the queue). */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill("SIGTERM");
  await worker.exited;
}

/** A world whose teacher is the scripted teacher at `baseUrl` (no API key to decrypt). */
export async function scriptedWorld(
  baseUrl: string,
  prompts: number,
  limits: { maxConcurrency?: number; requestsPerMinute?: number; tokensPerMinute?: number } = {},
) {
  const world = await createWorld({ prompts });
  await db().provider.update({
    where: { id: world.provider.id },
    data: { baseUrl, apiKeyCiphertext: null, ...limits },
  });
  return world;
}

/** Per item, how many traces it has; and every item's attempts. */
export async function traceCounts(jobId: string) {
  const [items, traces] = await Promise.all([
    db().jobItem.findMany({
      where: { jobId },
      select: { id: true, status: true, attempts: true, leaseOwner: true },
    }),
    db().trace.findMany({ where: { jobId }, select: { itemId: true } }),
  ]);
  const perItem = new Map(items.map((i) => [i.id, 0]));
  for (const t of traces) perItem.set(t.itemId, (perItem.get(t.itemId) ?? 0) + 1);
  return { items, traces: traces.length, perItem };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it holds, with the worker's output in the timeout's message; the database
 * may be away meanwhile (a restart, a lock), so an error means "not yet".
 */
export async function untilWhileDown(
  what: string,
  check: () => Promise<boolean>,
  output: () => string,
  ms = 45_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${output()}`);
    await sleep(50);
  }
}
