-- AlterTable
ALTER TABLE "Provider" ADD COLUMN "rateLimitedUntil" DATETIME;

-- CreateTable
CREATE TABLE "TraceEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traceId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "editorId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraceEdit_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Corrections written on decisions become trace edits, kept beside the original.
INSERT INTO "TraceEdit" ("id", "traceId", "content", "editorId", "createdAt")
SELECT 'edit-' || "id", "traceId", "editedContent", "reviewerId", "updatedAt"
FROM "ReviewDecision" WHERE "editedContent" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PromptImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptSetId" TEXT NOT NULL,
    "jobId" TEXT,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "spoolPath" TEXT,
    "bytesTotal" BIGINT NOT NULL DEFAULT 0,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "publishedRows" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "invalid" INTEGER NOT NULL,
    "errors" JSONB NOT NULL,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "PromptImport_promptSetId_fkey" FOREIGN KEY ("promptSetId") REFERENCES "PromptSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PromptImport_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PromptImport" ("createdAt", "createdById", "duplicates", "errors", "fileName", "format", "id", "inserted", "invalid", "mode", "promptSetId", "rowsRead", "status") SELECT "createdAt", "createdById", "duplicates", "errors", "fileName", "format", "id", "inserted", "invalid", "mode", "promptSetId", "rowsRead", "status" FROM "PromptImport";
DROP TABLE "PromptImport";
ALTER TABLE "new_PromptImport" RENAME TO "PromptImport";
CREATE INDEX "PromptImport_promptSetId_createdAt_idx" ON "PromptImport"("promptSetId", "createdAt");
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'traces',
    "mode" TEXT NOT NULL DEFAULT 'live',
    "status" TEXT NOT NULL,
    "pauseReason" TEXT,
    "config" JSONB NOT NULL,
    "promptSetId" TEXT,
    "providerId" TEXT,
    "itemCount" INTEGER NOT NULL,
    "plannedCount" INTEGER NOT NULL DEFAULT 0,
    "planCursor" JSONB,
    "planOwner" TEXT,
    "planAttempts" INTEGER NOT NULL DEFAULT 0,
    "planLeaseExpiresAt" DATETIME,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Job_promptSetId_fkey" FOREIGN KEY ("promptSetId") REFERENCES "PromptSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("config", "createdAt", "createdById", "error", "finishedAt", "id", "itemCount", "kind", "mode", "name", "pauseReason", "promptSetId", "providerId", "startedAt", "status") SELECT "config", "createdAt", "createdById", "error", "finishedAt", "id", "itemCount", "kind", "mode", "name", "pauseReason", "promptSetId", "providerId", "startedAt", "status" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_status_idx" ON "Job"("status");
CREATE TABLE "new_ReviewDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traceId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewDecision_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewDecision" ("createdAt", "decision", "id", "reason", "reviewerId", "traceId", "updatedAt", "version") SELECT "createdAt", "decision", "id", "reason", "reviewerId", "traceId", "updatedAt", "version" FROM "ReviewDecision";
DROP TABLE "ReviewDecision";
ALTER TABLE "new_ReviewDecision" RENAME TO "ReviewDecision";
CREATE UNIQUE INDEX "ReviewDecision_traceId_reviewerId_key" ON "ReviewDecision"("traceId", "reviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TraceEdit_traceId_createdAt_idx" ON "TraceEdit"("traceId", "createdAt");
