import Link from "next/link";
import { notFound } from "next/navigation";
import { PromptLineageView } from "@/components/prompts/prompt-lineage";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/next/current-user";
import { getPromptLineage } from "@/lib/prompts/lineage";
import { orNotFound } from "@/lib/next/or-not-found";

export const metadata = { title: "Prompt" };

export default async function PromptPage({ params }: { params: Promise<{ id: string; promptId: string }> }) {
  await requireUser();
  const { id, promptId } = await params;
  const prompt = await orNotFound(getPromptLineage(promptId));
  if (prompt.promptSetId !== id) notFound();
  return (
    <>
      <Link href={`/prompts/${id}`} className="mb-2 inline-block text-sm text-slate-500 hover:text-slate-800">
        ← {prompt.promptSetName}
      </Link>
      <PageHeader title="Prompt" description={prompt.externalId ?? undefined} />
      <PromptLineageView prompt={prompt} />
    </>
  );
}
