import { ImportPanel } from "@/components/prompts/import-panel";
import { SetList } from "@/components/prompts/set-list";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import { listPromptSetOverviews } from "@/lib/prompts/queries";

export const metadata = { title: "Prompts" };

export default async function PromptsPage() {
  const user = await requireUser();
  const sets = await listPromptSetOverviews();
  const canImport = can(user.role, "prompts:import");
  return (
    <>
      <PageHeader
        title="Prompt sets"
        description="The questions a job sends to the teacher. Import JSONL, CSV or JSON files; prompts are deduplicated by their normalised text within each set."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className={canImport ? "lg:col-span-2" : "lg:col-span-3"}>
          <CardHeader title="Sets" />
          <SetList sets={sets} />
        </Card>
        {canImport && (
          <Card>
            <CardHeader title="New prompt set" description="Name it, choose a file, import." />
            <CardBody>
              <ImportPanel />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
