// Cautious reasoning, step one: show the teacher the strategies and read which one it chose.

export type StrategyOption = { name: string; content: string };
export type ParsedChoice = { index: number; by: "number" | "name" | "fuzzy" } | null;

export const STRATEGY_SYSTEM =
  "You decide how a task should be approached. You never answer the task itself.";

// Enough for a number or a name. A reasoning model spends maxTokens on its reasoning first (and a
// thinking budget needs maxTokens above it), so keep the job's maxTokens for those.
export const CHOICE_MAX_TOKENS = 256;

/** A one-line summary of a system message: its first sentence, at most `max` characters. */
export function summarize(content: string, max = 140): string {
  const flat = content.replace(/\s+/g, " ").trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/** The first request: the task, then the numbered strategies, asking for a number. */
export function strategyPrompt(task: string, options: readonly StrategyOption[]): string {
  const menu = options.map((o, i) => `${i + 1}. ${o.name}: ${summarize(o.content)}`);
  return [
    "Below are a task and a numbered list of strategies for answering it. Do not answer the task.",
    "Choose the one strategy that would lead to the best answer.",
    "",
    "Task:",
    "<<<",
    task,
    ">>>",
    "",
    "Strategies:",
    ...menu,
    "",
    `Reply with the number of the best strategy (1 to ${options.length}) and nothing else.`,
  ].join("\n");
}

const normalize = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  const t = s.replace(/ /g, "");
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of character bigrams, 0 to 1. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

const FUZZY_THRESHOLD = 0.6;

/**
 * Which option the reply names: a leading number ("2", "Strategy #2: ..."), else an option's exact
 * name within the reply (the longest one wins), else the only valid number in it, else the
 * option whose name is clearly the most similar to the reply's first line. Null: unreadable.
 */
export function parseStrategyChoice(reply: string, options: readonly StrategyOption[]): ParsedChoice {
  const text = reply
    .replace(/<think>[\s\S]*?<\/think>/gi, "")
    .replace(/[*_`#"'“”>]/g, " ")
    .trim();
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= options.length;
  const leading =
    /^(?:(?:strategy|option|number|choice|answer)\s*(?:no\.?|number)?\s*[:#]?\s*)?(\d+)(?!\d|[.,]\d)/i.exec(
      text,
    );
  if (leading && inRange(Number(leading[1]))) return { index: Number(leading[1]) - 1, by: "number" };

  const said = normalize(text);
  const named = options
    .map((o, index) => ({ index, name: normalize(o.name) }))
    .filter((o) => o.name && ` ${said} `.includes(` ${o.name} `))
    .sort((a, b) => b.name.length - a.name.length);
  if (named.length && (named.length === 1 || named[0]!.name.length > named[1]!.name.length)) {
    return { index: named[0]!.index, by: "name" };
  }

  const numbers = [
    ...new Set([...text.matchAll(/(?<![\d.])(\d+)(?![\d]|[.,]\d)/g)].map((m) => Number(m[1]))),
  ];
  const valid = numbers.filter(inRange);
  if (valid.length === 1) return { index: valid[0]! - 1, by: "number" };

  const firstLine = normalize(text.split("\n").find((l) => l.trim()) ?? "");
  if (!firstLine) return null;
  const scored = options
    .map((o, index) => ({ index, score: similarity(firstLine, normalize(o.name)) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (best && best.score >= FUZZY_THRESHOLD && (!next || best.score - next.score >= 0.1)) {
    return { index: best.index, by: "fuzzy" };
  }
  return null;
}
