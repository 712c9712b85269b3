-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "inputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "outputTokens" INTEGER NOT NULL DEFAULT 0;

-- Items completed before this migration take their trace's usage and time.
UPDATE "JobItem" SET
  "inputTokens" = COALESCE((SELECT t."inputTokens" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "outputTokens" = COALESCE((SELECT t."outputTokens" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "costUsd" = COALESCE((SELECT t."costUsd" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "completedAt" = (SELECT t."createdAt" FROM "Trace" t WHERE t."itemId" = "JobItem"."id")
WHERE "status" = 'done';
