-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "operation" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'import',
ADD COLUMN     "parentPromptId" TEXT,
ADD COLUMN     "synthesisIndex" INTEGER,
ADD COLUMN     "synthesisItemId" TEXT,
ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "maxConcurrency" INTEGER,
ADD COLUMN     "requestsPerMinute" INTEGER,
ADD COLUMN     "tokensPerMinute" INTEGER;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'traces',
ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'live',
ADD COLUMN     "pauseReason" TEXT;

-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "payload" JSONB,
ALTER COLUMN "promptId" DROP NOT NULL,
ALTER COLUMN "systemMessageVersionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Trace" ADD COLUMN     "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "reasoning" TEXT,
ADD COLUMN     "reasoningTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requestMode" TEXT NOT NULL DEFAULT 'live',
ADD COLUMN     "strategy" JSONB,
ADD COLUMN     "systemPromptErasable" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProviderRateReservation" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "requests" INTEGER NOT NULL,
    "tokens" INTEGER NOT NULL,

    CONSTRAINT "ProviderRateReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchSubmission" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "externalId" TEXT,
    "inputFileId" TEXT,
    "outputFileId" TEXT,
    "requestCount" INTEGER NOT NULL,
    "error" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "nextPollAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "ingestedAt" TIMESTAMP(3),

    CONSTRAINT "BatchSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderRateReservation_providerId_at_idx" ON "ProviderRateReservation"("providerId", "at");

-- CreateIndex
CREATE INDEX "BatchSubmission_jobId_status_idx" ON "BatchSubmission"("jobId", "status");

-- CreateIndex
CREATE INDEX "BatchSubmission_status_nextPollAt_idx" ON "BatchSubmission"("status", "nextPollAt");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_synthesisItemId_synthesisIndex_key" ON "Prompt"("synthesisItemId", "synthesisIndex");

-- CreateIndex
CREATE INDEX "JobItem_batchId_idx" ON "JobItem"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_jobId_ordinal_key" ON "JobItem"("jobId", "ordinal");

-- AddForeignKey
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_parentPromptId_fkey" FOREIGN KEY ("parentPromptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_synthesisItemId_fkey" FOREIGN KEY ("synthesisItemId") REFERENCES "JobItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderRateReservation" ADD CONSTRAINT "ProviderRateReservation_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobItem" ADD CONSTRAINT "JobItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "BatchSubmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchSubmission" ADD CONSTRAINT "BatchSubmission_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
