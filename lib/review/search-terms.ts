/**
 * What a search box's text asks for, read the way web search engines (and PostgreSQL's
 * websearch_to_tsquery) read it: words must all appear, "quoted words" as a phrase, `or` between
 * two offers either, a leading `-` excludes. Everything but letters and digits is a separator, so
 * no input can be an operator of the database's own query syntax.
 */
export type SearchTerms = {
  /** Every group must match; a group matches when one of its phrases does. */
  all: string[][][];
  /** No phrase here may match. */
  none: string[][];
};

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_PHRASES = 16;
const MAX_WORDS = 16;

type Item = { phrase: string[]; negated: boolean } | "or";

/** The terms in `text`, or null when it has nothing to look for (only punctuation, or only exclusions). */
export function parseSearch(text: string): SearchTerms | null {
  const all: string[][][] = [];
  const none: string[][] = [];
  let joinNext = false;
  let phrases = 0;
  for (const item of items(text)) {
    if (item === "or") {
      joinNext = all.length > 0;
      continue;
    }
    if (++phrases > MAX_PHRASES) break;
    if (item.negated) none.push(item.phrase);
    else if (joinNext) all.at(-1)!.push(item.phrase);
    else all.push([item.phrase]);
    joinNext = false;
  }
  return all.length === 0 ? null : { all, none };
}

function* items(text: string): Generator<Item> {
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const negated = text[i] === "-";
    const start = negated ? i + 1 : i;
    let raw: string;
    let quoted = false;
    if (text[start] === '"') {
      const end = text.indexOf('"', start + 1);
      raw = text.slice(start + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      quoted = true;
    } else {
      let end = start;
      while (end < text.length && !/\s/.test(text[end]!) && text[end] !== '"') end++;
      raw = text.slice(start, end);
      i = Math.max(end, i + 1);
    }
    const phrase = (raw.toLowerCase().match(WORD) ?? []).slice(0, MAX_WORDS);
    if (phrase.length === 0) continue;
    if (!quoted && !negated && phrase.length === 1 && phrase[0] === "or") yield "or";
    else yield { phrase, negated };
  }
}

const quote = (phrase: string[]) => `"${phrase.join(" ")}"`;

/** SQLite FTS5 MATCH syntax: every phrase a quoted string (its words hold no quote or operator). */
export function fts5Query(terms: SearchTerms): string {
  const groups = terms.all.map((group) =>
    group.length === 1 ? quote(group[0]!) : `(${group.map(quote).join(" OR ")})`,
  );
  const positive = groups.length === 1 ? groups[0]! : `(${groups.join(" AND ")})`;
  return terms.none.length === 0 ? positive : `${positive} NOT (${terms.none.map(quote).join(" OR ")})`;
}

/** The same terms as text for PostgreSQL's websearch_to_tsquery (which accepts any text). */
export function websearchText(terms: SearchTerms): string {
  const groups = terms.all.map((group) => group.map(quote).join(" or "));
  return [...groups, ...terms.none.map((phrase) => `-${quote(phrase)}`)].join(" ");
}
