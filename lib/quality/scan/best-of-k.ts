import "server-only";
import { db, type Tx } from "../../db";
import type { ScanScope } from "../schemas";
import { writeVerdicts, type NewVerdict } from "../verdict-store";
import { scopeTraces } from "./scope";

const PAGE = 5_000;

/** One sample of a prompt, as best-of-K ranks it. */
export type Sample = {
  id: string;
  group: string;
  verified: "pass" | "fail" | "warn" | null;
  judgeScore: number | null;
  outputTokens: number;
};

const VERIFIED_RANK = { pass: 0, warn: 2, fail: 3 } as const;

/**
 * Best-of-K: of a prompt's samples in one job, the best by verification (passed first, then not
 * checked, then unsure, then wrong), then judge score (higher first), then length (shorter first:
 * the same answer in fewer words), then id (stable). The student learns the filtered teacher.
 */
export function pickBest(samples: readonly Sample[]): Sample {
  return [...samples].sort(
    (a, b) =>
      (a.verified ? VERIFIED_RANK[a.verified] : 1) - (b.verified ? VERIFIED_RANK[b.verified] : 1) ||
      (b.judgeScore ?? -1) - (a.judgeScore ?? -1) ||
      a.outputTokens - b.outputTokens ||
      a.id.localeCompare(b.id),
  )[0]!;
}

/**
 * The "not selected" verdicts of the scope's prompts with several samples (a job's K samples;
 * scanning a set or everything, a prompt's samples from every job).
 */
export async function bestOfK(scope: ScanScope, signal: AbortSignal, jobId: string): Promise<NewVerdict[]> {
  const out: NewVerdict[] = [];
  let group: Sample[] = [];
  const flush = () => {
    if (group.length > 1) {
      const best = pickBest(group);
      for (const s of group)
        if (s.id !== best.id)
          out.push({
            subject: { traceId: s.id },
            check: "best-of-k",
            jobId,
            result: {
              outcome: "fail",
              summary: `Not selected: trace ${best.id} is the best of ${group.length} samples of this prompt`,
              evidence: { selected: best.id, samples: group.length },
            },
          });
    }
    group = [];
  };
  for (let cursor: { group: string; id: string } | null = null; ;) {
    signal.throwIfAborted();
    const rows: Array<{
      id: string;
      promptId: string;
      outputTokens: number;
      verdicts: Array<{ check: string; outcome: string; score: number | null }>;
    }> = await db().trace.findMany({
      where: {
        ...scopeTraces(scope),
        ...(cursor && {
          OR: [{ promptId: { gt: cursor.group } }, { promptId: cursor.group, id: { gt: cursor.id } }],
        }),
      },
      orderBy: [{ promptId: "asc" }, { id: "asc" }],
      select: {
        id: true,
        promptId: true,
        outputTokens: true,
        verdicts: {
          where: { check: { in: ["verification", "judge"] } },
          select: { check: true, outcome: true, score: true },
        },
      },
      take: PAGE,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const key = row.promptId;
      if (group.length && group[0]!.group !== key) flush();
      const verification = row.verdicts.find((v) => v.check === "verification");
      group.push({
        id: row.id,
        group: key,
        verified: (verification?.outcome as Sample["verified"]) ?? null,
        judgeScore: row.verdicts.find((v) => v.check === "judge")?.score ?? null,
        outputTokens: row.outputTokens,
      });
    }
    const last = rows.at(-1)!;
    cursor = { group: last.promptId, id: last.id };
  }
  flush();
  return out;
}

/** Replaces the scope's best-of-K verdicts. */
export async function writeBestOfK(tx: Tx, scope: ScanScope, verdicts: NewVerdict[]): Promise<void> {
  await tx.qualityVerdict.deleteMany({ where: { check: "best-of-k", trace: scopeTraces(scope) } });
  await writeVerdicts(tx, verdicts);
}
