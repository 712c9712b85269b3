import "server-only";
import { db, dbKind, Prisma } from "../db";
import { fts5Query, parseSearch, websearchText, type SearchTerms } from "./search-terms";

export { parseSearch, type SearchTerms } from "./search-terms";

const sql = Prisma.sql;
type Sql = Prisma.Sql;

/**
 * Full-text search over a trace's content and reasoning and its prompt's text (migration
 * 20261205120000_review_search). Every word or phrase must appear in one of them (a phrase
 * within one); `-word` must appear in none. SQLite: one FTS5 index holding all three, read in the
 * review order (search-walk.ts). PostgreSQL: a stored tsvector column on Trace and an expression
 * index on Prompt, both GIN, english. The terms come from parseSearch: any input is a valid query.
 */
export type Search =
  | { kind: "sqlite"; terms: SearchTerms; match: string }
  | {
      kind: "postgres";
      terms: SearchTerms;
      /** The condition on a trace row under `alias`. */
      condition: (alias: string) => Sql;
      /**
       * Candidates as join keys `k` (ids, possibly twice): the traces whose text or prompt matches
       * the first group. A superset: whoever reads them checks `condition` too.
       */
      keys: Sql;
      /** The same candidates as a condition on a trace row, in a form its indexes answer. */
      candidates: (alias: string) => Sql;
    };

/** The search for `text`, or null when it has nothing to look for (no row matches then). */
export async function search(text: string): Promise<Search | null> {
  const parsed = parseSearch(text);
  if (!parsed) return null;
  if (dbKind() === "sqlite") return { kind: "sqlite", terms: parsed, match: fts5Query(parsed) };
  const terms = await withoutStopWords(parsed);
  if (!terms) return null;
  const first = tsquery(websearchText({ all: [terms.all[0]!], none: [] }));
  return {
    kind: "postgres",
    terms,
    condition: (alias) => postgresCondition(terms, alias),
    keys: sql`SELECT s."id" AS "k" FROM "Trace" s WHERE ${traceVector("s")} @@ ${first}
      UNION ALL SELECT s."id" AS "k" FROM "Trace" s WHERE s."promptId" = ANY(ARRAY(${matchingPrompts(first)}))`,
    candidates: (alias) =>
      sql`(${traceVector(alias)} @@ ${first} OR ${Prisma.raw(`${alias}."promptId"`)} = ANY(ARRAY(${matchingPrompts(first)})))`,
  };
}

// Spelled as the indexes are built: the planner uses them only for the same expressions.
const traceVector = (alias: string) => Prisma.raw(`${alias}."searchVector"`);
const PROMPT_VECTOR = Prisma.raw(`to_tsvector('english', left(p."text", 100000))`);

/**
 * PostgreSQL's english configuration drops stop words ("and", "the"): a group or exclusion made of
 * them alone asks for nothing there, so it goes (as websearch_to_tsquery drops it from a query).
 * Otherwise it would be a condition no trace meets. SQLite indexes every word.
 */
async function withoutStopWords(terms: SearchTerms): Promise<SearchTerms | null> {
  const groups = [...terms.all, ...terms.none.map((phrase) => [phrase])];
  const texts = groups.map((group) => websearchText({ all: [group], none: [] }));
  const rows = await db().$queryRaw<Array<{ i: number; n: number }>>`
    SELECT CAST(t.i AS integer) AS "i", numnode(websearch_to_tsquery('english', t.text)) AS "n"
    FROM unnest(CAST(${texts} AS text[])) WITH ORDINALITY AS t(text, i)`;
  const kept = new Set(rows.filter((r) => Number(r.n) > 0).map((r) => Number(r.i) - 1));
  const all = terms.all.filter((_, i) => kept.has(i));
  const none = terms.none.filter((_, i) => kept.has(terms.all.length + i));
  return all.length === 0 ? null : { all, none };
}

const tsquery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const matchingPrompts = (query: Sql) => sql`SELECT p."id" FROM "Prompt" p WHERE ${PROMPT_VECTOR} @@ ${query}`;

// A row's check: IN (subquery), which PostgreSQL hashes once per statement, where = ANY(ARRAY(...))
// is searched end to end for every row (tens of thousands of prompts for a common word). The
// candidates' query: = ANY(ARRAY(...)), an index scan of Trace by prompt (as IN, the planner
// chose to recompute every prompt's tsvector instead of using its index).
function postgresCondition(terms: SearchTerms, alias: string): Sql {
  const either = (text: string) => {
    const query = tsquery(text);
    return sql`(${traceVector(alias)} @@ ${query} OR ${Prisma.raw(`${alias}."promptId"`)} IN (${matchingPrompts(query)}))`;
  };
  const all = terms.all.map((group) => either(websearchText({ all: [group], none: [] })));
  if (terms.none.length > 0) all.push(sql`NOT ${either(websearchText({ all: [terms.none], none: [] }))}`);
  return Prisma.join(all, " AND ");
}
