import { QualityNav } from "@/components/quality/quality-nav";
import { JudgeRuns } from "@/components/quality/judge/judge-runs";
import { RubricCard } from "@/components/quality/judge/rubric-card";
import { NewRubricForm } from "@/components/quality/judge/rubric-forms";
import { RunJudgeForm } from "@/components/quality/judge/run-judge-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/next/current-user";
import {
  ensureDefaultRubrics,
  judgeFormChoices,
  listRubrics,
  recentJudgeRuns,
  rubricVersionAgreement,
} from "@/lib/quality/judge";

export const metadata = { title: "LLM judge" };

export default async function JudgePage() {
  const user = await requireUser("read");
  const canManage = can(user.role, "quality:manage");
  await ensureDefaultRubrics();
  const [rubrics, runs, choices] = await Promise.all([
    listRubrics(),
    recentJudgeRuns(),
    canManage ? judgeFormChoices() : null,
  ]);
  const judged = rubrics.flatMap((r) => r.versions.filter((v) => v.scores > 0));
  const agreements = new Map(
    await Promise.all(judged.map(async (v) => [v.id, await rubricVersionAgreement(v.id)] as const)),
  );
  const versions = rubrics.flatMap((r) =>
    r.versions.map((v) => ({ id: v.id, label: `${r.name} v${v.version}` })),
  );
  return (
    <>
      <PageHeader
        title="Quality"
        description="A teacher scores traces by a rubric; each score becomes the trace's judge verdict. Compare a rubric's judge with people's decisions before you let a rule act on it."
      />
      <QualityNav current="/quality/judge" />
      <div className="space-y-6">
        {choices && (
          <Card>
            <CardHeader
              title="Run the judge"
              description="One request per trace, on the runner; follow it on its job page."
            />
            <CardBody>
              <RunJudgeForm
                versions={versions}
                jobs={choices.jobs}
                promptSets={choices.promptSets}
                teachers={choices.teachers}
              />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Recent runs" />
          <JudgeRuns runs={runs} />
        </Card>
        {rubrics.map((rubric) => (
          <RubricCard key={rubric.id} rubric={rubric} agreements={agreements} canManage={canManage} />
        ))}
        {canManage && (
          <Card>
            <CardHeader
              title="New rubric"
              description="Saved as version 1; later changes are new versions."
            />
            <CardBody>
              <NewRubricForm />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
