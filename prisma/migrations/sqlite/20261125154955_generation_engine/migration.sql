-- AlterTable
ALTER TABLE "Provider" ADD COLUMN "maxConcurrency" INTEGER;
ALTER TABLE "Provider" ADD COLUMN "requestsPerMinute" INTEGER;
ALTER TABLE "Provider" ADD COLUMN "tokensPerMinute" INTEGER;

-- CreateTable
CREATE TABLE "ProviderRateReservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "requests" INTEGER NOT NULL,
    "tokens" INTEGER NOT NULL,
    CONSTRAINT "ProviderRateReservation_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BatchSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "externalId" TEXT,
    "inputFileId" TEXT,
    "outputFileId" TEXT,
    "requestCount" INTEGER NOT NULL,
    "error" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "nextPollAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "endedAt" DATETIME,
    "ingestedAt" DATETIME,
    CONSTRAINT "BatchSubmission_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Prompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptSetId" TEXT NOT NULL,
    "externalId" TEXT,
    "text" TEXT NOT NULL,
    "referenceAnswer" TEXT,
    "category" TEXT,
    "source" TEXT,
    "contentHash" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'import',
    "parentPromptId" TEXT,
    "topic" TEXT,
    "operation" TEXT,
    "synthesisItemId" TEXT,
    "synthesisIndex" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Prompt_promptSetId_fkey" FOREIGN KEY ("promptSetId") REFERENCES "PromptSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Prompt_parentPromptId_fkey" FOREIGN KEY ("parentPromptId") REFERENCES "Prompt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Prompt_synthesisItemId_fkey" FOREIGN KEY ("synthesisItemId") REFERENCES "JobItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Prompt" ("category", "contentHash", "createdAt", "externalId", "id", "promptSetId", "referenceAnswer", "source", "text") SELECT "category", "contentHash", "createdAt", "externalId", "id", "promptSetId", "referenceAnswer", "source", "text" FROM "Prompt";
DROP TABLE "Prompt";
ALTER TABLE "new_Prompt" RENAME TO "Prompt";
CREATE INDEX "Prompt_promptSetId_category_idx" ON "Prompt"("promptSetId", "category");
CREATE UNIQUE INDEX "Prompt_synthesisItemId_synthesisIndex_key" ON "Prompt"("synthesisItemId", "synthesisIndex");
CREATE UNIQUE INDEX "Prompt_promptSetId_contentHash_key" ON "Prompt"("promptSetId", "contentHash");
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'traces',
    "mode" TEXT NOT NULL DEFAULT 'live',
    "status" TEXT NOT NULL,
    "pauseReason" TEXT,
    "config" JSONB NOT NULL,
    "promptSetId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Job_promptSetId_fkey" FOREIGN KEY ("promptSetId") REFERENCES "PromptSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("config", "createdAt", "createdById", "error", "finishedAt", "id", "itemCount", "name", "promptSetId", "providerId", "startedAt", "status") SELECT "config", "createdAt", "createdById", "error", "finishedAt", "id", "itemCount", "name", "promptSetId", "providerId", "startedAt", "status" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_status_idx" ON "Job"("status");
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
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JobItem_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobItem_systemMessageVersionId_fkey" FOREIGN KEY ("systemMessageVersionId") REFERENCES "SystemMessageVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "BatchSubmission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_JobItem" ("attempts", "availableAt", "id", "jobId", "lastError", "leaseExpiresAt", "leaseOwner", "ordinal", "promptId", "sampleIndex", "status", "systemMessageVersionId", "updatedAt") SELECT "attempts", "availableAt", "id", "jobId", "lastError", "leaseExpiresAt", "leaseOwner", "ordinal", "promptId", "sampleIndex", "status", "systemMessageVersionId", "updatedAt" FROM "JobItem";
DROP TABLE "JobItem";
ALTER TABLE "new_JobItem" RENAME TO "JobItem";
CREATE INDEX "JobItem_jobId_status_ordinal_idx" ON "JobItem"("jobId", "status", "ordinal");
CREATE INDEX "JobItem_status_availableAt_idx" ON "JobItem"("status", "availableAt");
CREATE INDEX "JobItem_batchId_idx" ON "JobItem"("batchId");
CREATE UNIQUE INDEX "JobItem_jobId_promptId_sampleIndex_key" ON "JobItem"("jobId", "promptId", "sampleIndex");
CREATE UNIQUE INDEX "JobItem_jobId_ordinal_key" ON "JobItem"("jobId", "ordinal");
CREATE TABLE "new_Trace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "systemMessageVersionId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "content" TEXT NOT NULL,
    "reasoning" TEXT,
    "strategy" JSONB,
    "systemPromptErasable" BOOLEAN NOT NULL DEFAULT false,
    "requestMode" TEXT NOT NULL DEFAULT 'live',
    "finishReason" TEXT NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "reasoningTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL,
    "reviewStatus" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Trace_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "JobItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trace_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trace_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Trace_systemMessageVersionId_fkey" FOREIGN KEY ("systemMessageVersionId") REFERENCES "SystemMessageVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Trace" ("content", "createdAt", "finishReason", "id", "inputTokens", "itemId", "jobId", "latencyMs", "model", "outputTokens", "params", "promptId", "reviewStatus", "systemMessageVersionId", "truncated") SELECT "content", "createdAt", "finishReason", "id", "inputTokens", "itemId", "jobId", "latencyMs", "model", "outputTokens", "params", "promptId", "reviewStatus", "systemMessageVersionId", "truncated" FROM "Trace";
DROP TABLE "Trace";
ALTER TABLE "new_Trace" RENAME TO "Trace";
CREATE UNIQUE INDEX "Trace_itemId_key" ON "Trace"("itemId");
CREATE INDEX "Trace_jobId_reviewStatus_idx" ON "Trace"("jobId", "reviewStatus");
CREATE INDEX "Trace_reviewStatus_createdAt_idx" ON "Trace"("reviewStatus", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProviderRateReservation_providerId_at_idx" ON "ProviderRateReservation"("providerId", "at");

-- CreateIndex
CREATE INDEX "BatchSubmission_jobId_status_idx" ON "BatchSubmission"("jobId", "status");

-- CreateIndex
CREATE INDEX "BatchSubmission_status_nextPollAt_idx" ON "BatchSubmission"("status", "nextPollAt");
