import { z } from "zod";

export const ProviderKindSchema = z.enum(["openai", "anthropic"]);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

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
// Empty means the SDK's default (api.openai.com or api.anthropic.com).
const baseUrl = z
  .string()
  .trim()
  .max(500, "Keep the base URL under 500 characters.")
  .nullish()
  .transform((v) => (v ? v.replace(/\/+$/, "") : null))
  .refine((v) => v === null || isHttpUrl(v), {
    message: "The base URL must be an http:// or https:// URL, e.g. http://localhost:8000/v1.",
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
 * form while editing, using the stored key when the key field is left blank.
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
