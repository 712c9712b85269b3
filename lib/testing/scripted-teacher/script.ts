import { z } from "zod";
import { BurstSchedule, Bursts429Schema } from "./bursts";
import { countWords, firstWords, renderReply } from "./reply";

const Latency = z.union([z.number().min(0), z.tuple([z.number().min(0), z.number().min(0)])]);
const Rate = z.number().min(0).max(1).default(0);

/**
 * 400: refuse the request as invalid (not worth retrying). timeout: hold the request (in a batch: the request expires). stall: a stream sends half its
 * events, then nothing (plain requests: like timeout). incomplete: a stream ends before its
 * finish (plain requests: malformed). drop: like timeout live; in a batch, no result at all.
 */
export const FaultSchema = z.enum([
  "400",
  "429",
  "500",
  "timeout",
  "malformed",
  "truncate",
  "stall",
  "incomplete",
  "drop",
]);
export type Fault = z.infer<typeof FaultSchema>;

/**
 * How the reply carries reasoning: a message field (vLLM/DeepSeek `reasoning_content`, OpenRouter
 * `reasoning`), inline `<think>…</think>` before the answer (or only `…</think>`, as servers that
 * open the tag in the prompt template send it), or Anthropic thinking blocks (`anthropic-redacted`
 * adds a redacted one). The OpenAI endpoint sends anthropic-* as reasoning_content; the Anthropic
 * endpoint sends field:* as a thinking block.
 */
export const ReasoningFormSchema = z.enum([
  "field:reasoning_content",
  "field:reasoning",
  "inline-think",
  "inline-think-unopened",
  "anthropic-thinking",
  "anthropic-redacted",
]);
export type ReasoningForm = z.infer<typeof ReasoningFormSchema>;

export const RuleSchema = z.object({
  match: z
    .object({ promptIncludes: z.string().optional(), systemIncludes: z.string().optional() })
    .prefault({}),
  reply: z.string().optional(),
  reasoning: ReasoningFormSchema.optional(),
  /** Template for the reasoning text (same placeholders as reply). */
  reasoningText: z.string().optional(),
  finishReason: z.enum(["stop", "length"]).optional(),
  latencyMs: Latency.optional(),
  fault: FaultSchema.optional(),
  times: z.number().int().positive().optional(),
});

/**
 * What the scripted teacher answers. The first matching rule wins (a rule with `times` applies
 * that many times, then falls through); otherwise the default reply. Random faults (rates 0..1)
 * come from a PRNG seeded by `seed`, one draw per request, so runs are reproducible.
 * A fault comes from, first to last: the matching rule's `fault`; a 429 burst (faults.bursts429,
 * which counts only the requests no rule's fault decided, and no batch requests); a random fault.
 */
export const ScriptSchema = z.object({
  defaults: z
    .object({
      latencyMs: Latency.default(0),
      reply: z.string().optional(),
      reasoning: ReasoningFormSchema.optional(),
      reasoningText: z.string().optional(),
    })
    .prefault({}),
  rules: z.array(RuleSchema).default([]),
  faults: z
    .object({
      rate429: Rate,
      retryAfterSeconds: z.number().min(0).default(1),
      rate500: Rate,
      rateTimeout: Rate,
      timeoutMs: z.number().min(0).default(60_000),
      rateMalformed: Rate,
      rateTruncate: Rate,
      bursts429: Bursts429Schema.optional(),
    })
    .prefault({}),
  seed: z.number().int().default(0x5eed),
  requireApiKey: z.string().optional(),
  /** Batch APIs: a batch ends this long after it was created (real time); `fail` fails it whole (OpenAI). */
  batch: z
    .object({ completeAfterMs: z.number().min(0).default(0), fail: z.string().optional() })
    .prefault({}),
  /** How many recent request bodies lastRequests() keeps. */
  keepRequests: z.number().int().min(0).max(10_000).default(50),
  /** How many recent chat/messages requests timeline() keeps. */
  keepTimeline: z.number().int().min(0).max(1_000_000).default(20_000),
});
export type Script = z.output<typeof ScriptSchema>;
export type ScriptInput = z.input<typeof ScriptSchema>;

export type TeacherCall = { system: string; prompt: string; maxTokens?: number };

export type Plan =
  /** `burst`: the faults.bursts429 burst it belongs to, when one decided it. */
  | { kind: "429"; latencyMs: number; retryAfterSeconds: number; burst?: number }
  | { kind: "400"; latencyMs: number }
  | { kind: "500"; latencyMs: number }
  | { kind: "malformed"; latencyMs: number }
  | { kind: "timeout"; timeoutMs: number; fault: "timeout" | "stall" | "drop" }
  | {
      kind: "reply";
      latencyMs: number;
      text: string;
      /** Reasoning sent apart from the text (inline forms are part of `text`). */
      reasoning?: { form: ReasoningForm; text: string; tokens: number };
      finishReason: "stop" | "length";
      inputTokens: number;
      /** Includes reasoning tokens. */
      outputTokens: number;
      /** A stream that stops short: half its events, then hang (stall) or close (incomplete). */
      cut?: "stall" | "incomplete";
    };

const DEFAULT_REASONING =
  'The question asks: "{{promptStart}}". {{systemStep}} Working it through, the answer comes to {{answer}}.';

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A script plus its mutable state (rule use counts, random sequence, burst schedule). */
export class ScriptState {
  private random!: () => number;
  private used!: number[];
  private bursts?: BurstSchedule;

  constructor(readonly script: Script) {
    this.reset();
  }

  /** Back to the state right after the script was set: same seed, rule counts at zero. */
  reset(): void {
    const { seed, rules, faults } = this.script;
    this.random = prng(seed);
    this.used = rules.map(() => 0);
    // Its own sequence, so turning bursts on leaves the other requests' faults and latencies as they were.
    this.bursts = faults.bursts429 && new BurstSchedule(faults.bursts429, prng((seed ^ 0x62757273) >>> 0));
  }

  /** `stream`: whether stream-only faults (stall, incomplete) apply as such. `batch`: no bursts. */
  plan(call: TeacherCall & { stream?: boolean; batch?: boolean }): Plan {
    const { script } = this;
    const rule = this.matchRule(call);
    // One draw per request, always, so a request sequence maps to one fault sequence.
    const draw = this.random();
    const limited = rule?.fault === undefined && !call.batch ? this.bursts?.next() : undefined;
    const fault = rule?.fault ?? this.randomFault(draw);
    const latencyMs = this.latency(rule?.latencyMs ?? script.defaults.latencyMs);
    // A provider refuses over-limit requests at the door: no latency (drawn all the same, as above).
    if (limited) return { kind: "429", latencyMs: 0, ...limited };
    const streamFault = call.stream && (fault === "stall" || fault === "incomplete") ? fault : undefined;
    if (fault === "timeout" || fault === "drop" || (fault === "stall" && !streamFault)) {
      return { kind: "timeout", timeoutMs: script.faults.timeoutMs, fault };
    }
    if (fault === "429")
      return { kind: "429", latencyMs, retryAfterSeconds: script.faults.retryAfterSeconds };
    if (fault === "500" || fault === "400") return { kind: fault, latencyMs };
    if (fault === "malformed" || (fault === "incomplete" && !streamFault))
      return { kind: "malformed", latencyMs };

    const form = rule?.reasoning ?? script.defaults.reasoning;
    const answer = renderReply(rule?.reply ?? script.defaults.reply, call.system, call.prompt);
    const thought = form
      ? renderReply(
          rule?.reasoningText ?? script.defaults.reasoningText ?? DEFAULT_REASONING,
          call.system,
          call.prompt,
        )
      : "";
    let text = answer;
    if (form === "inline-think") text = `<think>\n${thought}\n</think>\n\n${answer}`;
    if (form === "inline-think-unopened") text = `${thought}\n</think>\n\n${answer}`;
    const separate = form && !form.startsWith("inline-");
    let finishReason = rule?.finishReason ?? "stop";
    let words = countWords(text);
    if (fault === "truncate") {
      words = Math.max(1, Math.ceil(words / 2));
      text = firstWords(text, words);
      finishReason = "length";
    }
    if (call.maxTokens !== undefined && words > call.maxTokens) {
      words = call.maxTokens;
      text = firstWords(text, words);
      finishReason = "length";
    }
    const reasoningTokens = separate ? countWords(thought) : 0;
    return {
      kind: "reply",
      latencyMs,
      text,
      ...(separate ? { reasoning: { form, text: thought, tokens: reasoningTokens } } : {}),
      finishReason,
      inputTokens: countWords(call.system) + countWords(call.prompt),
      outputTokens: words + reasoningTokens,
      ...(streamFault ? { cut: streamFault } : {}),
    };
  }

  private matchRule(call: TeacherCall) {
    const { rules } = this.script;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const { promptIncludes, systemIncludes } = rule.match;
      if (promptIncludes !== undefined && !call.prompt.includes(promptIncludes)) continue;
      if (systemIncludes !== undefined && !call.system.includes(systemIncludes)) continue;
      if (rule.times !== undefined && this.used[i]! >= rule.times) continue;
      this.used[i]!++;
      return rule;
    }
    return undefined;
  }

  private randomFault(u: number): Fault | undefined {
    const f = this.script.faults;
    const order: Array<[Fault, number]> = [
      ["429", f.rate429],
      ["500", f.rate500],
      ["timeout", f.rateTimeout],
      ["malformed", f.rateMalformed],
      ["truncate", f.rateTruncate],
    ];
    let edge = 0;
    for (const [fault, rate] of order) {
      edge += rate;
      if (u < edge) return fault;
    }
    return undefined;
  }

  private latency(spec: number | [number, number]): number {
    if (typeof spec === "number") return spec;
    const [min, max] = spec;
    return min + Math.floor(this.random() * (Math.max(max, min) - min + 1));
  }
}
