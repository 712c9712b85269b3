import "server-only";
import { db } from "../../db";

export type BatchSubmissionView = {
  id: string;
  status: string;
  externalId: string | null;
  requestCount: number;
  createdAt: Date;
  submittedAt: Date | null;
  endedAt: Date | null;
  ingestedAt: Date | null;
  nextPollAt: Date;
  error: string | null;
};

/** A job's provider batches, newest first, for its page. */
export async function listBatchSubmissions(jobId: string): Promise<BatchSubmissionView[]> {
  return db().batchSubmission.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      status: true,
      externalId: true,
      requestCount: true,
      createdAt: true,
      submittedAt: true,
      endedAt: true,
      ingestedAt: true,
      nextPollAt: true,
      error: true,
    },
  });
}
