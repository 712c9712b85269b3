import "server-only";
import { cuid, type Prisma, type Tx } from "../db";
import { contentHash, insertPromptRows } from "../prompts";
import type { Done, LeasedItem } from "../runner";
import { checkArrivingTraces } from "../quality";
import { insertTraces, type NewTrace } from "../traces";
import { outcomeOf } from "./outcome";
import type { JobConfig } from "./schemas";
import type { ItemResult, SynthesizedPrompt } from "./types";

/**
 * Writes what attempts produced, inside the runner's fenced completion transaction: the traces of
 * the group in one multi-row insert, synthesized prompts item by item (each counts its own).
 */
export async function writeResults(tx: Tx, done: Array<Done<ItemResult>>, config: JobConfig): Promise<void> {
  const traces: Array<NewTrace & { id: string }> = [];
  for (const { item, result, usage } of done) {
    if (result.kind === "prompts") await writePrompts(tx, item, result.prompts, config);
    else traces.push(traceRow(item, result, config, usage.costUsd));
  }
  await insertTraces(tx, traces);
  // Checked as they arrive: verdicts beside the trace from its first minute in review.
  await checkArrivingTraces(
    tx,
    traces.map((t) => ({ ...t, maxTokens: config.params.maxTokens ?? null })),
  );
  // Cautious items get their system message only now, from the teacher's choice.
  for (const { item, result } of done) {
    if (result.kind === "trace" && item.systemMessageVersionId !== result.systemMessageVersionId) {
      await tx.jobItem.update({
        where: { id: item.id },
        data: { systemMessageVersionId: result.systemMessageVersionId },
      });
    }
  }
}

/** One result, written at once (the runner writes groups through writeResults). */
export function writeResult(tx: Tx, item: LeasedItem, result: ItemResult, config: JobConfig): Promise<void> {
  return writeResults(tx, [{ item, ...outcomeOf(result, config) }], config);
}

function traceRow(
  item: LeasedItem,
  result: Extract<ItemResult, { kind: "trace" }>,
  config: JobConfig,
  costUsd: number,
): NewTrace & { id: string } {
  const { completion } = result;
  return {
    id: cuid(),
    itemId: item.id,
    jobId: item.jobId,
    promptId: item.promptId!,
    systemMessageVersionId: result.systemMessageVersionId,
    model: completion.model,
    // What every request of the job carried, plus the run mode.
    params: { ...config.params, mode: config.mode } satisfies Prisma.InputJsonObject,
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
    checkedAt: new Date(),
  };
}

/**
 * Inserts the prompts into the job's target set. The unique (synthesisItemId, synthesisIndex)
 * keeps a re-run item from writing twice; (promptSetId, contentHash) skips prompts the set holds.
 */
async function writePrompts(tx: Tx, item: LeasedItem, prompts: SynthesizedPrompt[], config: JobConfig) {
  const origin = config.synthesis?.method ?? "topic-graph";
  const createdAt = new Date();
  const written = await insertPromptRows(
    tx,
    prompts.map((p, index) => ({
      promptSetId: config.promptSet.id,
      text: p.text,
      category: p.category,
      source: `job ${item.jobId}`,
      contentHash: contentHash(p.text),
      origin,
      parentPromptId: p.parentPromptId,
      topic: p.topic,
      operation: p.operation,
      synthesisItemId: item.id,
      synthesisIndex: index,
      createdAt,
    })),
  );
  const previous = await tx.jobItem.findUnique({ where: { id: item.id }, select: { payload: true } });
  const payload = (previous?.payload ?? {}) as Prisma.InputJsonObject;
  await tx.jobItem.update({
    where: { id: item.id },
    data: { payload: { ...payload, written, duplicates: prompts.length - written } },
  });
}
