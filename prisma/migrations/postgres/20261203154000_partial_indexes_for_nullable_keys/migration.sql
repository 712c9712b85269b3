-- Hand-written (Prisma schemas have no partial indexes, prisma/schema.prisma notes them): most
-- items are not in a provider batch and most prompts were not written by synthesis, so their
-- NULL keys need no index entry. A lookup by a value (batchId = ?, the synthesis key, the
-- foreign-key checks) still uses these indexes, and ON CONFLICT DO NOTHING still honours the
-- partial unique key.
DROP INDEX "JobItem_batchId_idx";
CREATE INDEX "JobItem_batchId_idx" ON "JobItem"("batchId") WHERE "batchId" IS NOT NULL;

DROP INDEX "Prompt_synthesisItemId_synthesisIndex_key";
CREATE UNIQUE INDEX "Prompt_synthesisItemId_synthesisIndex_key" ON "Prompt"("synthesisItemId", "synthesisIndex") WHERE "synthesisItemId" IS NOT NULL;
