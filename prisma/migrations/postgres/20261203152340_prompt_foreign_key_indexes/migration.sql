-- DropIndex
DROP INDEX "JobItem_jobId_promptId_sampleIndex_key";

-- CreateIndex
-- Partial (hand-written): most prompts have no parent, and an import should not pay for them.
CREATE INDEX "Prompt_parentPromptId_idx" ON "Prompt"("parentPromptId") WHERE "parentPromptId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_promptId_jobId_sampleIndex_key" ON "JobItem"("promptId", "jobId", "sampleIndex");

-- CreateIndex
CREATE INDEX "Trace_promptId_idx" ON "Trace"("promptId");
