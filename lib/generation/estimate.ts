import "server-only";
import { db } from "../db";
import { BATCH_PRICE_FACTOR, estimateCost, getProvider } from "../teacher";
import { averageOutputTokens } from "../traces";
import { CHOICE_MAX_TOKENS, summarize } from "./strategy";
import type { EstimateQuery } from "./schemas";
import { evolInstruction } from "./synthesis/evol-operations";

const CHARS_PER_TOKEN = 4;
// The strategy question around the task and menu, and the short reply it typically gets.
const STRATEGY_OVERHEAD_CHARS = 420;
const STRATEGY_REPLY_TYPICAL_TOKENS = 4;

export type JobEstimate = {
  items: number;
  requests: number;
  inputTokens: number;
  outputTokens: { max: number; typical: number | null };
  /** Past traces of this teacher the typical output comes from. */
  typicalFrom: number;
  /** Null when the teacher has no prices. */
  cost: { about: number | null; atMost: number } | null;
  batchDiscount: boolean;
};

type Work = { items: number; requests: number; inputChars: number; strategyItems: number };

/**
 * Requests, tokens and dollars a launch would spend, before launching. Input tokens come from the
 * real texts (characters / 4, summed by one aggregate query); output is bounded by maxTokens, and
 * typically this teacher's average output so far; batches cost half.
 */
export async function estimateJob(query: EstimateQuery): Promise<JobEstimate> {
  const provider = await getProvider(query.providerId);
  const work = await workOf(query);
  const history = await averageOutputTokens(provider.id);
  const perAnswer = history.average;
  const answerCalls = work.requests - work.strategyItems;
  // As executeCautious: a reasoning model's strategy question keeps the job's maxTokens.
  const choiceMax = query.reasoning ? query.maxTokens : Math.min(query.maxTokens, CHOICE_MAX_TOKENS);
  const max = answerCalls * query.maxTokens + work.strategyItems * choiceMax;
  const typical =
    perAnswer === null
      ? null
      : Math.round(answerCalls * Math.min(perAnswer, query.maxTokens)) +
        work.strategyItems * STRATEGY_REPLY_TYPICAL_TOKENS;
  const inputTokens = Math.ceil(work.inputChars / CHARS_PER_TOKEN);
  const priced = provider.inputPricePerMTok !== null || provider.outputPricePerMTok !== null;
  const factor = query.mode === "batch" ? BATCH_PRICE_FACTOR : 1;
  const dollars = (output: number) => (estimateCost(provider, inputTokens, output) ?? 0) * factor;
  return {
    items: work.items,
    requests: work.requests,
    inputTokens,
    outputTokens: { max, typical },
    typicalFrom: history.count,
    cost: priced ? { about: typical === null ? null : dollars(typical), atMost: dollars(max) } : null,
    batchDiscount: query.mode === "batch",
  };
}

async function workOf(query: EstimateQuery): Promise<Work> {
  if (query.kind === "topic-graph") {
    return {
      items: query.topics,
      requests: query.topics,
      inputChars: query.topicInputChars,
      strategyItems: 0,
    };
  }
  const prompts = query.promptSetId ? await promptTotals(query.promptSetId) : { count: 0, chars: 0 };
  if (query.kind === "evol-instruct") {
    const ops = query.operations;
    const instructionChars = ops.reduce((sum, op) => sum + evolInstruction(op).length - "{prompt}".length, 0);
    const items = prompts.count * ops.length;
    return {
      items,
      requests: items,
      inputChars: prompts.chars * ops.length + prompts.count * instructionChars,
      strategyItems: 0,
    };
  }
  const messages = await messagesOf(query.messageIds);
  const samples = query.samplesPerPrompt;
  const items = prompts.count * samples;
  const usable = messages.filter((m) => m.weight > 0);
  const totalWeight = usable.reduce((s, m) => s + (query.selection === "uniform" ? 1 : m.weight), 0);
  // The expected system message: its length averaged as the sampler weighs it.
  const systemChars =
    totalWeight === 0
      ? 0
      : usable.reduce((s, m) => s + m.chars * (query.selection === "uniform" ? 1 : m.weight), 0) /
        totalWeight;
  let inputChars = prompts.chars * samples + items * systemChars;
  const strategyItems = query.cautious ? items : 0;
  if (query.cautious) {
    const menuChars = usable.reduce((s, m) => s + m.name.length + summarize(m.content).length + 6, 0);
    inputChars += prompts.chars * samples + items * (menuChars + STRATEGY_OVERHEAD_CHARS);
  }
  return { items, requests: items + strategyItems, inputChars, strategyItems };
}

/** Count and total characters of a set's prompts, in one aggregate query on either database. */
async function promptTotals(promptSetId: string): Promise<{ count: number; chars: number }> {
  const [row] = await db().$queryRaw<Array<{ n: bigint | number; chars: bigint | number | null }>>`
    SELECT COUNT(*) AS "n", SUM(LENGTH("text")) AS "chars" FROM "Prompt" WHERE "promptSetId" = ${promptSetId}`;
  return { count: Number(row?.n ?? 0), chars: Number(row?.chars ?? 0) };
}

async function messagesOf(ids: string[]) {
  const rows = await db().systemMessage.findMany({
    where: ids.length ? { id: { in: ids } } : { enabled: true },
    select: {
      name: true,
      weight: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { content: true } },
    },
  });
  return rows.flatMap((r) => {
    const content = r.versions[0]?.content;
    return content === undefined ? [] : [{ name: r.name, weight: r.weight, content, chars: content.length }];
  });
}
