-- AlterTable
ALTER TABLE "PromptSet" ADD COLUMN "verifySettings" JSONB;

-- AlterTable
ALTER TABLE "Trace" ADD COLUMN "checkedAt" DATETIME;

-- CreateTable
CREATE TABLE "QualityVerdict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traceId" TEXT,
    "promptId" TEXT,
    "check" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "score" REAL,
    "summary" TEXT NOT NULL,
    "evidence" JSONB,
    "spans" JSONB,
    "clusterId" TEXT,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QualityVerdict_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QualityVerdict_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualityCluster" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "check" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "similarity" REAL NOT NULL,
    "representativeId" TEXT NOT NULL,
    "jobId" TEXT,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Benchmark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "licence" TEXT,
    "sourceUrl" TEXT,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BenchmarkItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "benchmarkId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answer" TEXT,
    CONSTRAINT "BenchmarkItem_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgeRubric" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JudgeRubricVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rubricId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "instructions" TEXT NOT NULL,
    "scale" INTEGER NOT NULL DEFAULT 5,
    "passScore" INTEGER NOT NULL DEFAULT 4,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgeRubricVersion_rubricId_fkey" FOREIGN KEY ("rubricId") REFERENCES "JudgeRubric" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgeScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traceId" TEXT NOT NULL,
    "rubricVersionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "jobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgeScore_traceId_fkey" FOREIGN KEY ("traceId") REFERENCES "Trace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JudgeScore_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "JudgeRubricVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualityRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reasonId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "QualityVerdict_check_outcome_traceId_idx" ON "QualityVerdict"("check", "outcome", "traceId");

-- CreateIndex
CREATE INDEX "QualityVerdict_clusterId_idx" ON "QualityVerdict"("clusterId") WHERE "clusterId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "QualityVerdict_traceId_check_key" ON "QualityVerdict"("traceId", "check");

-- CreateIndex
CREATE UNIQUE INDEX "QualityVerdict_promptId_check_key" ON "QualityVerdict"("promptId", "check");

-- CreateIndex
CREATE INDEX "QualityCluster_check_subject_size_idx" ON "QualityCluster"("check", "subject", "size");

-- CreateIndex
CREATE UNIQUE INDEX "Benchmark_name_key" ON "Benchmark"("name");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkItem_benchmarkId_itemId_key" ON "BenchmarkItem"("benchmarkId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeRubric_name_key" ON "JudgeRubric"("name");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeRubricVersion_rubricId_version_key" ON "JudgeRubricVersion"("rubricId", "version");

-- CreateIndex
CREATE INDEX "JudgeScore_rubricVersionId_score_idx" ON "JudgeScore"("rubricVersionId", "score");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeScore_traceId_rubricVersionId_key" ON "JudgeScore"("traceId", "rubricVersionId");
