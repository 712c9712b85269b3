-- DropIndex
DROP INDEX "Trace_jobId_reviewStatus_idx";

-- DropIndex
DROP INDEX "Trace_reviewStatus_createdAt_idx";

-- AlterTable
ALTER TABLE "Trace" ADD COLUMN     "flaggedAt" TIMESTAMP(3),
ADD COLUMN     "flaggedById" TEXT;

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "bulkActionId" TEXT,
ADD COLUMN     "reasonId" TEXT;

-- CreateTable
CREATE TABLE "RejectReason" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RejectReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraceComment" (
    "id" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraceComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSession" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdById" TEXT NOT NULL,
    "overlap" INTEGER NOT NULL,
    "access" TEXT NOT NULL,
    "reservationMinutes" INTEGER NOT NULL DEFAULT 10,
    "rule" TEXT NOT NULL,
    "adjudicatorId" TEXT,
    "filter" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planning',
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "planJobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSessionReviewer" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ReviewSessionReviewer_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "ReviewSessionItem" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'open',
    "verdict" TEXT,
    "verdictReason" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewSessionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSessionSlot" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "reservedUntil" TIMESTAMP(3),
    "decision" TEXT,
    "reasonId" TEXT,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewSessionSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RejectReason_label_key" ON "RejectReason"("label");

-- CreateIndex
CREATE INDEX "RejectReason_position_idx" ON "RejectReason"("position");

-- CreateIndex
CREATE INDEX "TraceComment_traceId_createdAt_idx" ON "TraceComment"("traceId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewSessionItem_sessionId_state_position_idx" ON "ReviewSessionItem"("sessionId", "state", "position");

-- CreateIndex
CREATE INDEX "ReviewSessionItem_traceId_idx" ON "ReviewSessionItem"("traceId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSessionItem_sessionId_traceId_key" ON "ReviewSessionItem"("sessionId", "traceId");

-- CreateIndex
CREATE INDEX "ReviewSessionSlot_sessionId_reviewerId_state_position_idx" ON "ReviewSessionSlot"("sessionId", "reviewerId", "state", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSessionSlot_itemId_reviewerId_key" ON "ReviewSessionSlot"("itemId", "reviewerId");

-- CreateIndex
CREATE INDEX "Trace_jobId_reviewStatus_createdAt_id_idx" ON "Trace"("jobId", "reviewStatus", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Trace_reviewStatus_createdAt_id_idx" ON "Trace"("reviewStatus", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Trace_createdAt_id_idx" ON "Trace"("createdAt", "id");

-- CreateIndex
CREATE INDEX "ReviewDecision_reviewerId_traceId_idx" ON "ReviewDecision"("reviewerId", "traceId");

-- CreateIndex
CREATE INDEX "ReviewDecision_reasonId_idx" ON "ReviewDecision"("reasonId");

-- AddForeignKey
ALTER TABLE "TraceComment" ADD CONSTRAINT "TraceComment_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSessionReviewer" ADD CONSTRAINT "ReviewSessionReviewer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSessionItem" ADD CONSTRAINT "ReviewSessionItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSessionItem" ADD CONSTRAINT "ReviewSessionItem_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSessionSlot" ADD CONSTRAINT "ReviewSessionSlot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSessionSlot" ADD CONSTRAINT "ReviewSessionSlot_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewSessionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Seed the reject-reason taxonomy (admins edit it from Settings, reasons)
INSERT INTO "RejectReason" ("id", "label", "description", "position", "createdAt", "updatedAt") VALUES
  ('reason-wrong-answer', 'Wrong answer', 'The final answer is incorrect.', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-shortcut', 'Right answer by a shortcut', 'The answer is right but the steps do not reach it (guessed, skipped or unsound reasoning).', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-style', 'Style without substance', 'Confident tone and structure, little actual reasoning.', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-hallucination', 'Hallucinated fact', 'States something false or made up as fact.', 4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-refusal', 'Refusal', 'The teacher declined or deflected the task.', 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-truncated', 'Truncated', 'The output stops before it is finished.', 6, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-contaminated', 'Contaminated', 'Quotes or reproduces a benchmark item.', 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-duplicate', 'Duplicate', 'Near-identical to another trace.', 8, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('reason-other', 'Other', 'Anything else: say what in the note.', 9, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
