-- Hand-written (Prisma schemas have no full-text search): the review list's search box.
-- One FTS5 index over each trace's content, reasoning and its prompt's text. Contentless: it holds
-- the index, not a second copy of the text, and the trace's rowid in "trace". Its own rowid is the
-- trace's place in the review order, (createdAt in ms << 21) + the low 21 bits of the trace's
-- rowid, so a page walks the matches newest first and stops (lib/review/search-walk.ts). The
-- prompt's text is copied in when the trace is written: a prompt's text never changes, and a
-- prompt cannot be deleted while it has traces. Porter stemming, as PostgreSQL's english does.
-- A later migration that redefines Trace (new table, copy, rename) drops these triggers and
-- renumbers rowids: it must create them again and refill the index as below.
CREATE VIRTUAL TABLE "TraceSearch" USING fts5("content", "reasoning", "prompt", "trace" UNINDEXED, content='', contentless_delete=1, contentless_unindexed=1, tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "Trace_search_insert" AFTER INSERT ON "Trace" BEGIN
  INSERT INTO "TraceSearch" ("rowid", "content", "reasoning", "prompt", "trace")
  VALUES (
    (CAST(CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE round(unixepoch(new."createdAt", 'subsec') * 1000) END AS INTEGER) << 21) + (new."rowid" & 2097151),
    new."content", new."reasoning", (SELECT "text" FROM "Prompt" WHERE "id" = new."promptId"), new."rowid");
END;

CREATE TRIGGER "Trace_search_delete" AFTER DELETE ON "Trace" BEGIN
  DELETE FROM "TraceSearch" WHERE "rowid" =
    (CAST(CASE typeof(old."createdAt") WHEN 'integer' THEN old."createdAt" ELSE round(unixepoch(old."createdAt", 'subsec') * 1000) END AS INTEGER) << 21) + (old."rowid" & 2097151);
END;

CREATE TRIGGER "Trace_search_update" AFTER UPDATE OF "content", "reasoning", "promptId", "createdAt" ON "Trace" BEGIN
  DELETE FROM "TraceSearch" WHERE "rowid" =
    (CAST(CASE typeof(old."createdAt") WHEN 'integer' THEN old."createdAt" ELSE round(unixepoch(old."createdAt", 'subsec') * 1000) END AS INTEGER) << 21) + (old."rowid" & 2097151);
  INSERT INTO "TraceSearch" ("rowid", "content", "reasoning", "prompt", "trace")
  VALUES (
    (CAST(CASE typeof(new."createdAt") WHEN 'integer' THEN new."createdAt" ELSE round(unixepoch(new."createdAt", 'subsec') * 1000) END AS INTEGER) << 21) + (new."rowid" & 2097151),
    new."content", new."reasoning", (SELECT "text" FROM "Prompt" WHERE "id" = new."promptId"), new."rowid");
END;

-- The traces already there.
INSERT INTO "TraceSearch" ("rowid", "content", "reasoning", "prompt", "trace")
SELECT (CAST(CASE typeof(t."createdAt") WHEN 'integer' THEN t."createdAt" ELSE round(unixepoch(t."createdAt", 'subsec') * 1000) END AS INTEGER) << 21) + (t."rowid" & 2097151),
  t."content", t."reasoning", p."text", t."rowid"
FROM "Trace" t LEFT JOIN "Prompt" p ON p."id" = t."promptId";

-- Flagged traces are few: their own index in the review order, with no entry for the rest.
CREATE INDEX "Trace_flagged_createdAt_id_idx" ON "Trace"("createdAt", "id") WHERE "flaggedAt" IS NOT NULL;
