import { ExportPanel } from "@/components/export/export-panel";
import { PageHeader } from "@/components/ui/page-header";
import { previewApprovedJsonl } from "@/lib/export/jsonl";
import { countApproved, listExportJobs } from "@/lib/export/queries";
import { requireUser } from "@/lib/next/current-user";

export const metadata = { title: "Export" };

export default async function ExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("export");
  const raw = (await searchParams).jobId;
  const jobs = await listExportJobs();
  // An unknown job id falls back to everything rather than an empty export.
  const jobId = jobs.some((j) => j.id === raw) ? (raw as string) : undefined;
  const [rowCount, totalApproved, preview] = await Promise.all([
    countApproved({ jobId }),
    countApproved({}),
    previewApprovedJsonl({ jobId }, 3),
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
        rowCount={rowCount}
        totalApproved={totalApproved}
        preview={preview}
      />
    </>
  );
}
