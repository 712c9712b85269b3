import type { AgreementFigures } from "@/lib/sessions";
import { Card, CardBody, CardHeader } from "../ui/card";
import { DefinitionList } from "../ui/definition-list";
import { formatCount } from "../ui/format";

const share = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/** How much the reviewers agree, over the traces with two decisions or more. */
export function AgreementPanel({ figures }: { figures: AgreementFigures }) {
  return (
    <Card>
      <CardHeader title="Agreement" description="Observed agreement on the decisions made so far." />
      <CardBody>
        {figures.rated === 0 ? (
          <p className="text-sm text-slate-500">No trace has two decisions yet.</p>
        ) : (
          <DefinitionList
            wideLabels
            rows={[
              ["Traces measured", formatCount(figures.rated)],
              [
                "All reviewers alike",
                <span key="all" data-testid="agreement-percent">
                  {share(figures.percentAgreement)}
                </span>,
              ],
              ["Agreeing pairs", share(figures.pairwiseAgreement)],
            ]}
          />
        )}
      </CardBody>
    </Card>
  );
}
