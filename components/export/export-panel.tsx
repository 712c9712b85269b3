"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ExportJobOption, ExportStats } from "@/lib/export/queries";
import type { ExportShape } from "@/lib/export/schemas";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { ExportOptions } from "./export-options";

/** The query string of an export: the page and the download link share it. */
function exportQuery(jobId: string | undefined, shape: ExportShape): URLSearchParams {
  const query = new URLSearchParams();
  if (jobId) query.set("jobId", jobId);
  query.set("format", "jsonl");
  if (shape.erase) query.set("erase", "1");
  if (shape.reasoning !== "answer") {
    query.set("reasoning", shape.reasoning);
    query.set("reasoningTag", shape.reasoningTag);
  }
  return query;
}

export function ExportPanel({
  jobs,
  jobId,
  stats,
  shape,
  totalApproved,
  preview,
}: {
  jobs: ExportJobOption[];
  jobId?: string;
  stats: ExportStats;
  shape: ExportShape;
  totalApproved: number;
  preview: string[];
}) {
  const router = useRouter();
  // Contaminated traces stay out unless the curator says why (the reason goes to the audit log).
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState("");
  const overriding = override && reason.trim().length >= 10;
  const rowCount = stats.rows + (overriding ? stats.contaminated : 0);
  const download = () => {
    const query = exportQuery(jobId, shape);
    if (overriding) {
      query.set("includeContaminated", "1");
      query.set("contaminationReason", reason.trim());
    }
    return `/api/export?${query}`;
  };
  const go = (nextJob: string | undefined, nextShape: ExportShape) => {
    const query = exportQuery(nextJob, nextShape);
    query.delete("format");
    const search = query.toString();
    router.push(search ? `/export?${search}` : "/export");
  };
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader title="What to export" description="Approved traces only: one JSON object per line." />
        <CardBody className="space-y-4">
          <Field label="Job" htmlFor="export-job">
            <Select
              id="export-job"
              value={jobId ?? ""}
              onChange={(e) => go(e.target.value || undefined, shape)}
            >
              <option value="">All jobs ({totalApproved} approved)</option>
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.approvedCount} approved)
                </option>
              ))}
            </Select>
          </Field>
          <ExportOptions shape={shape} stats={stats} onChange={(next) => go(jobId, next)} />
          {stats.contaminated > 0 && (
            <div className="space-y-2" data-testid="export-contaminated">
              <Notice tone="warning">
                {stats.contaminated} approved trace{stats.contaminated === 1 ? " is" : "s are"} left out: a
                contamination check found benchmark items in {stats.contaminated === 1 ? "it" : "them"} or in
                their prompts.
              </Notice>
              <label className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 accent-indigo-600"
                  checked={override}
                  onChange={(e) => setOverride(e.target.checked)}
                />
                Include them anyway
              </label>
              {override && (
                <Field label="Why (recorded in the audit log)" htmlFor="export-contamination-reason">
                  <Input
                    id="export-contamination-reason"
                    value={reason}
                    maxLength={500}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder="e.g. this set is for evaluation, never for training"
                  />
                </Field>
              )}
            </div>
          )}
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
              href={download()}
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
