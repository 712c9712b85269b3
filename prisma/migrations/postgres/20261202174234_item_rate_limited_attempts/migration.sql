-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "rateLimited" INTEGER NOT NULL DEFAULT 0;
