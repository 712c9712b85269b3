// Reasoning that arrives inside the answer text, as open models (DeepSeek-R1, Qwen, ...) write it.

const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * Splits a leading `<think>…</think>` off the text. Also takes the text before a `</think>` whose
 * opening tag is missing (servers that put `<think>` in the prompt template), and an unclosed
 * `<think>` (the model ran out of tokens while thinking: all of it is reasoning).
 */
export function splitThink(text: string): { text: string; reasoning?: string } {
  const start = text.length - text.trimStart().length;
  if (text.startsWith(OPEN, start)) {
    const end = text.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) return { text: "", reasoning: text.slice(start + OPEN.length).trim() || undefined };
    return {
      text: text.slice(end + CLOSE.length).trimStart(),
      reasoning: text.slice(start + OPEN.length, end).trim() || undefined,
    };
  }
  const close = text.indexOf(CLOSE);
  if (close >= 0 && !text.slice(0, close).includes(OPEN)) {
    return {
      text: text.slice(close + CLOSE.length).trimStart(),
      reasoning: text.slice(0, close).trim() || undefined,
    };
  }
  return { text };
}

/** The non-empty parts, one paragraph each; undefined when there is no reasoning at all. */
export function joinReasoning(...parts: Array<string | undefined | null>): string | undefined {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return kept.length ? kept.join("\n\n") : undefined;
}

/** The answer and all of its reasoning: separate fields first, then an inline <think> prefix. */
export function separateReasoning(
  text: string,
  fieldReasoning?: string | null,
): { text: string; reasoning?: string } {
  const inline = splitThink(text);
  return { text: inline.text, reasoning: joinReasoning(fieldReasoning, inline.reasoning) };
}
