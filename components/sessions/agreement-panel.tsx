import Link from "next/link";
import type { ReactNode } from "react";
import type { AgreementFigures, Figure, LabelFigures, PairFigures } from "@/lib/sessions";
import { Card, CardBody, CardHeader } from "../ui/card";
import { formatCount } from "../ui/format";
import { Table, Td, Th } from "../ui/table";

/** 0.667 → "67%"; never "100%" or "0%" for a share that is not exactly that. */
export function formatShare(x: number): string {
  const whole = Math.round(x * 100);
  if (whole === 100 && x < 1) return ">99%";
  if (whole === 0 && x > 0) return "<1%";
  return `${whole}%`;
}

/** Two decimals, a real minus sign, and no "−0.00". */
export function formatCoefficient(x: number): string {
  const fixed = x.toFixed(2);
  return Number(fixed) === 0 ? "0.00" : fixed.replace("-", "−");
}

const items = (n: number) => `${formatCount(n)} ${n === 1 ? "item" : "items"}`;

function NotDefined({ figure }: { figure: Figure }) {
  return (
    <span className="text-slate-500">
      {figure.notDefined}
      {figure.n > 0 && ` (n = ${items(figure.n)})`}
    </span>
  );
}

/** "κ = 0.62 (n = 143 items)", or why it has no value. */
function Coefficient({ symbol, figure, testId }: { symbol: string; figure: Figure; testId?: string }) {
  return (
    <span data-testid={testId}>
      {figure.value === null ? (
        <NotDefined figure={figure} />
      ) : (
        <>
          <span className="font-medium text-slate-900">
            {symbol} = {formatCoefficient(figure.value)}
          </span>{" "}
          <span className="text-slate-500">(n = {items(figure.n)})</span>
        </>
      )}
    </span>
  );
}

/** "67% (2 of n = 3 items)": the items on which every reviewer gave the same label. */
function Unanimous({ figure, testId }: { figure: LabelFigures["unanimous"]; testId?: string }) {
  return (
    <span data-testid={testId}>
      {figure.value === null ? (
        <NotDefined figure={figure} />
      ) : (
        <>
          <span className="font-medium text-slate-900">{formatShare(figure.value)}</span>{" "}
          <span className="text-slate-500">
            ({formatCount(figure.items)} of n = {items(figure.n)})
          </span>
        </>
      )}
    </span>
  );
}

function Share({ figure, testId }: { figure: Figure; testId?: string }) {
  return (
    <span data-testid={testId}>
      {figure.value === null ? (
        <NotDefined figure={figure} />
      ) : (
        <>
          <span className="font-medium text-slate-900">{formatShare(figure.value)}</span>{" "}
          <span className="text-slate-500">(n = {items(figure.n)})</span>
        </>
      )}
    </span>
  );
}

const ROWS: Array<{
  label: string;
  hint: string;
  key: "unanimous" | "pairwise" | "fleiss" | "alpha";
  cell: (f: LabelFigures, testId?: string) => ReactNode;
}> = [
  {
    label: "Percent agreement",
    hint: "Traces on which every reviewer gave the same answer.",
    key: "unanimous",
    cell: (f, testId) => <Unanimous figure={f.unanimous} testId={testId} />,
  },
  {
    label: "Agreeing pairs",
    hint: "Per trace, the share of reviewer pairs who agree, averaged over traces.",
    key: "pairwise",
    cell: (f, testId) => <Share figure={f.pairwise} testId={testId} />,
  },
  {
    label: "Fleiss' κ",
    hint: "Chance-corrected, over traces with all k decisions.",
    key: "fleiss",
    cell: (f, testId) => <Coefficient symbol="κ" figure={f.fleiss} testId={testId} />,
  },
  {
    label: "Krippendorff's α",
    hint: "Chance-corrected, nominal; any trace with two decisions or more.",
    key: "alpha",
    cell: (f, testId) => <Coefficient symbol="α" figure={f.alpha} testId={testId} />,
  },
];

const TEST_IDS: Record<(typeof ROWS)[number]["key"], string> = {
  unanimous: "percent",
  pairwise: "pairwise",
  fleiss: "fleiss",
  alpha: "alpha",
};

/** How much the reviewers agree: raw and chance-corrected, overall and per pair, and on their edits. */
export function AgreementPanel({ figures }: { figures: AgreementFigures }) {
  const { decisions, reasons, pairs, edits } = figures;
  return (
    <Card>
      <CardHeader
        title="Agreement"
        description={
          figures.rated === 0
            ? "Between the reviewers' decisions, once traces have two."
            : `Over the ${formatCount(figures.rated)} traces with two decisions or more (k = ${figures.overlap}). κ and α correct for chance: 1 is full agreement, 0 what chance gives, below 0 worse.`
        }
      />
      <CardBody className="space-y-4">
        {figures.rated === 0 ? (
          <p className="text-sm text-slate-500">No trace has two decisions yet.</p>
        ) : (
          <>
            <Table>
              <thead>
                <tr>
                  <Th>Measure</Th>
                  <Th>Approve / reject</Th>
                  <Th>Reject reason</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ROWS.map((row) => (
                  <tr key={row.key}>
                    <Td>
                      <span className="font-medium text-slate-800" title={row.hint}>
                        {row.label}
                      </span>
                    </Td>
                    <Td>{row.cell(decisions, `agreement-decisions-${TEST_IDS[row.key]}`)}</Td>
                    <Td>{row.cell(reasons, `agreement-reasons-${TEST_IDS[row.key]}`)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="text-xs text-slate-500">
              {decisions.fleiss.excluded > 0 &&
                `Fleiss' κ leaves out ${items(decisions.fleiss.excluded)} without all ${decisions.fleiss.ratingsPerItem ?? figures.overlap} decisions yet. `}
              Reject reasons are compared where two reviewers or more rejected a trace with a reason from the
              list.
            </p>
            <PairsTable pairs={pairs} />
          </>
        )}
        <p className="text-sm text-slate-700" data-testid="agreement-edits">
          <span className="font-medium text-slate-800">Edits:</span>{" "}
          {edits.meanDistance === null ? (
            <span className="text-slate-500">{edits.notDefined}</span>
          ) : (
            <>
              mean word distance between the reviewers&apos; edited texts{" "}
              <span className="font-medium text-slate-900">
                {edits.lowerBound ? "≥ " : ""}
                {formatCoefficient(edits.meanDistance)}
              </span>{" "}
              <span className="text-slate-500">
                (n = {formatCount(edits.n)} {edits.n === 1 ? "trace" : "traces"}; 0 identical, 1 nothing in
                common)
              </span>
            </>
          )}
        </p>
      </CardBody>
    </Card>
  );
}

// (The headers are set in capitals, which would turn κ into a K: it keeps its case.)
function PairsTable({ pairs }: { pairs: PairFigures[] }) {
  if (pairs.length === 0) return null;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Reviewer pair</Th>
          <Th>
            Cohen&apos;s <span className="normal-case">κ</span>, approve / reject
          </Th>
          <Th>
            Cohen&apos;s <span className="normal-case">κ</span>, reject reason
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {pairs.map((pair) => (
          <tr key={`${pair.a.id} ${pair.b.id}`} data-testid="agreement-pairs">
            <Td>
              <span className="font-medium text-slate-800">{pair.a.name}</span> &amp;{" "}
              <span className="font-medium text-slate-800">{pair.b.name}</span>
            </Td>
            <Td>
              <Coefficient symbol="κ" figure={pair.decisions} />
              {pair.decisions.observed !== null && (
                <span className="block text-xs text-slate-500">
                  agree on {formatShare(pair.decisions.observed)}
                </span>
              )}
            </Td>
            <Td>
              {pair.reasons ? (
                <Coefficient symbol="κ" figure={pair.reasons} />
              ) : (
                <span className="text-slate-500">no trace both rejected with a reason</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Past AGREEMENT_ON_DEMAND items: agreement reads every decision, so it waits to be asked. */
export function AgreementOnDemand({ href, itemCount }: { href: string; itemCount: number }) {
  return (
    <Card>
      <CardHeader
        title="Agreement"
        description={`This session has ${formatCount(itemCount)} traces: agreement reads every decision, so it is measured when you ask.`}
      />
      <CardBody>
        <Link href={href} className="text-sm font-medium text-indigo-700 hover:underline" prefetch={false}>
          Measure agreement
        </Link>
      </CardBody>
    </Card>
  );
}
