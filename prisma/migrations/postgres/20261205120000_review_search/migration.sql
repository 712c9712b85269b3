-- Hand-written (Prisma schemas have no full-text search): the review list's search box.
-- A trace's content and reasoning as an english tsvector, stored (a list page checks it on the
-- rows it walks: recomputing it costs about 300 microseconds a row, reading it a few), with a GIN
-- index. Prisma does not know the column: its queries name their columns, and nothing writes it.
-- Prompts: a GIN index on the same expression of their text. Queries must spell these exactly as
-- here (lib/review/search.ts) for the planner to use the indexes. Only the first 100,000
-- characters are indexed: a tsvector is capped at 1 MB, and a longer text must not make its
-- insert fail. Adding the column computes it for the rows already there.
ALTER TABLE "Trace" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', left("content", 100000) || ' ' || left(COALESCE("reasoning", ''), 100000))) STORED;

CREATE INDEX "Trace_searchVector_idx" ON "Trace" USING GIN ("searchVector");

CREATE INDEX "Prompt_search_idx" ON "Prompt" USING GIN (to_tsvector('english', left("text", 100000)));

-- Flagged traces are few: their own index in the review order, with no entry for the rest.
CREATE INDEX "Trace_flagged_createdAt_id_idx" ON "Trace"("createdAt", "id") WHERE "flaggedAt" IS NOT NULL;
