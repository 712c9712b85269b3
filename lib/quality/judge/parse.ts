// Reads a judge's reply tolerantly: the JSON object asked for anywhere in it (in a code fence,
// after a preamble, with the score as a string), a JSON-like fragment, or a "Score: 4" line.

export type JudgeReading =
  | { ok: true; score: number; reason: string; via: "json" | "fragment" | "text" }
  | { ok: false; problem: "no-score" | "out-of-range"; message: string };

export const REASON_MAX_CHARS = 2_000;
const QUOTE_MAX_CHARS = 300;

type Found = { value: unknown; outOf?: number; reason: string | null; via: "json" | "fragment" | "text" };

/** The score (a whole number from 1 to scale) and reason in a judge's reply, or what is wrong with it. */
export function parseJudgeReply(reply: string, scale: number): JudgeReading {
  const text = withoutThinking(reply);
  const found = fromJson(text) ?? fromFragment(text) ?? fromText(text);
  if (!found)
    return { ok: false, problem: "no-score", message: `The judge's reply has no score: ${quoted(reply)}` };
  const score = wholeNumber(found.value);
  const onScale = found.outOf === undefined || found.outOf === scale;
  if (score === null || score < 1 || score > scale || !onScale) {
    const given = found.outOf === undefined ? String(found.value) : `${String(found.value)}/${found.outOf}`;
    return {
      ok: false,
      problem: "out-of-range",
      message: `The judge's score ${given} is not a whole number from 1 to ${scale}: ${quoted(reply)}`,
    };
  }
  const reason = (found.reason ?? "").trim().slice(0, REASON_MAX_CHARS) || "(no reason given)";
  return { ok: true, score, reason, via: found.via };
}

/** The reply as a person reads it in an item's error: one line, shortened, in quotes. */
export function quoted(reply: string): string {
  const flat = reply.replace(/\s+/g, " ").trim();
  if (!flat) return "(an empty reply)";
  return `"${flat.length > QUOTE_MAX_CHARS ? `${flat.slice(0, QUOTE_MAX_CHARS)}…` : flat}"`;
}

// Reasoning models may think inline; the verdict is what follows.
function withoutThinking(reply: string): string {
  const end = reply.lastIndexOf("</think>");
  return end >= 0 ? reply.slice(end + "</think>".length) : reply;
}

function wholeNumber(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** The last JSON object in the text that has a score (a judge may quote the format before answering). */
function fromJson(text: string): Found | null {
  const objects = jsonObjects(text);
  for (let i = objects.length - 1; i >= 0; i--) {
    const entries = Object.entries(objects[i]!);
    const field = (names: string[]) => entries.find(([k]) => names.includes(k.toLowerCase()))?.[1];
    const score = field(["score", "rating", "grade"]);
    if (score === undefined || score === null) continue;
    const reason = field(["reason", "reasoning", "explanation", "rationale", "justification"]);
    const ratio = typeof score === "string" ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/.exec(score) : null;
    return {
      value: ratio ? ratio[1]! : score,
      ...(ratio ? { outOf: Number(ratio[2]) } : {}),
      reason: typeof reason === "string" ? reason : null,
      via: "json",
    };
  }
  return null;
}

/** Every balanced {...} in the text that parses as a JSON object, in order. */
function jsonObjects(text: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let start = text.indexOf("{"); start >= 0; start = text.indexOf("{", start + 1)) {
    const end = closingBrace(text, start);
    if (end < 0) continue;
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (value && typeof value === "object" && !Array.isArray(value))
        out.push(value as Record<string, unknown>);
    } catch {
      // Not JSON from this brace: try the next one.
    }
  }
  return out;
}

function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** JSON that does not parse (a raw newline in the reason, a missing brace), read by its fields. */
function fromFragment(text: string): Found | null {
  const score = /"score"\s*:\s*"?\s*(-?\d+(?:\.\d+)?)/i.exec(text);
  if (!score) return null;
  const reason = /"reason"\s*:\s*"((?:[^"\\]|\\.)*)/is.exec(text);
  return {
    value: score[1]!,
    reason: reason ? reason[1]!.replace(/\\(["\\/])/g, "$1").replace(/\\n/g, "\n") : null,
    via: "fragment",
  };
}

/** "Score: 4", "**Score:** 4/5", "score = 3 out of 5": the last such line wins. */
function fromText(text: string): Found | null {
  const pattern = /\bscore\b\s*\**\s*(?:is|of|=|:)?\s*\**\s*(-?\d+(?:\.\d+)?)\s*(?:(?:\/|out of)\s*(\d+))?/gi;
  const matches = [...text.matchAll(pattern)];
  const last = matches.at(-1);
  if (!last) return null;
  // A "Reason:" label says where the reason is; otherwise it is the reply without the score line.
  const label = /\breason(?:ing)?\b\s*\**\s*[:=]\s*\**/i.exec(text);
  const from = label ? label.index + label[0].length : 0;
  const after = last.index + last[0].length;
  const scoreLine = Math.max(from, text.lastIndexOf("\n", last.index));
  const reason =
    from > last.index
      ? text.slice(from)
      : text.slice(from, scoreLine > from ? scoreLine : last.index) + (label ? "" : text.slice(after));
  return {
    value: last[1]!,
    ...(last[2] ? { outOf: Number(last[2]) } : {}),
    reason: reason.replace(/\*\*/g, "").trim(),
    via: "text",
  };
}
