import "server-only";
import type { Completion } from "../../teacher/types";
import { allowedMessages, createPlanSampler } from "../sampling";
import type { JobConfig } from "../schemas";
import { requestParams } from "./params";
import { parseStrategyChoice, STRATEGY_SYSTEM, strategyPrompt } from "./strategy";
import type { ExecuteContext, ItemResult, StrategyChoice } from "./types";

// Enough for a number or a name. A reasoning model spends maxTokens on its reasoning first (and a
// thinking budget needs maxTokens above it), so keep the job's maxTokens for those.
const CHOICE_MAX_TOKENS = 256;

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
  const params = requestParams(config);
  const choiceParams =
    params.thinkingBudget === undefined && params.reasoningEffort === undefined
      ? { ...params, maxTokens: Math.min(params.maxTokens, CHOICE_MAX_TOKENS) }
      : params;
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
  const message = parsed
    ? candidates[parsed.index]!
    : config.systemMessages.find(
        (m) =>
          m.versionId === createPlanSampler(config.systemMessages, config.selection)(prompt, sampleIndex),
      )!;
  return {
    messageId: message.messageId,
    name: message.name,
    versionId: message.versionId,
    version: message.version,
    reply,
    chosenBy: parsed?.by ?? "fallback",
  };
}
