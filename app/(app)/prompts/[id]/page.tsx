import Link from "next/link";
import { CategoryBadges } from "@/components/prompts/category-badges";
import { ImportHistory } from "@/components/prompts/import-history";
import { ImportPanel } from "@/components/prompts/import-panel";
import { PromptTable } from "@/components/prompts/prompt-table";
import { SetSettings } from "@/components/prompts/set-settings";
import { VerifySettingsForm } from "@/components/quality/verify-settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { listImports } from "@/lib/prompts";
import { getPromptSet, listPrompts } from "@/lib/prompts/queries";
import { PromptListQuerySchema } from "@/lib/prompts/schemas";
import { orNotFound } from "@/lib/next/or-not-found";

export const metadata = { title: "Prompt set" };

export default async function PromptSetPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const query = PromptListQuerySchema.parse(await searchParams);
  const set = await orNotFound(getPromptSet(id));
  const [page, imports] = await Promise.all([listPrompts(id, query), listImports(id)]);
  const canImport = can(user.role, "prompts:import");
  return (
    <>
      <Link href="/prompts" className="mb-2 inline-block text-sm text-slate-500 hover:text-slate-800">
        ← Prompt sets
      </Link>
      <PageHeader
        title={set.name}
        description={
          <span className="flex flex-col gap-2">
            {set.description && <span>{set.description}</span>}
            <span className="flex flex-wrap items-center gap-2">
              <span>{set.promptCount.toLocaleString("en-US")} prompts</span>
              <CategoryBadges categories={set.categories} limit={8} />
            </span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Prompts" />
            <PromptTable setId={id} page={page} query={query} categories={set.categories} />
          </Card>
          <Card>
            <CardHeader title="Import history" />
            <ImportHistory promptSetId={id} initial={imports} />
          </Card>
        </div>
        {canImport && (
          <div className="space-y-6">
            <Card>
              <CardHeader title="Import into this set" />
              <CardBody>
                <ImportPanel promptSetId={id} />
              </CardBody>
            </Card>
            {can(user.role, "quality:manage") && (
              <Card>
                <CardHeader title="Answer verification" />
                <CardBody>
                  <VerifySettingsForm
                    promptSetId={set.id}
                    current={set.verifySettings as Parameters<typeof VerifySettingsForm>[0]["current"]}
                  />
                </CardBody>
              </Card>
            )}
            <Card>
              <CardHeader title="Settings" />
              <CardBody>
                <SetSettings
                  set={{
                    id: set.id,
                    name: set.name,
                    description: set.description,
                    promptCount: set.promptCount,
                    jobCount: set.jobCount,
                  }}
                />
              </CardBody>
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
