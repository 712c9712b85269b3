import { choiceInAnswer, lastChoiceIn } from "./extract-choice";
import type { TextRange } from "./find-boxed";
import { referenceAnswer, statedAnswer } from "./find-final-answer";
import { verdictOf, type MethodInput, type MethodVerdict } from "./method-verdict";

/** The option an output picks: the one its stated answer names, else the last one it names at all. */
function outputChoice(output: string): { letter: string; at: TextRange } | undefined {
  const stated = statedAnswer(output);
  const letter = stated && choiceInAnswer(stated.text);
  if (stated && letter) return { letter, at: stated };
  const whole = output.trim().length <= 3 ? choiceInAnswer(output) : undefined;
  if (whole) return { letter: whole, at: { text: output, start: 0, end: output.length } };
  const last = lastChoiceIn(output);
  return last && { letter: last.letter, at: last };
}

/** Multiple choice: the same option letter, "(B)" = "B" = "option (B)". */
export function matchChoice({ reference, output }: MethodInput): MethodVerdict {
  const gold = choiceInAnswer(referenceAnswer(reference).text);
  const target = outputChoice(output);
  const expected = gold ? [{ text: `(${gold})`, value: gold }] : [];
  const found = target ? [{ text: `(${target.letter})`, value: target.letter }] : [];
  return verdictOf(expected, found, (a, b) => a === b, target?.at);
}
