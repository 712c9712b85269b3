import { z } from "zod";
import { readBaseUrl } from "./base-url";

export const ProviderKindSchema = z.enum(["openai", "anthropic"]);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

const name = z
  .string()
  .trim()
  .min(1, "Give the teacher a name.")
  .max(100, "Keep the name under 100 characters.");
const model = z
  .string()
  .trim()
  .min(1, "Name the model, e.g. gpt-4o-mini or llama3.1:8b.")
  .max(200, "Keep the model name under 200 characters.");
// Empty means the SDK's default (api.openai.com or api.anthropic.com); otherwise read strictly
// (base-url.ts) and kept in its normal form.
const baseUrl = z
  .string()
  .trim()
  .max(500, "Keep the base URL under 500 characters.")
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const read = readBaseUrl(v);
    if (read.ok) return read.url;
    ctx.addIssue({ code: "custom", message: read.message });
    return z.NEVER;
  });
// Blank means "no key" when creating and "keep the stored key" when editing.
const apiKey = z
  .string()
  .trim()
  .max(4000, "That API key is too long.")
  .nullish()
  .transform((v) => v || undefined);
const price = z
  .number("Prices are numbers: dollars per million tokens.")
  .min(0, "Prices cannot be negative.")
  .max(1_000_000, "That price is too high: it is per million tokens.")
  .nullish()
  .transform((v) => v ?? null);

// Limits shared by every job and worker using the provider; empty means no limit.
const limit = (label: string, max: number) =>
  z
    .number(`${label} is a number.`)
    .int(`${label} must be a whole number.`)
    .min(1, `${label} must be at least 1; leave it empty for no limit.`)
    .max(max, `${label} can be at most ${max.toLocaleString("en-US")}.`)
    .nullish()
    .transform((v) => v ?? null);

/** A teacher as a person enters it on /teachers. */
export const ProviderInputSchema = z.object({
  name,
  kind: ProviderKindSchema,
  baseUrl,
  model,
  apiKey,
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  maxConcurrency: limit("Max concurrency", 10_000),
  requestsPerMinute: limit("Requests per minute", 10_000_000),
  tokensPerMinute: limit("Tokens per minute", 1_000_000_000),
});
export type ProviderInput = z.infer<typeof ProviderInputSchema>;
export type ProviderFormValues = z.input<typeof ProviderInputSchema>;

export const UpdateProviderSchema = ProviderInputSchema.extend({
  id: z.string().min(1),
  /** Clears the stored key (a blank apiKey alone keeps it). */
  removeKey: z.boolean().default(false),
});
export type UpdateProviderInput = z.infer<typeof UpdateProviderSchema>;

export const ProviderIdSchema = z.object({ id: z.string().min(1) });

/** What it takes to talk to a teacher. */
export const ConnectionConfigSchema = ProviderInputSchema.pick({
  kind: true,
  baseUrl: true,
  model: true,
  apiKey: true,
});
export type ConnectionConfig = z.infer<typeof ConnectionConfigSchema>;

/**
 * Test a saved teacher (providerId), or unsaved form values (config); both together test the
 * form while editing: a blank key field uses the stored key only if kind and base URL are the
 * saved ones (the key goes only to its endpoint), and removeKey tests without it.
 */
export const TestConnectionSchema = z
  .object({
    providerId: z.string().min(1).optional(),
    config: ConnectionConfigSchema.optional(),
    removeKey: z.boolean().default(false),
  })
  .refine((v) => v.providerId !== undefined || v.config !== undefined, {
    message: "Choose a saved teacher or fill in the form to test.",
  });
export type TestConnectionInput = z.infer<typeof TestConnectionSchema>;

/** How hard a reasoning model should think (OpenAI-compatible `reasoning_effort`, Anthropic effort). */
export const ReasoningEffortSchema = z.enum(["low", "medium", "high"]);
export type ReasoningEffort = z.infer<typeof ReasoningEffortSchema>;

/** Seeds are 32-bit signed integers: the provider's sampling seed, and a job's plan seed. */
export const MAX_SEED = 2_147_483_647;
/** A request's whole-call deadline when nothing else is said. */
export const DEFAULT_TIMEOUT_MS = 180_000;

const whole = (label: string, min: number, max: number) =>
  z
    .number()
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** Each request parameter's rule, in words for the person who set it (no defaults: see below). */
export const RequestParamFields = z.object({
  temperature: z
    .number()
    .min(0, "Temperature must be between 0 and 2.")
    .max(2, "Temperature must be between 0 and 2."),
  maxTokens: whole("Max tokens", 1, 32_768),
  /** Nucleus sampling, where the provider takes it. */
  topP: z.number().gt(0, "Top P must be above 0.").max(1, "Top P must be at most 1."),
  // An empty list is no stop sequences.
  stop: z
    .array(z.string().min(1, "A stop sequence cannot be empty.").max(200, "Keep stop sequences short."))
    .max(4, "Give at most 4 stop sequences.")
    .transform((v) => (v.length ? v : undefined)),
  /** The provider's sampling seed (OpenAI-compatible `seed`), not a job's plan seed. */
  seed: whole("Provider seed", 0, MAX_SEED),
  reasoningEffort: ReasoningEffortSchema,
  /** Anthropic extended thinking: budget_tokens (>= 1024, below maxTokens). */
  thinkingBudget: whole("Thinking budget", 1024, 131_072),
  /** Stream the response (server-sent events) instead of waiting for one body. */
  stream: z.boolean(),
  /** The whole call's deadline (connect, wait, read). */
  timeoutMs: whole("Timeout", 1_000, 3_600_000),
});

/** What a launch leaves unset becomes this (the launch forms start from these values too). */
export const REQUEST_DEFAULTS = {
  temperature: 0.7,
  maxTokens: 1024,
  stream: false,
  timeoutMs: DEFAULT_TIMEOUT_MS,
} satisfies Partial<z.output<typeof RequestParamFields>>;

// What is frozen, sent and stored holds only what was set: no undefined keys.
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The request parameters a teacher call carries, one schema from the launch form to the stored
 * trace: a launch sends what it set (defaults fill the rest), the job freezes the output, and
 * every request sends that as it is. Parsing the output again gives it back unchanged.
 */
export const RequestParamsSchema = RequestParamFields.partial()
  .transform((p) => ({ ...REQUEST_DEFAULTS, ...present(p) }))
  .superRefine((p, ctx) => {
    if (p.thinkingBudget !== undefined && p.thinkingBudget >= p.maxTokens) {
      ctx.addIssue({
        code: "custom",
        path: ["thinkingBudget"],
        message: "The thinking budget must be below Max tokens (the answer needs room too).",
      });
    }
  });
export type RequestParams = z.output<typeof RequestParamsSchema>;
export type RequestParamsInput = z.input<typeof RequestParamsSchema>;

type Lenient<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.ZodCatch<z.ZodOptional<S[K]>> };
const lenient = <S extends Record<string, z.ZodType>>(shape: S) =>
  Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional().catch(undefined)])) as Lenient<S>;

/** Stored params read leniently (older or hand-written records): a field that does not parse is absent. */
export const StoredRequestParamsSchema = z.object(lenient(RequestParamFields.shape)).catch({});

/** A reasoning model thinks before it replies: the params set an effort or a thinking budget. */
export const usesReasoning = (p: Pick<RequestParamsInput, "reasoningEffort" | "thinkingBudget">) =>
  p.reasoningEffort !== undefined || p.thinkingBudget !== undefined;
