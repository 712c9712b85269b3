import { cohensKappa, type NotDefinedReason, type RatedItem } from "../../sessions";

/** People's verdict on a trace: their decisions, unanimous one way, or split (conflict). */
export type HumanStatus = "approved" | "rejected" | "conflict";

/** One trace both the judge (under one rubric version) and people have decided. */
export type JudgedTrace = { traceId: string; score: number; human: HumanStatus };

export type ScoreDistribution = {
  /** counts[s - 1]: traces scored s, for s = 1..scale. */
  counts: number[];
  n: number;
  mean: number | null;
};

export type JudgeAgreement = {
  /** Traces compared: judged and decided by people, conflicts left out. */
  n: number;
  /** Traces people split on, left out of every figure. */
  conflicts: number;
  /** Share of compared traces on which the judge's approve/reject matches people's. */
  percentAgreement: number | null;
  /** Cohen's κ, judge against people; null with a reason when not defined. */
  kappa: number | null;
  /** Agreement expected by chance from each side's own approve rate. */
  expected: number | null;
  notDefined: NotDefinedReason | null;
  /** Rows: what people decided; columns: what the judge would have (score >= passScore). */
  confusion: {
    approved: { approve: number; reject: number };
    rejected: { approve: number; reject: number };
  };
  /** The judge's scores on the traces people approved and on those they rejected. */
  scores: { approved: ScoreDistribution; rejected: ScoreDistribution };
};

const JUDGE = "judge";
const PEOPLE = "people";

/**
 * How well the judge agrees with people: the judge "approves" a trace it scored passScore or more,
 * and is compared with the people's unanimous decision by percent agreement, Cohen's κ (the
 * sessions domain's, as between two reviewers) and a 2×2 table; plus where its scores fall.
 */
export function judgeAgreement(
  traces: readonly JudgedTrace[],
  rubric: { scale: number; passScore: number },
): JudgeAgreement {
  const compared = traces.filter(
    (t): t is JudgedTrace & { human: "approved" | "rejected" } => t.human !== "conflict",
  );
  const confusion = { approved: { approve: 0, reject: 0 }, rejected: { approve: 0, reject: 0 } };
  const items: RatedItem[] = [];
  for (const t of compared) {
    const judged = t.score >= rubric.passScore ? "approved" : "rejected";
    confusion[t.human][judged === "approved" ? "approve" : "reject"]++;
    items.push({
      itemId: t.traceId,
      ratings: [
        { reviewerId: JUDGE, label: judged },
        { reviewerId: PEOPLE, label: t.human },
      ],
    });
  }
  const kappa = cohensKappa(items, JUDGE, PEOPLE);
  return {
    n: kappa.n,
    conflicts: traces.length - compared.length,
    percentAgreement: kappa.observed,
    kappa: kappa.kappa,
    expected: kappa.expected,
    notDefined: kappa.reason,
    confusion,
    scores: {
      approved: distribution(
        compared.filter((t) => t.human === "approved"),
        rubric.scale,
      ),
      rejected: distribution(
        compared.filter((t) => t.human === "rejected"),
        rubric.scale,
      ),
    },
  };
}

function distribution(traces: readonly JudgedTrace[], scale: number): ScoreDistribution {
  const counts = Array.from({ length: scale }, () => 0);
  let sum = 0;
  for (const { score } of traces) {
    if (score >= 1 && score <= scale) counts[score - 1]!++;
    sum += score;
  }
  return { counts, n: traces.length, mean: traces.length ? sum / traces.length : null };
}
