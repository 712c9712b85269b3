import "server-only";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { NotFoundError } from "../../errors";
import { createJob } from "../../runner";
import { StartScanSchema, type QualityScanConfig, type ScanPart, type StartScanInput } from "../schemas";
import { qualityScanKind } from "./kind";

const PART_NAMES: Record<ScanPart, string> = {
  traces: "checks",
  duplicates: "duplicates",
  prompts: "prompt contamination",
  "best-of-k": "best-of-K",
  rules: "rules",
};

/** Starts a scan of a job, a prompt set or everything on the runner; returns its job id. */
export async function startScan(input: StartScanInput, actorId: string | null, tx?: Tx): Promise<string> {
  const { scope, parts } = StartScanSchema.parse(input);
  const client = tx ?? db();
  let what = "all traces";
  if (scope.jobId) {
    const job = await client.job.findUnique({ where: { id: scope.jobId }, select: { name: true } });
    if (!job) throw new NotFoundError("Job", scope.jobId);
    what = `job "${job.name}"`;
  } else if (scope.promptSetId) {
    const set = await client.promptSet.findUnique({
      where: { id: scope.promptSetId },
      select: { name: true },
    });
    if (!set) throw new NotFoundError("Prompt set", scope.promptSetId);
    what = `prompt set "${set.name}"`;
  }
  const config: QualityScanConfig = { kind: "quality-scan", scope, parts, actorId, batch: 500 };
  const name = `Quality: ${parts.map((p) => PART_NAMES[p]).join(", ")} of ${what}`;
  return createJob(
    {
      kind: qualityScanKind,
      name,
      config,
      expectedItems: 0,
      actorId,
      audit: { name, itemCount: 0, kind: "quality-scan" },
    },
    tx,
  );
}

/**
 * When a generation job completes, the checks that need all of its traces at once (duplicates,
 * best-of-K, then the rules on what they found) run as a scan of it. Per-trace checks already ran
 * as each trace arrived.
 */
export async function scanAfterGeneration(tx: Tx, jobId: string, actorId: string | null): Promise<void> {
  if (!env().TRACEBANK_AUTO_SCANS) return;
  await startScan({ scope: { jobId }, parts: ["duplicates", "best-of-k", "rules"] }, actorId, tx);
}

/** An import that added prompts: its set's prompts against the benchmarks, before any teacher answers them. */
export async function scanAfterImport(tx: Tx, promptSetId: string, actorId: string | null): Promise<void> {
  if (!env().TRACEBANK_AUTO_SCANS) return;
  await startScan({ scope: { promptSetId }, parts: ["prompts"] }, actorId, tx);
}
