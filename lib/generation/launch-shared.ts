import "server-only";
import { recordAudit } from "../audit/audit";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { getProvider } from "../teacher";
import type { JobConfig, LaunchJob, LaunchSynthesis } from "./schemas";

const BATCH = 1_000;
// A launch writes every item in one transaction; large sets need more than Prisma's 5 s default.
export const LAUNCH_TX = { timeout: 300_000, maxWait: 30_000 };

type Generation = Pick<
  LaunchJob | LaunchSynthesis,
  | "providerId"
  | "temperature"
  | "maxTokens"
  | "topP"
  | "stop"
  | "providerSeed"
  | "reasoningEffort"
  | "thinkingBudget"
  | "stream"
  | "timeoutMs"
  | "mode"
>;

/** The teacher as it is now (endpoint, model, prices), frozen into the job. */
export async function frozenProvider(providerId: string): Promise<Pick<JobConfig, "provider" | "pricing">> {
  const p = await getProvider(providerId);
  return {
    provider: { id: p.id, name: p.name, kind: p.kind, baseUrl: p.baseUrl, model: p.model },
    pricing: { inputPerMTok: p.inputPricePerMTok, outputPerMTok: p.outputPricePerMTok },
  };
}

/** The request parameters frozen into the job; absent options stay absent. */
export function frozenParams(options: Generation): JobConfig["params"] {
  const params: JobConfig["params"] = {
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    stream: options.mode === "live" && options.stream,
    timeoutMs: options.timeoutMs,
  };
  if (options.topP !== undefined) params.topP = options.topP;
  if (options.stop?.length) params.stop = options.stop;
  if (options.providerSeed !== undefined) params.seed = options.providerSeed;
  if (options.reasoningEffort !== undefined) params.reasoningEffort = options.reasoningEffort;
  if (options.thinkingBudget !== undefined) params.thinkingBudget = options.thinkingBudget;
  return params;
}

export type NewItem = Omit<Prisma.JobItemCreateManyInput, "jobId" | "ordinal" | "status" | "availableAt">;

/** Writes the items in order, a batch at a time; returns how many. */
async function insertItems(tx: Tx, jobId: string, items: Iterable<NewItem>): Promise<number> {
  const now = new Date();
  let batch: Prisma.JobItemCreateManyInput[] = [];
  let ordinal = 0;
  for (const item of items) {
    batch.push({ ...item, jobId, ordinal: ordinal++, status: "pending", availableAt: now });
    if (batch.length === BATCH) {
      await tx.jobItem.createMany({ data: batch });
      batch = [];
    }
  }
  if (batch.length) await tx.jobItem.createMany({ data: batch });
  return ordinal;
}

/**
 * Writes the queued job (its columns from the frozen config), its items and the audit entry of
 * its launch; returns the job's id.
 */
export async function createJob(
  tx: Tx,
  launch: { name: string; config: JobConfig; itemCount: number; actorId: string | null },
  items: Iterable<NewItem>,
  audit: Record<string, unknown>,
): Promise<string> {
  const { name, config, itemCount, actorId } = launch;
  const job = await tx.job.create({
    data: {
      name,
      kind: config.kind,
      mode: config.mode,
      status: "queued",
      config,
      promptSetId: config.promptSet.id,
      providerId: config.provider.id,
      itemCount,
      createdById: actorId,
    },
  });
  await insertItems(tx, job.id, items);
  await recordAudit(
    { actorId, action: "job.launched", entityType: "job", entityId: job.id, data: audit },
    tx,
  );
  return job.id;
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace("T", " ");
}
