import type { Estimate, EstimateInput } from "../runner";
import type { JobConfig } from "./schemas";

// Chat framing (roles, separators) the provider counts on top of the texts.
const FRAMING_TOKENS = 16;
// Synthesis and cautious requests wrap the texts in instructions we do not see from here.
const WRAPPER_CHARS = 2_000;

/** At most one token per two characters of text: an upper bound for ordinary text (and for
 * the scripted teacher, which counts whitespace-separated words). */
const half = (chars: number) => Math.ceil(chars / 2);

/**
 * A conservative guess of an attempt's cost before sending it: input characters / 2 plus the
 * whole output allowance. The reservation is reconciled down to the real usage when the call
 * ends, so over-estimating only delays later requests briefly.
 */
export function estimateAttempt(config: JobConfig, input: EstimateInput): Estimate {
  const output = config.params.maxTokens;
  const prompt = input.promptText?.length ?? 0;
  if (config.kind === "synthesis" || config.synthesis) {
    const payload = input.payload == null ? 0 : JSON.stringify(input.payload).length;
    const chars = synthesisChars(config) + prompt + payload + WRAPPER_CHARS;
    return { requests: 1, tokens: half(chars) + output + FRAMING_TOKENS };
  }
  const messages = config.systemMessages.map((m) => m.content.length);
  if (config.cautious) {
    // Two calls: choosing a strategy among all messages, then answering under the chosen one.
    const all = messages.reduce((a, b) => a + b, 0);
    const perCall = half(all) + half(prompt + WRAPPER_CHARS) + output + FRAMING_TOKENS;
    return { requests: 2, tokens: 2 * perCall };
  }
  const chosen = config.systemMessages.find((m) => m.versionId === input.systemMessageVersionId);
  const system = chosen ? chosen.content.length : Math.max(0, ...messages);
  return { requests: 1, tokens: half(system) + half(prompt) + output + FRAMING_TOKENS };
}

function synthesisChars(config: JobConfig): number {
  const synthesis = config.synthesis;
  if (!synthesis) return 0;
  if (synthesis.method === "topic-graph") return synthesis.template.length;
  const instructions = Object.values(synthesis.instructions ?? {}).map((text) => text.length);
  return Math.max(0, ...instructions);
}
