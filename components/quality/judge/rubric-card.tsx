import type { JudgeAgreement, RubricView } from "@/lib/quality/judge";
import { Badge } from "../../ui/badge";
import { Card, CardBody, CardHeader } from "../../ui/card";
import { formatCount, formatUtc } from "../../ui/format";
import { AgreementCard } from "./agreement-card";
import { NewVersionForm } from "./rubric-forms";

/** A rubric: its versions newest first, each with its instructions and how the judge agrees with people. */
export function RubricCard({
  rubric,
  agreements,
  canManage,
}: {
  rubric: RubricView;
  /** By version id, for versions that have scores. */
  agreements: Map<string, JudgeAgreement>;
  canManage: boolean;
}) {
  const latest = rubric.versions[0];
  return (
    <Card>
      <CardHeader
        title={rubric.name}
        description={`${rubric.versions.length} ${rubric.versions.length === 1 ? "version" : "versions"}; versions never change once saved.`}
      />
      <CardBody className="space-y-5">
        {canManage && latest && <NewVersionForm rubricId={rubric.id} latest={latest} />}
        {rubric.versions.map((v, i) => {
          const agreement = agreements.get(v.id);
          return (
            <section
              key={v.id}
              className="space-y-3 border-t border-slate-100 pt-4 first:border-t-0 first:pt-0"
              data-testid={`rubric-version-${rubric.name}-${v.version}`}
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold text-slate-900">v{v.version}</span>
                {i === 0 && <Badge tone="indigo">latest</Badge>}
                <span className="text-slate-600">
                  scores 1–{v.scale}, approves from {v.passScore} · {formatCount(v.scores)} traces judged ·{" "}
                  {formatUtc(v.createdAt.toISOString())}
                </span>
              </div>
              <details open={i === 0}>
                <summary className="cursor-pointer text-sm text-slate-600">Instructions</summary>
                <pre className="mt-2 rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-800">
                  {v.instructions}
                </pre>
              </details>
              {agreement ? (
                <AgreementCard agreement={agreement} passScore={v.passScore} />
              ) : (
                <p className="text-sm text-slate-500">
                  Not run yet: run the judge with this version to compare it with people.
                </p>
              )}
            </section>
          );
        })}
      </CardBody>
    </Card>
  );
}
