import { JobConfigCard } from "@/components/jobs/job-config-card";
import { formatUtc } from "@/components/ui/format";
import { JobLive } from "@/components/jobs/job-live";
import { JobQualityCard } from "@/components/quality/job-quality-card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { JobConfigSchema } from "@/lib/generation/schemas";
import { getJob, jobProgress } from "@/lib/jobs";
import { requireUser } from "@/lib/next/current-user";
import { orNotFound } from "@/lib/next/or-not-found";

export const metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("read");
  const { id } = await params;
  const [job, progress] = await orNotFound(Promise.all([getJob(id), jobProgress(id)]));
  // Generation jobs show their frozen teacher and parameters; other kinds their progress only.
  const parsed = JobConfigSchema.safeParse(job.config);
  const generation = parsed.success ? parsed.data : null;
  const { pricing } = generation ?? { pricing: { inputPerMTok: null, outputPerMTok: null } };
  return (
    <>
      <PageHeader
        title={job.name}
        description={`Launched ${formatUtc(job.createdAt)}${job.createdByName ? ` by ${job.createdByName}` : ""} · ${job.itemCount.toLocaleString("en-US")} items`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <JobLive
            jobId={job.id}
            initial={progress}
            canManage={can(user.role, "jobs:launch")}
            kind={job.kind}
            priced={pricing.inputPerMTok !== null || pricing.outputPerMTok !== null}
          />
        </div>
        <div className="space-y-6">
          {job.kind === "traces" && (
            <JobQualityCard jobId={job.id} canScan={can(user.role, "quality:manage")} />
          )}
          {generation && <JobConfigCard config={generation} />}
        </div>
      </div>
    </>
  );
}
