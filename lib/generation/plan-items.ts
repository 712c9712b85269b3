import "server-only";
import type { PlanFrom, PlanStep } from "../runner";
import { promptPages, type PromptCursor } from "./prompt-pages";
import { createPlanSampler } from "./sampling";
import type { SynthesisConfig, TracesConfig } from "./schemas";

/**
 * A trace job's items: every prompt of the set as of launch x K samples, each with the system
 * message drawn from the job's seed (none in cautious mode: the teacher picks it when the item
 * runs; the draw still checks that every prompt can be served, and is the fallback later).
 */
export async function* planTraces(config: TracesConfig, from: PlanFrom): AsyncGenerator<PlanStep> {
  const sample = createPlanSampler(config.systemMessages, config.selection);
  const samples = config.samplesPerPrompt;
  const { id, asOf } = config.promptSet;
  for await (const page of promptPages(id, asOf, from.cursor as PromptCursor | null)) {
    const items = page.prompts.flatMap((prompt) =>
      Array.from({ length: samples }, (_, sampleIndex) => {
        const versionId = sample(prompt, sampleIndex);
        return {
          promptId: prompt.id,
          sampleIndex,
          systemMessageVersionId: config.cautious ? null : versionId,
        };
      }),
    );
    yield { items, cursor: page.cursor };
  }
}

/** A synthesis job's items: one per topic (topic graph), or per source prompt and operation (Evol-Instruct). */
export async function* planSynthesis(config: SynthesisConfig, from: PlanFrom): AsyncGenerator<PlanStep> {
  const s = config.synthesis;
  if (s.method === "topic-graph") {
    if (from.planned > 0) return; // one step: written already
    const n = s.promptsPerTopic;
    yield {
      items: s.topics.map((topic) => ({ promptId: null, sampleIndex: 0, payload: { topic, n } })),
      cursor: "topics",
    };
    return;
  }
  const operations = s.operations;
  const asOf = config.promptSet.asOf;
  for await (const page of promptPages(s.sourcePromptSetId, asOf, from.cursor as PromptCursor | null)) {
    const items = page.prompts.flatMap((prompt) =>
      operations.map((operation, sampleIndex) => ({
        promptId: prompt.id,
        sampleIndex,
        payload: { operation },
      })),
    );
    yield { items, cursor: page.cursor };
  }
}
