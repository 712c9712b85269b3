-- AlterTable
ALTER TABLE "PromptImport" ADD COLUMN     "bytesRead" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "bytesTotal" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "publishedRows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spoolPath" TEXT,
ADD COLUMN     "validRows" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "rateLimitedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "planAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "planCursor" JSONB,
ADD COLUMN     "planLeaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "planOwner" TEXT,
ADD COLUMN     "plannedCount" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "promptSetId" DROP NOT NULL,
ALTER COLUMN "providerId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "TraceEdit" (
    "id" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "editorId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraceEdit_pkey" PRIMARY KEY ("id")
);

-- Corrections written on decisions become trace edits, kept beside the original.
INSERT INTO "TraceEdit" ("id", "traceId", "content", "editorId", "createdAt")
SELECT 'edit-' || "id", "traceId", "editedContent", "reviewerId", "updatedAt"
FROM "ReviewDecision" WHERE "editedContent" IS NOT NULL;

-- AlterTable
ALTER TABLE "ReviewDecision" DROP COLUMN "editedContent";

-- CreateIndex
CREATE INDEX "TraceEdit_traceId_createdAt_idx" ON "TraceEdit"("traceId", "createdAt");

-- CreateIndex
CREATE INDEX "PromptImport_promptSetId_createdAt_idx" ON "PromptImport"("promptSetId", "createdAt");

-- AddForeignKey
ALTER TABLE "PromptImport" ADD CONSTRAINT "PromptImport_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraceEdit" ADD CONSTRAINT "TraceEdit_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
