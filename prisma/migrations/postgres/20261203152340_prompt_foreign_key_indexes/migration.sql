-- DropIndex
DROP INDEX "JobItem_jobId_promptId_sampleIndex_key";

-- CreateIndex
CREATE INDEX "Prompt_parentPromptId_idx" ON "Prompt"("parentPromptId");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_promptId_jobId_sampleIndex_key" ON "JobItem"("promptId", "jobId", "sampleIndex");

-- CreateIndex
CREATE INDEX "Trace_promptId_idx" ON "Trace"("promptId");
