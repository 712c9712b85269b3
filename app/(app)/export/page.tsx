import { ExportPanel } from "@/components/export/export-panel";
import { PageHeader } from "@/components/ui/page-header";
import { previewApprovedJsonl } from "@/lib/export/jsonl";
import { exportStats, listExportJobs } from "@/lib/export/queries";
import { DEFAULT_SHAPE, ExportQuerySchema } from "@/lib/export/schemas";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "Export" };

export default async function ExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("export");
  const params = await searchParams;
  const raw = params.jobId;
  const parsed = ExportQuerySchema.safeParse({
    erase: one(params.erase),
    reasoning: one(params.reasoning),
    reasoningTag: one(params.reasoningTag),
  });
  // Unreadable options fall back to the defaults rather than an error page.
  const shape = parsed.success
    ? { erase: parsed.data.erase, reasoning: parsed.data.reasoning, reasoningTag: parsed.data.reasoningTag }
    : DEFAULT_SHAPE;
  const jobs = await listExportJobs();
  // An unknown job id falls back to everything rather than an empty export.
  const jobId = jobs.some((j) => j.id === raw) ? (raw as string) : undefined;
  // Every trace belongs to a job, so the jobs' counts add up to all approved traces.
  const totalApproved = jobs.reduce((sum, j) => sum + j.approvedCount, 0);
  const [stats, preview] = await Promise.all([
    exportStats({ jobId }),
    previewApprovedJsonl({ jobId }, 3, shape),
  ]);
  return (
    <>
      <PageHeader
        title="Export"
        description="Download approved (prompt, system prompt, trace) triples as JSONL, with provenance on every line."
      />
      <ExportPanel
        jobs={jobs}
        jobId={jobId}
        stats={stats}
        shape={shape}
        totalApproved={totalApproved}
        preview={preview}
      />
    </>
  );
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
