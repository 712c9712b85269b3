// Reading what the teacher wrote when asked for prompts. Pure: tested without a database.
import { DomainError } from "../../errors";
import { normaliseText } from "../../prompts";

/** The teacher's output cannot become a prompt: the item fails with this reason, not retried. */
export class UnusableReplyError extends DomainError {}

export const MAX_SYNTHESIZED_CHARS = 20_000;
const TEXT_KEYS = ["prompt", "text", "instruction", "question", "content", "task"];

const stripThinking = (s: string) => s.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();

function unquote(s: string): string {
  const t = s.trim();
  const pairs: Array<[string, string]> = [
    ['"', '"'],
    ["“", "”"],
    ["'", "'"],
    ["<<<", ">>>"],
  ];
  for (const [open, close] of pairs) {
    if (t.length > open.length + close.length && t.startsWith(open) && t.endsWith(close)) {
      return t.slice(open.length, -close.length).trim();
    }
  }
  return t;
}

function fromJson(value: unknown): string[] | null {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const list = Object.values(value).find(Array.isArray);
    return list ? fromJson(list) : null;
  }
  if (!Array.isArray(value)) return null;
  return value.flatMap((entry) => {
    if (typeof entry === "string") return [entry];
    if (entry && typeof entry === "object") {
      const record = entry as Record<string, unknown>;
      const key = TEXT_KEYS.find((k) => typeof record[k] === "string");
      return key ? [record[key] as string] : [];
    }
    return [];
  });
}

function tryJson(text: string): string[] | null {
  const candidates: Array<string | undefined> = [text];
  // JSON inside the text only when the text is not itself a list: a listed prompt may quote an
  // array ("Sort [3, 1, 2]") that is not the list of prompts.
  if (fromList(text).length === 0) {
    candidates.push(/```(?:json)?\s*\n([\s\S]*?)```/i.exec(text)?.[1]);
    const open = text.indexOf("[");
    const close = text.lastIndexOf("]");
    if (open !== -1 && close > open) candidates.push(text.slice(open, close + 1));
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const list = fromJson(JSON.parse(candidate.trim()));
      if (list?.length) return list;
    } catch {
      // Not JSON: try the next reading.
    }
  }
  return null;
}

const ITEM = /^\s*(?:\d{1,3}\s*[.):]|\(\d{1,3}\)|[-*•])\s+(.*)$/;

/** Items of a numbered or bulleted list; indented or unbroken lines continue the item above. */
function fromList(text: string): string[] {
  const items: string[][] = [];
  let current: string[] | null = null;
  let blank = false;
  for (const line of text.split("\n")) {
    const start = ITEM.exec(line);
    if (start) {
      current = [start[1]!];
      items.push(current);
      blank = false;
    } else if (!line.trim()) {
      blank = true;
    } else if (current && (!blank || /^\s/.test(line))) {
      if (blank) current.push("");
      current.push(line.trim());
      blank = false;
    } else {
      current = null; // Text after the list ("Let me know if...") is not a prompt.
    }
  }
  return items.map((lines) => lines.join("\n"));
}

function clean(text: string): string {
  return unquote(
    text
      .trim()
      .replace(/^\*\*(?:prompt|question|task)?\s*\d*\s*[:.]?\*\*\s*:?\s*/i, "")
      .replace(/^(?:prompt|question|task)\s*\d*\s*:\s*/i, ""),
  );
}

/**
 * The prompts in a reply that was asked for `n` of them: a JSON array (of strings, or of objects
 * with a "prompt"/"text" field; fenced or inside prose), else a numbered or bulleted list. Empty,
 * too long and repeated entries are dropped; at most `n` are kept.
 */
export function parsePromptList(reply: string, n: number): string[] {
  const text = stripThinking(reply).replace(/\r\n?/g, "\n");
  const raw = tryJson(text) ?? fromList(text);
  const seen = new Set<string>();
  const prompts: string[] = [];
  for (const entry of raw) {
    const prompt = clean(entry);
    const key = normaliseText(prompt).toLowerCase();
    if (prompt.length < 3 || prompt.length > MAX_SYNTHESIZED_CHARS || seen.has(key)) continue;
    seen.add(key);
    prompts.push(prompt);
    if (prompts.length === n) break;
  }
  return prompts;
}

const LABEL = /^(?:#+\s*)?(?:the\s+)?(?:rewritten|new|created|evolved|mutated)\s+prompt\s*#?\s*:?\s*/i;
const REFUSAL =
  /^(?:i(?:'m|’m| am)\s+(?:sorry|unable|not able)|i\s+(?:cannot|can't|can’t|can not|won't|will not|am unable)\b|sorry\b|as an ai\b|unfortunately,? i\b)|\bas an ai (?:language )?model\b/i;

/** An Evol-Instruct rewrite, cleaned; throws UnusableReplyError for empty, identical or refused. */
export function readRewrite(reply: string, parent: string): string {
  let text = stripThinking(reply);
  const fenced = /^```[a-z]*\n([\s\S]*?)\n?```$/i.exec(text);
  if (fenced) text = fenced[1]!.trim();
  text = unquote(text.replace(LABEL, "").trim());
  if (!text) throw new UnusableReplyError("The teacher's rewrite was empty.");
  if (REFUSAL.test(text.slice(0, 300))) {
    const start = text.replace(/\s+/g, " ").slice(0, 120);
    throw new UnusableReplyError(`The teacher refused to rewrite the prompt: “${start}”.`);
  }
  if (normaliseText(text).toLowerCase() === normaliseText(parent).toLowerCase()) {
    throw new UnusableReplyError("The teacher's rewrite is identical to the original prompt.");
  }
  if (text.length > MAX_SYNTHESIZED_CHARS) {
    throw new UnusableReplyError(
      `The teacher's rewrite is ${text.length.toLocaleString("en-US")} characters long; at most ${MAX_SYNTHESIZED_CHARS.toLocaleString("en-US")} are kept.`,
    );
  }
  return text;
}
