-- DropIndex
DROP INDEX "JobItem_status_availableAt_idx";
