-- AlterTable (a plain ADD COLUMN: a rebuild of a million-item table is not needed for it)
ALTER TABLE "JobItem" ADD COLUMN "rateLimited" INTEGER NOT NULL DEFAULT 0;
