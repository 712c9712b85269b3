import "server-only";
import { usesReasoning } from "../teacher";
import type { Completion } from "../teacher";
import { allowedMessages, createPlanSampler } from "./sampling";
import type { JobConfig } from "./schemas";
import { CHOICE_MAX_TOKENS, parseStrategyChoice, STRATEGY_SYSTEM, strategyPrompt } from "./strategy";
import type { ExecuteContext, ItemResult, StrategyChoice } from "./types";

type Message = JobConfig["systemMessages"][number];

/**
 * Orca 2 cautious reasoning, as one attempt: the teacher first picks the strategy (a system
 * message) that fits the prompt, then answers under it. An unreadable pick falls back to the
 * plan's seeded choice for this item, and the trace says so.
 */
export async function executeCautious(
  ctx: ExecuteContext,
  prompt: { id: string; text: string; category: string | null },
  sampleIndex: number,
): Promise<ItemResult> {
  const { config, teacher, signal } = ctx;
  const candidates = allowedMessages(config.systemMessages, config.selection, prompt.category).filter(
    (m) => m.weight > 0,
  );
  const { params } = config;
  // A reasoning model thinks before it picks: it keeps the job's maxTokens.
  const choiceParams = usesReasoning(params)
    ? params
    : { ...params, maxTokens: Math.min(params.maxTokens, CHOICE_MAX_TOKENS) };
  const asked = await teacher.complete({
    ...choiceParams,
    system: STRATEGY_SYSTEM,
    prompt: strategyPrompt(prompt.text, candidates),
    signal,
  });
  const strategy = choose(asked, candidates, config, prompt, sampleIndex);
  const chosen = config.systemMessages.find((m) => m.versionId === strategy.versionId)!;
  const answer = await teacher.complete({ ...params, system: chosen.content, prompt: prompt.text, signal });
  return {
    kind: "trace",
    completion: answer,
    systemMessageVersionId: chosen.versionId,
    strategy,
    usage: {
      requests: 2,
      inputTokens: asked.usage.inputTokens + answer.usage.inputTokens,
      outputTokens: asked.usage.outputTokens + answer.usage.outputTokens,
    },
  };
}

function choose(
  asked: Completion,
  candidates: Message[],
  config: JobConfig,
  prompt: { id: string; category: string | null },
  sampleIndex: number,
): StrategyChoice {
  const reply = asked.text.slice(0, 2_000);
  const parsed = parseStrategyChoice(asked.text, candidates);
  const message = parsed ? candidates[parsed.index]! : seededChoice(config, prompt, sampleIndex);
  return {
    messageId: message.messageId,
    name: message.name,
    versionId: message.versionId,
    version: message.version,
    reply,
    chosenBy: parsed?.by ?? "fallback",
  };
}

/** The plan's seeded draw for this item: the strategy when the teacher's reply is unreadable. */
function seededChoice(
  config: JobConfig,
  prompt: { id: string; category: string | null },
  sampleIndex: number,
) {
  const versionId = createPlanSampler(config.systemMessages, config.selection)(prompt, sampleIndex);
  return config.systemMessages.find((m) => m.versionId === versionId)!;
}
