"use client";

import { useRouter } from "next/navigation";
import { reviewFilterQuery } from "@/lib/review/filter";
import type { ReviewFilterStatus } from "@/lib/review/schemas";
import { Select } from "../ui/field";

export function JobFilter({
  jobs,
  status,
  jobId,
}: {
  jobs: Array<{ id: string; name: string }>;
  status: ReviewFilterStatus;
  jobId?: string;
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Job
      <Select
        aria-label="Job"
        className="w-72"
        value={jobId ?? ""}
        onChange={(e) =>
          router.push(`/review${reviewFilterQuery({ status, jobId: e.target.value || undefined })}`)
        }
      >
        <option value="">All jobs</option>
        {/* A job opened from its page before it has stored any trace. */}
        {jobId && !jobs.some((j) => j.id === jobId) && (
          <option value={jobId}>This job (no traces yet)</option>
        )}
        {jobs.map((j) => (
          <option key={j.id} value={j.id}>
            {j.name}
          </option>
        ))}
      </Select>
    </label>
  );
}
