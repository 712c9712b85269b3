import "server-only";
import { db } from "../../db";
import { NotFoundError } from "../../errors";
import { statusFromDecisions } from "../../review";
import { RULES_ACTOR_ID } from "../schemas";
import { judgeAgreement, type JudgeAgreement, type JudgedTrace } from "./agreement";

const PAGE = 2_000;

/**
 * Judge against people for one rubric version: every trace it scored that a person decided
 * (rules' decisions are not people's and are left out), people's verdict from their decisions.
 * Read in pages by score id, so memory holds one page of rows and the compared pairs.
 */
export async function rubricVersionAgreement(rubricVersionId: string): Promise<JudgeAgreement> {
  const version = await db().judgeRubricVersion.findUnique({
    where: { id: rubricVersionId },
    select: { scale: true, passScore: true },
  });
  if (!version) throw new NotFoundError("Rubric version", rubricVersionId);
  const people = { reviewerId: { not: RULES_ACTOR_ID } };
  const judged: JudgedTrace[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Array<{
      id: string;
      traceId: string;
      score: number;
      trace: { decisions: Array<{ decision: string }> };
    }> = await db().judgeScore.findMany({
      where: { rubricVersionId, trace: { decisions: { some: people } }, ...(after && { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        traceId: true,
        score: true,
        trace: { select: { decisions: { where: people, select: { decision: true } } } },
      },
    });
    for (const row of page) {
      const human = statusFromDecisions(row.trace.decisions);
      if (human !== "pending") judged.push({ traceId: row.traceId, score: row.score, human });
    }
    if (page.length < PAGE) return judgeAgreement(judged, version);
    after = page.at(-1)!.id;
  }
}
