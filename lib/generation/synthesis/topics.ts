// Topic lists and trees for topic-graph synthesis. Client-safe: the form previews the leaves.

export const TOPIC_SEPARATOR = " > ";
export const MAX_TOPICS = 5_000;

/**
 * Topic paths from a textarea, one topic per line. Subtopics are given by indentation (spaces or
 * tabs, deeper than the line above) or inline with " > "; only leaves generate prompts, so
 * "Physics\n  Optics" yields ["Physics > Optics"]. Blank lines and "#" comments are skipped;
 * bullets ("-", "*", "1.") are tolerated. Duplicates are kept once, first occurrence first.
 */
export function parseTopics(text: string): string[] {
  type Node = { path: string[]; indent: number; children: number };
  const stack: Node[] = [];
  const nodes: Node[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\t/g, "    ");
    const body = line
      .trim()
      .replace(/^(?:[-*•]|\d+[.)])\s+/, "")
      .trim();
    if (!body || body.startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const parts = body
      .split(/\s+>\s*|\s*>\s+/)
      .map((p) => p.trim().replace(/\s+/g, " "))
      .filter(Boolean);
    if (parts.length === 0) continue;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children++;
    const node: Node = { path: [...(parent?.path ?? []), ...parts], indent, children: 0 };
    stack.push(node);
    nodes.push(node);
  }
  const leaves = nodes.filter((n) => n.children === 0).map((n) => n.path.join(TOPIC_SEPARATOR));
  return [...new Set(leaves)];
}

/** The top-level topic of a path: the default category of the prompts written for it. */
export function topLevelTopic(path: string): string {
  return path.split(TOPIC_SEPARATOR)[0]!.trim();
}

export const DEFAULT_TOPIC_TEMPLATE = [
  'Write {n} diverse, self-contained prompts about "{topic}" that a curious student or a professional might give an AI assistant.',
  "Vary the kind of task (questions to answer, problems to solve step by step, concepts to explain, short analyses or writing tasks) and the difficulty, from introductory to advanced.",
  "Each prompt must make sense on its own and include any numbers or data it needs. Do not answer them.",
  "",
  "Reply with a JSON array of {n} strings and nothing else.",
].join("\n");

/** The instruction for one topic: the template with {topic} and {n} filled in. */
export function fillTemplate(template: string, topic: string, n: number): string {
  // Function replacements: a topic containing "$&" must not be read as a pattern.
  return template.replaceAll("{topic}", () => topic).replaceAll("{n}", () => String(n));
}
