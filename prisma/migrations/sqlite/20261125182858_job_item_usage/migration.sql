-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_JobItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "promptId" TEXT,
    "sampleIndex" INTEGER NOT NULL,
    "systemMessageVersionId" TEXT,
    "payload" JSONB,
    "batchId" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "completedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JobItem_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobItem_systemMessageVersionId_fkey" FOREIGN KEY ("systemMessageVersionId") REFERENCES "SystemMessageVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "BatchSubmission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_JobItem" ("attempts", "availableAt", "batchId", "id", "jobId", "lastError", "leaseExpiresAt", "leaseOwner", "ordinal", "payload", "promptId", "sampleIndex", "status", "systemMessageVersionId", "updatedAt") SELECT "attempts", "availableAt", "batchId", "id", "jobId", "lastError", "leaseExpiresAt", "leaseOwner", "ordinal", "payload", "promptId", "sampleIndex", "status", "systemMessageVersionId", "updatedAt" FROM "JobItem";
DROP TABLE "JobItem";
ALTER TABLE "new_JobItem" RENAME TO "JobItem";
CREATE INDEX "JobItem_jobId_status_ordinal_idx" ON "JobItem"("jobId", "status", "ordinal");
CREATE INDEX "JobItem_status_availableAt_idx" ON "JobItem"("status", "availableAt");
CREATE INDEX "JobItem_batchId_idx" ON "JobItem"("batchId");
CREATE UNIQUE INDEX "JobItem_jobId_promptId_sampleIndex_key" ON "JobItem"("jobId", "promptId", "sampleIndex");
CREATE UNIQUE INDEX "JobItem_jobId_ordinal_key" ON "JobItem"("jobId", "ordinal");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Items completed before this migration take their trace's usage and time.
UPDATE "JobItem" SET
  "inputTokens" = COALESCE((SELECT t."inputTokens" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "outputTokens" = COALESCE((SELECT t."outputTokens" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "costUsd" = COALESCE((SELECT t."costUsd" FROM "Trace" t WHERE t."itemId" = "JobItem"."id"), 0),
  "completedAt" = (SELECT t."createdAt" FROM "Trace" t WHERE t."itemId" = "JobItem"."id")
WHERE "status" = 'done';
