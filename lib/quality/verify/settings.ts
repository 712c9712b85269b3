import { z } from "zod";
import { InvalidInputError } from "../../errors";

/**
 * How a teacher's final answer is compared with a prompt's reference answer. `auto` picks one
 * from the reference's shape (choose-method.ts).
 */
export const VERIFY_METHODS = ["auto", "numeric", "exact", "choice", "regex", "symbolic"] as const;
export const VerifyMethodSchema = z.enum(VERIFY_METHODS);
export type VerifyMethod = z.infer<typeof VerifyMethodSchema>;
export type ResolvedMethod = Exclude<VerifyMethod, "auto">;

/** Two numbers are equal when |a-b| <= max(absolute, relative * max(|a|, |b|)). */
export const ToleranceSchema = z.object({
  relative: z.number().min(0).max(1).optional(),
  absolute: z.number().min(0).optional(),
});
export type Tolerance = { relative: number; absolute: number };
export const DEFAULT_TOLERANCE: Tolerance = { relative: 1e-6, absolute: 1e-9 };

export function resolveTolerance(tolerance?: z.infer<typeof ToleranceSchema>): Tolerance {
  return {
    relative: tolerance?.relative ?? DEFAULT_TOLERANCE.relative,
    absolute: tolerance?.absolute ?? DEFAULT_TOLERANCE.absolute,
  };
}

/** A prompt set's answer pattern that does not compile: a settings mistake, shown as it is. */
export class InvalidAnswerPatternError extends InvalidInputError {}

const LITERAL = /^\/(.*)\/([imsu]*)$/s;

/**
 * Compiles a prompt set's answer pattern: a plain pattern ("Answer: (\\w+)") or a literal with
 * flags ("/answer: (\\w+)/i"). Always global, so the last match in a text can be found.
 */
export function compileAnswerPattern(pattern: string): RegExp {
  const literal = LITERAL.exec(pattern);
  const [source, flags] = literal ? [literal[1] ?? "", literal[2] ?? ""] : [pattern, ""];
  if (source === "") throw new InvalidAnswerPatternError("The answer pattern is empty.");
  try {
    return new RegExp(source, `${flags}g`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidAnswerPatternError(`The answer pattern is not a valid regular expression: ${reason}`);
  }
}

/** A pattern that compiles, refused by the schema with the compiler's reason when it does not. */
const AnswerPatternSchema = z
  .string()
  .max(500)
  .superRefine((pattern, ctx) => {
    try {
      compileAnswerPattern(pattern);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

/** What a prompt set stores about verifying its traces' answers. */
export const VerifySettingsSchema = z
  .object({
    method: VerifyMethodSchema.default("auto"),
    regex: AnswerPatternSchema.optional(),
    tolerance: ToleranceSchema.optional(),
  })
  .refine((settings) => settings.method !== "regex" || settings.regex !== undefined, {
    message: "The regex method needs an answer pattern.",
    path: ["regex"],
  });
export type VerifySettings = z.infer<typeof VerifySettingsSchema>;
