import { Pipeline } from "@/components/overview/pipeline";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { overview } from "@/lib/overview/queries";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<{ forbidden?: string }>;
}) {
  const user = await requireUser();
  const [{ forbidden }, data] = await Promise.all([searchParams, overview()]);
  return (
    <>
      <PageHeader
        title="Overview"
        description={`Signed in as ${user.name} (${user.role}). A corpus is built in five steps: write system messages, bring prompts, run the teacher, review its traces, export what you approved.`}
      />
      {forbidden && (
        <div className="mb-6">
          <Notice tone="warning">
            Your role ({user.role}) cannot open that page ({forbidden}).
          </Notice>
        </div>
      )}
      <Pipeline data={data} />
    </>
  );
}
