import "server-only";
import { dbKind, Prisma, type Tx } from "../db/client";
import { contentHash, cuid } from "../prompts";
import type { Done, LeasedItem } from "../runner/kind";
import type { JobConfig } from "./schemas";
import { outcomeOf } from "./outcome";
import { recordedParams } from "./params";
import { bufferTraceCreates } from "./trace-buffer";
import type { ItemResult, SynthesizedPrompt } from "./types";

/** Writes what attempts produced, inside the runner's fenced completion transaction. */
export async function writeResults(tx: Tx, done: Array<Done<ItemResult>>, config: JobConfig): Promise<void> {
  const buffer = bufferTraceCreates(tx);
  for (const { item, result } of done) await writeResult(buffer.tx, item, result, config);
  await buffer.flush();
}

/** One result, written at once (writeResults groups them). */
export async function writeResult(
  tx: Tx,
  item: LeasedItem,
  result: ItemResult,
  config: JobConfig,
): Promise<void> {
  const costUsd = outcomeOf(result, config).usage.costUsd;
  if (result.kind === "prompts") {
    await writePrompts(tx, item, result.prompts, config);
    return;
  }
  const { completion } = result;
  await tx.trace.create({
    data: {
      itemId: item.id,
      jobId: item.jobId,
      promptId: item.promptId!,
      systemMessageVersionId: result.systemMessageVersionId,
      model: completion.model,
      params: recordedParams(config) as Prisma.InputJsonObject,
      content: completion.text,
      reasoning: completion.reasoning ?? null,
      strategy: result.strategy ?? undefined,
      systemPromptErasable: result.strategy !== null,
      requestMode: config.mode === "batch" ? "batch" : config.params.stream ? "stream" : "live",
      finishReason: completion.finishReason,
      truncated: completion.finishReason === "length",
      inputTokens: completion.usage.inputTokens,
      outputTokens: completion.usage.outputTokens,
      reasoningTokens: completion.usage.reasoningTokens ?? 0,
      costUsd,
      latencyMs: Math.round(completion.latencyMs),
    },
  });
  // Cautious items get their system message only now, from the teacher's choice.
  if (item.systemMessageVersionId !== result.systemMessageVersionId) {
    await tx.jobItem.update({
      where: { id: item.id },
      data: { systemMessageVersionId: result.systemMessageVersionId },
    });
  }
}

/**
 * Inserts the prompts into the job's target set. ON CONFLICT DO NOTHING, not try/catch: a failed
 * INSERT would abort the whole transaction on PostgreSQL. The unique (synthesisItemId,
 * synthesisIndex) keeps a re-run item from writing twice; (promptSetId, contentHash) skips
 * prompts the set already holds.
 */
async function writePrompts(tx: Tx, item: LeasedItem, prompts: SynthesizedPrompt[], config: JobConfig) {
  const at = new Date();
  const createdAt =
    dbKind() === "postgres"
      ? Prisma.sql`CAST(${at} AS TIMESTAMP(3))`
      : Prisma.sql`${at.toISOString().replace("Z", "+00:00")}`;
  const origin = config.synthesis?.method ?? "topic-graph";
  let written = 0;
  for (const [index, p] of prompts.entries()) {
    written += await tx.$executeRaw`
      INSERT INTO "Prompt" ("id", "promptSetId", "text", "category", "source", "contentHash", "origin",
        "parentPromptId", "topic", "operation", "synthesisItemId", "synthesisIndex", "createdAt")
      VALUES (${cuid()}, ${config.promptSet.id}, ${p.text}, ${p.category}, ${`job ${item.jobId}`},
        ${contentHash(p.text)}, ${origin}, ${p.parentPromptId}, ${p.topic}, ${p.operation}, ${item.id},
        ${index}, ${createdAt})
      ON CONFLICT DO NOTHING`;
  }
  const previous = await tx.jobItem.findUnique({ where: { id: item.id }, select: { payload: true } });
  const payload = (previous?.payload ?? {}) as Prisma.InputJsonObject;
  await tx.jobItem.update({
    where: { id: item.id },
    data: { payload: { ...payload, written, duplicates: prompts.length - written } },
  });
}
