import { z } from "zod";
import type { CheckResult } from "../schemas";
import { HeuristicInputSchema, type HeuristicInput } from "./input";
import { checkLanguage, LanguageSettingsSchema } from "./language";
import { checkLength, LengthSettingsSchema } from "./length";
import { checkRefusal, RefusalSettingsSchema } from "./refusal";
import { checkRepetition, RepetitionSettingsSchema } from "./repetition";
import { checkShortcut, ShortcutSettingsSchema } from "./shortcut";
import { checkTruncation, TruncationSettingsSchema } from "./truncation";

export { HeuristicInputSchema, type HeuristicInput };
export { checkLanguage, checkLength, checkRefusal, checkRepetition, checkShortcut, checkTruncation };
export {
  LanguageSettingsSchema,
  LengthSettingsSchema,
  RefusalSettingsSchema,
  RepetitionSettingsSchema,
  ShortcutSettingsSchema,
  TruncationSettingsSchema,
};

/** Every heuristic's settings; each part defaults on its own, so `{}` is the defaults. */
export const HeuristicSettingsSchema = z.object({
  refusal: RefusalSettingsSchema.prefault({}),
  truncation: TruncationSettingsSchema.prefault({}),
  shortcut: ShortcutSettingsSchema.prefault({}),
  repetition: RepetitionSettingsSchema.prefault({}),
  length: LengthSettingsSchema.prefault({}),
  language: LanguageSettingsSchema.prefault({}),
});
export type HeuristicSettings = z.infer<typeof HeuristicSettingsSchema>;
export type HeuristicSettingsInput = z.input<typeof HeuristicSettingsSchema>;

export const HEURISTIC_NAMES = [
  "refusal",
  "truncation",
  "shortcut",
  "repetition",
  "length",
  "language",
] as const;
export type HeuristicName = (typeof HEURISTIC_NAMES)[number];

const DEFAULTS = HeuristicSettingsSchema.parse({});

/** Runs the six per-trace heuristics; `settings` is partial and parsed (defaults filled in). */
export function runHeuristics(
  input: HeuristicInput,
  settings?: HeuristicSettingsInput,
): Record<HeuristicName, CheckResult> {
  const s = settings === undefined ? DEFAULTS : HeuristicSettingsSchema.parse(settings);
  return {
    refusal: checkRefusal(input, s.refusal),
    truncation: checkTruncation(input, s.truncation),
    shortcut: checkShortcut(input, s.shortcut),
    repetition: checkRepetition(input, s.repetition),
    length: checkLength(input, s.length),
    language: checkLanguage(input, s.language),
  };
}
