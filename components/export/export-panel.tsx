"use client";

import { useRouter } from "next/navigation";
import type { ExportJobOption } from "@/lib/export/queries";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Select } from "../ui/field";
import { Notice } from "../ui/notice";

export function ExportPanel({
  jobs,
  jobId,
  rowCount,
  totalApproved,
  preview,
}: {
  jobs: ExportJobOption[];
  jobId?: string;
  rowCount: number;
  totalApproved: number;
  preview: string[];
}) {
  const router = useRouter();
  const query = new URLSearchParams({ ...(jobId ? { jobId } : {}), format: "jsonl" });
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader title="What to export" description="Approved traces only: one JSON object per line." />
        <CardBody className="space-y-4">
          <Field label="Job" htmlFor="export-job">
            <Select
              id="export-job"
              value={jobId ?? ""}
              onChange={(e) =>
                router.push(
                  e.target.value ? `/export?jobId=${encodeURIComponent(e.target.value)}` : "/export",
                )
              }
            >
              <option value="">All jobs ({totalApproved} approved)</option>
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.approvedCount} approved)
                </option>
              ))}
            </Select>
          </Field>
          <p className="text-sm text-slate-700">
            <span className="font-semibold" data-testid="export-count">
              {rowCount}
            </span>{" "}
            row{rowCount === 1 ? "" : "s"} will be exported.
          </p>
          {rowCount === 0 ? (
            <Notice tone="warning">Nothing approved here yet: approve traces in Review first.</Notice>
          ) : (
            <a
              href={`/api/export?${query}`}
              download
              className="inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-xs hover:bg-indigo-500"
            >
              Download JSONL
            </a>
          )}
        </CardBody>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader
          title="Preview"
          description="The first 3 lines of the file, exactly as written (scroll sideways)."
        />
        <CardBody>
          {preview.length === 0 ? (
            <p className="text-sm text-slate-500">No lines to show.</p>
          ) : (
            <pre
              className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre text-slate-100"
              data-testid="export-preview"
            >
              {preview.join("")}
            </pre>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
