import Link from "next/link";
import { NewJobTabs } from "@/components/jobs/new-job-tabs";
import { SynthesisForm } from "@/components/jobs/synthesis-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { listPromptSets } from "@/lib/prompts";
import { listProviders } from "@/lib/teacher";

export const metadata = { title: "Synthesize prompts" };

export default async function NewSynthesisPage() {
  await requireUser("jobs:launch");
  const [sets, teachers] = await Promise.all([listPromptSets(), listProviders()]);
  return (
    <>
      <PageHeader
        title="Synthesize prompts"
        description="The teacher writes new prompts into a set, from a graph of topics or by evolving existing prompts. Each new prompt records how it was made."
      />
      <NewJobTabs current="/jobs/new/synthesis" />
      {teachers.length === 0 ? (
        <Notice tone="warning">
          Before synthesizing prompts, add{" "}
          <Link href="/teachers" className="font-medium underline">
            a teacher
          </Link>
          .
        </Notice>
      ) : (
        <SynthesisForm
          sets={sets.map((s) => ({ id: s.id, name: s.name, promptCount: s.promptCount }))}
          teachers={teachers.map((t) => ({ id: t.id, name: t.name, model: t.model, hasApiKey: t.hasApiKey }))}
        />
      )}
    </>
  );
}
