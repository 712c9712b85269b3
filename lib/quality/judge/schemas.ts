import { z } from "zod";
// The schema modules themselves: client forms import this file, and those indexes are server-only.
import { RunModeSchema } from "../../generation/schemas";
import { LaunchKeySchema } from "../../runner/schemas";
import { ProviderKindSchema, RequestParamsSchema } from "../../teacher/schemas";
import { ScanScopeSchema } from "../schemas";

// The LLM-as-judge's vocabulary: rubrics with immutable versions, the run's launch input and its
// frozen job config. One schema per concept; forms, actions, the kind and tests import these.

export const RUBRIC_NAME_MAX = 100;
export const RUBRIC_INSTRUCTIONS_MAX = 10_000;
export const MAX_SCALE = 10;

const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(200);
const whole = (label: string, min: number, max: number) =>
  z
    .number(`${label} is a number.`)
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** What a version of a rubric says: instructions, scored 1..scale, "approve" from passScore up. */
export const RubricVersionFieldsSchema = z
  .object({
    instructions: z
      .string()
      .trim()
      .min(1, "Write what the judge should look for.")
      .max(RUBRIC_INSTRUCTIONS_MAX, `Keep the instructions under ${RUBRIC_INSTRUCTIONS_MAX} characters.`),
    scale: whole("The scale", 2, MAX_SCALE).default(5),
    passScore: whole("The pass score", 1, MAX_SCALE).default(4),
  })
  .refine((v) => v.passScore <= v.scale, {
    message: "The pass score must be on the scale (at most its top score).",
    path: ["passScore"],
  });
export type RubricVersionFields = z.input<typeof RubricVersionFieldsSchema>;

export const CreateRubricSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Name the rubric.")
      .max(RUBRIC_NAME_MAX, `Keep the name under ${RUBRIC_NAME_MAX} characters.`),
  })
  .and(RubricVersionFieldsSchema);
export type CreateRubricInput = z.input<typeof CreateRubricSchema>;

/** Version N+1 of a rubric; `baseVersion` refuses saving over a version added meanwhile. */
export const AddRubricVersionSchema = z
  .object({ rubricId: id("rubric"), baseVersion: z.number().int().min(1).optional() })
  .and(RubricVersionFieldsSchema);
export type AddRubricVersionInput = z.input<typeof AddRubricVersionSchema>;

/** A judge run's request parameters start from these: deterministic, room for a short reason. */
export const JUDGE_PARAM_DEFAULTS = { temperature: 0, maxTokens: 512 } as const;

// What the form left out (or sent as undefined) takes the judge's defaults, then the teacher's.
const JudgeParamsSchema = z.preprocess(
  (given) => ({
    ...JUDGE_PARAM_DEFAULTS,
    ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)),
  }),
  RequestParamsSchema,
);

/** What a person chooses when running the judge; defaults fill the rest. */
export const StartJudgeSchema = z
  .object({
    launchKey: LaunchKeySchema.optional(),
    rubricVersionId: id("rubric version"),
    scope: ScanScopeSchema.default({}),
    providerId: id("teacher"),
    params: JudgeParamsSchema.optional().transform((p) => p ?? JudgeParamsSchema.parse({})),
    mode: RunModeSchema.default("live"),
    concurrency: whole("Concurrency", 1, 64).default(4),
    maxAttempts: whole("Max attempts", 1, 10).default(3),
    /** Only traces this rubric version has not scored yet (a re-run after new traces arrived). */
    onlyPending: z.boolean().default(false),
  })
  .refine((v) => !(v.mode === "batch" && v.params.stream), {
    message: "Streaming applies to live runs only: turn it off for a batch run.",
    path: ["params", "stream"],
  });
export type StartJudgeInput = z.input<typeof StartJudgeSchema>;

/** The rubric version a job judges by, frozen at launch (versions never change; names might). */
export const FrozenRubricSchema = z.object({
  rubricId: z.string(),
  name: z.string(),
  version: z.number().int(),
  instructions: z.string(),
  scale: z.number().int().min(2).max(MAX_SCALE),
  passScore: z.number().int().min(1).max(MAX_SCALE),
});
export type FrozenRubric = z.infer<typeof FrozenRubricSchema>;

/** A judge run as a runner job's frozen config. Never the API key. */
export const QualityJudgeConfigSchema = z.object({
  kind: z.literal("quality-judge"),
  rubricVersionId: z.string(),
  rubric: FrozenRubricSchema,
  scope: ScanScopeSchema,
  provider: z.object({
    id: z.string(),
    name: z.string(),
    kind: ProviderKindSchema,
    baseUrl: z.string().nullable(),
    model: z.string(),
  }),
  /** Prices frozen at launch, per million tokens; batch requests cost less. */
  pricing: z.object({ inputPerMTok: z.number().nullable(), outputPerMTok: z.number().nullable() }),
  params: RequestParamsSchema,
  concurrency: z.number().int().min(1),
  maxAttempts: z.number().int().min(1),
  mode: RunModeSchema,
  onlyPending: z.boolean().default(false),
  actorId: z.string().nullable(),
  /** Traces read per planning step. */
  batch: z.number().int().min(1).default(500),
});
export type QualityJudgeConfig = z.infer<typeof QualityJudgeConfigSchema>;
