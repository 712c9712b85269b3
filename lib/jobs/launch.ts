import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "../audit/audit";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { InvalidInputError, NotFoundError } from "../errors";
import { getProvider } from "../teacher";
import { createSampler } from "./sampling";
import { LaunchJobSchema, MAX_SEED, type JobConfig, type LaunchJob, type LaunchJobInput } from "./schemas";

const BATCH = 1_000;
// A launch writes every item in one transaction; large sets need more than Prisma's 5 s default.
const LAUNCH_TX = { timeout: 300_000, maxWait: 30_000 };

/**
 * Freezes the configuration, expands it into items (prompt x sample, with the system-message
 * version drawn from the seed) and writes the job with all its items in one transaction.
 */
export async function launchJob(input: LaunchJobInput, actorId: string | null): Promise<string> {
  const options = LaunchJobSchema.parse(input);
  const client = db();
  const promptSet = await client.promptSet.findUnique({ where: { id: options.promptSetId } });
  if (!promptSet) throw new NotFoundError("Prompt set", options.promptSetId);
  const prompts = await client.prompt.findMany({
    where: { promptSetId: promptSet.id },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (prompts.length === 0) {
    throw new InvalidInputError(
      `Prompt set "${promptSet.name}" has no prompts. Import prompts into it before launching a job.`,
    );
  }
  const {
    id,
    name: providerName,
    kind,
    baseUrl,
    model,
    inputPricePerMTok,
    outputPricePerMTok,
  } = await getProvider(options.providerId);
  const provider = { id, name: providerName, kind, baseUrl, model };
  const systemMessages = await chosenMessages(options.systemMessageIds);
  const seed = options.seed ?? randomInt(0, MAX_SEED);
  const sample = createSampler(seed, systemMessages, options.selection);

  const config: JobConfig = {
    promptSet: { id: promptSet.id, name: promptSet.name, promptCount: prompts.length },
    systemMessages,
    selection: { mode: options.selection, seed },
    provider,
    params: {
      temperature: options.temperature,
      maxTokens: options.maxTokens,
      stream: false,
      timeoutMs: 180_000,
    },
    samplesPerPrompt: options.samplesPerPrompt,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    kind: "traces",
    mode: "live",
    cautious: null,
    synthesis: null,
    pricing: { inputPerMTok: inputPricePerMTok, outputPerMTok: outputPricePerMTok },
  };
  const itemCount = prompts.length * options.samplesPerPrompt;
  const name = options.name ?? defaultName(promptSet.name, provider.model);
  const now = new Date();

  return client.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        name,
        status: "queued",
        config,
        promptSetId: promptSet.id,
        providerId: provider.id,
        itemCount,
        createdById: actorId,
      },
    });
    let batch: Prisma.JobItemCreateManyInput[] = [];
    let ordinal = 0;
    for (const prompt of prompts) {
      for (let sampleIndex = 0; sampleIndex < options.samplesPerPrompt; sampleIndex++) {
        batch.push({
          jobId: job.id,
          ordinal: ordinal++,
          promptId: prompt.id,
          sampleIndex,
          systemMessageVersionId: sample(prompt.id, sampleIndex),
          status: "pending",
          availableAt: now,
        });
        if (batch.length === BATCH) {
          await tx.jobItem.createMany({ data: batch });
          batch = [];
        }
      }
    }
    if (batch.length) await tx.jobItem.createMany({ data: batch });
    await recordAudit(
      {
        actorId,
        action: "job.launched",
        entityType: "job",
        entityId: job.id,
        data: { name, itemCount, promptSetId: promptSet.id, providerId: provider.id, seed },
      },
      tx,
    );
    return job.id;
  }, LAUNCH_TX);
}

/** The current version of each chosen message (default: every enabled one), checked usable. */
async function chosenMessages(ids: LaunchJob["systemMessageIds"]): Promise<JobConfig["systemMessages"]> {
  const rows = await db().systemMessage.findMany({
    where: ids ? { id: { in: ids } } : { enabled: true },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { name: "asc" },
  });
  if (ids) {
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new NotFoundError("System message", missing[0]);
    const disabled = rows.filter((r) => !r.enabled).map((r) => `"${r.name}"`);
    if (disabled.length) {
      throw new InvalidInputError(
        `System message ${disabled.join(", ")} is disabled. Enable it in the bank or leave it out of the job.`,
      );
    }
  }
  if (rows.length === 0) {
    throw new InvalidInputError("The bank has no enabled system messages. Add or enable one first.");
  }
  return rows.map((row) => {
    const current = row.versions[0];
    if (!current) throw new InvalidInputError(`System message "${row.name}" has no text yet. Edit it first.`);
    return {
      messageId: row.id,
      name: row.name,
      versionId: current.id,
      version: current.version,
      weight: row.weight,
      content: current.content,
    };
  });
}

function defaultName(setName: string, model: string): string {
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  return `${setName} × ${model} ${stamp}`;
}
