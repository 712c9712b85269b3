-- CreateIndex
CREATE INDEX "Prompt_promptSetId_createdAt_id_idx" ON "Prompt"("promptSetId", "createdAt", "id");
