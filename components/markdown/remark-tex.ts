type Offset = { offset?: number };
type Node = {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: Offset; end: Offset };
  data?: { hProperties?: Record<string, unknown> };
};

// Their text is verbatim: a `\(` there is what the teacher wrote, not math.
const VERBATIM = new Set(["code", "inlineCode", "math", "inlineMath", "html"]);
const CLOSERS = { "(": ")", "[": "]" } as const;
const LINE_START = /^[ \t>*+\-\d.)]*$/; // only indentation, quote or list markers before
const BLANK_LINE = /[ \t>]*\n/y;

function verbatimRanges(tree: Node): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const walk = (node: Node) => {
    const { start, end } = node.position ?? { start: {}, end: {} };
    if (VERBATIM.has(node.type) && start.offset !== undefined && end.offset !== undefined)
      ranges.push([start.offset, end.offset]);
    else node.children?.forEach(walk);
  };
  walk(tree);
  return ranges;
}

/** Where the closer is, or where the search gave up: math stops at `$`, a blank line or `limit`. */
function findCloser(source: string, from: number, closer: string, limit: number) {
  for (let j = from; j < limit; j++) {
    const c = source[j];
    if (c === "$") return { at: j, found: false };
    if (c === "\n") {
      BLANK_LINE.lastIndex = j + 1;
      if (BLANK_LINE.test(source)) return { at: j, found: false };
    }
    if (c === "\\") {
      if (source[j + 1] === closer) return { at: j, found: true };
      j++; // an escaped pair: `\\)` is not a closer
    }
  }
  return { at: limit, found: false };
}

function display(source: string, open: number, close: number, content: string): string {
  const lineOf = (i: number) => source.lastIndexOf("\n", i - 1) + 1;
  const restOf = (i: number) => {
    const end = source.indexOf("\n", i);
    return source.slice(i, end < 0 ? source.length : end);
  };
  const openPrefix = source.slice(lineOf(open), open);
  // Delimiters on lines of their own: a `$$` block, in place, so list and quote prefixes stay.
  if (
    LINE_START.test(openPrefix) &&
    !restOf(open + 2).trim() &&
    LINE_START.test(source.slice(lineOf(close), close)) &&
    !restOf(close + 2).trim()
  )
    return `$$${content}$$`;
  // Otherwise one line: a `$$` starting a line with more after it would open an unclosed block.
  const joined = content.replace(openPrefix.includes(">") ? /\s*\n[\s>]*/g : /\s*\n\s*/g, " ").trim();
  return `$$${joined}$$`;
}

/** `\(x\)` becomes `$x$` and `\[x\]` becomes `$$x$$`, outside `verbatim` ranges (sorted). */
export function convertTexDelimiters(source: string, verbatim: Array<[number, number]>): string {
  let out = "";
  let copied = 0;
  let range = 0;
  // A search for this closer already failed up to here, so openers before it fail too (linear time).
  const failedUntil = { "(": -1, "[": -1 };
  for (let i = 0; i < source.length; i++) {
    while (range < verbatim.length && verbatim[range]![1] <= i) range++;
    const next = verbatim[range];
    if (next && next[0] <= i) {
      i = next[1] - 1;
      continue;
    }
    if (source[i] !== "\\") continue;
    const open = source[i + 1];
    if ((open !== "(" && open !== "[") || i < failedUntil[open]) {
      i++;
      continue;
    }
    const end = findCloser(source, i + 2, CLOSERS[open], next?.[0] ?? source.length);
    const content = source.slice(i + 2, end.at);
    if (!end.found || !content.trim()) {
      if (!end.found) failedUntil[open] = end.at;
      i++;
      continue;
    }
    out +=
      source.slice(copied, i) + (open === "(" ? `$${content.trim()}$` : display(source, i, end.at, content));
    copied = end.at + 2;
    i = end.at + 1;
  }
  return copied ? out + source.slice(copied) : source;
}

// KaTeX's time and output grow with a formula's length (and, with \def, with maxExpand times its
// length): past these, formulas are shown as their source, so a hostile trace stays cheap.
export const MAX_TEX_LENGTH = 2000;
export const TEX_BUDGET = 20_000;
const DEFINES_MACROS = /\\(?:[gex]?def|let|futurelet|(?:re)?newcommand|providecommand)(?![a-zA-Z])/;
const MACRO_COST = 5;

/**
 * remark plugin: LLMs write math as `\(...\)` and `\[...\]`, which Markdown would read as escaped
 * brackets: rewrites them to remark-math syntax outside code and parses again (so it must be the
 * first remark plugin that transforms). Inline `$$...$$` is display math; past the budget, code.
 */
export function remarkTex(this: { parse(doc: string): unknown }) {
  const parse = (doc: string) => this.parse(doc) as Node;
  return (tree: Node, file: { value: unknown }) => {
    let source = String(file.value);
    let root = tree;
    if (/\\[([]/.test(source)) {
      const converted = convertTexDelimiters(source, verbatimRanges(tree));
      if (converted !== source) [source, root] = [converted, parse(converted)];
    }
    let spent = 0;
    const visit = (node: Node) => {
      if (node.type === "inlineMath" || node.type === "math") {
        const tex = node.value ?? "";
        const cost = tex.length * (DEFINES_MACROS.test(tex) ? MACRO_COST : 1);
        if (tex.length > MAX_TEX_LENGTH || spent + cost > TEX_BUDGET) {
          node.type = node.type === "math" ? "code" : "inlineCode";
          delete node.data;
        } else {
          spent += cost;
          if (node.type === "inlineMath" && source.startsWith("$$", node.position?.start.offset))
            node.data = { ...node.data, hProperties: { className: ["language-math", "math-display"] } };
        }
      }
      node.children?.forEach(visit);
    };
    visit(root);
    return root;
  };
}
