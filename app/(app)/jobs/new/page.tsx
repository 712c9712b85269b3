import { randomInt } from "node:crypto";
import Link from "next/link";
import { LaunchForm } from "@/components/jobs/launch-form";
import { NewJobTabs } from "@/components/jobs/new-job-tabs";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { currentVersionsOfEnabledMessages } from "@/lib/bank";
import { MAX_SEED } from "@/lib/generation/schemas";
import { requireUser } from "@/lib/next/current-user";
import { listPromptSetOverviews } from "@/lib/prompts/queries";
import { listProviders } from "@/lib/teacher";

export const metadata = { title: "New job" };

export default async function NewJobPage() {
  await requireUser("jobs:launch");
  const [promptSets, messages, teachers] = await Promise.all([
    listPromptSetOverviews(),
    currentVersionsOfEnabledMessages(),
    listProviders(),
  ]);
  const missing = [
    promptSets.every((s) => s.promptCount === 0) && { href: "/prompts", what: "a prompt set with prompts" },
    messages.length === 0 && { href: "/bank", what: "an enabled system message" },
    teachers.length === 0 && { href: "/teachers", what: "a teacher" },
  ].filter((m) => m !== false);
  return (
    <>
      <PageHeader
        title="New generation job"
        description="The configuration is frozen at launch: later edits to messages, prompts or teachers do not change this job."
      />
      <NewJobTabs current="/jobs/new" />
      {missing.length > 0 ? (
        <Notice tone="warning">
          Before launching a job, add{" "}
          {missing.map((m, i) => (
            <span key={m.href}>
              {i > 0 && " and "}
              <Link href={m.href} className="font-medium underline">
                {m.what}
              </Link>
            </span>
          ))}
          .
        </Notice>
      ) : (
        <LaunchForm
          seed={randomInt(0, MAX_SEED)}
          promptSets={promptSets.map((s) => ({
            id: s.id,
            name: s.name,
            promptCount: s.promptCount,
            categories: s.categories,
          }))}
          messages={messages.map((m) => ({
            messageId: m.messageId,
            name: m.name,
            weight: m.weight,
            version: m.version,
            tags: m.tags,
          }))}
          teachers={teachers.map((t) => ({ id: t.id, name: t.name, model: t.model, hasApiKey: t.hasApiKey }))}
        />
      )}
    </>
  );
}
