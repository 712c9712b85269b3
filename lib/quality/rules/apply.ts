import "server-only";
import { recordAudit } from "../../audit";
import { cuid, type Tx } from "../../db";
import { applyBulk } from "../../review";
import { flagTraces } from "../../traces";
import { DUPLICATE_REASON_ID, RULES_ACTOR_ID, type VerdictOutcome } from "../schemas";
import type { NewVerdict } from "../verdict-store";

/** A verdict a rule may act on. */
export type RuleInput = { traceId: string; check: string; outcome: VerdictOutcome };

const AUDITED_IDS = 100;

/**
 * In the caller's transaction: the enabled rules acted on these verdicts, oldest rule first (a
 * trace one rule rejected is not acted on again). Rules decide only traces no one has decided
 * (pending): a person's decision is never overridden by a rule. Each rule's action is one audit
 * event with the count. Returns how many traces each rule acted on, by rule id.
 */
export async function applyRules(
  tx: Tx,
  verdicts: readonly RuleInput[],
  jobId: string | null,
): Promise<Map<string, number>> {
  const acted = new Map<string, number>();
  const firing = verdicts.filter((v) => v.outcome === "fail" || v.outcome === "warn");
  if (firing.length === 0) return acted;
  const rules = await tx.qualityRule.findMany({
    where: { enabled: true, check: { in: [...new Set(firing.map((v) => v.check))] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (rules.length === 0) return acted;
  const pending = new Set(
    (
      await tx.trace.findMany({
        where: { id: { in: [...new Set(firing.map((v) => v.traceId))] }, reviewStatus: "pending" },
        select: { id: true },
      })
    ).map((t) => t.id),
  );
  const decided = new Set<string>();
  for (const rule of rules) {
    const matches = firing.filter(
      (v) => v.check === rule.check && (rule.outcome === "warn" || v.outcome === "fail"),
    );
    let ids = [...new Set(matches.map((v) => v.traceId))];
    if (rule.action === "flag") ids = await flagTraces(tx, ids, RULES_ACTOR_ID);
    else {
      ids = ids.filter((id) => pending.has(id) && !decided.has(id));
      if (ids.length === 0) continue;
      await applyBulk(tx, ids, {
        bulkActionId: `rule-${rule.id}-${cuid()}`,
        actorId: RULES_ACTOR_ID,
        decision: "rejected",
        reasonId: rule.reasonId ?? (rule.action === "keep-one" ? DUPLICATE_REASON_ID : null),
        reason: `Rule: ${rule.name}`,
      });
      for (const id of ids) decided.add(id);
    }
    if (ids.length === 0) continue;
    acted.set(rule.id, ids.length);
    await recordAudit(
      {
        actorId: rule.createdById,
        action: "quality.rule-applied",
        entityId: rule.id,
        data: {
          name: rule.name,
          action: rule.action,
          check: rule.check,
          count: ids.length,
          traceIds: ids.slice(0, AUDITED_IDS),
          jobId,
        },
      },
      tx,
    );
  }
  return acted;
}

/** Verdicts about traces, as rules read them (applyRules keeps only those that found something). */
export function ruleInputsOf(verdicts: readonly NewVerdict[]): RuleInput[] {
  return verdicts.flatMap((v) =>
    "traceId" in v.subject ? [{ traceId: v.subject.traceId, check: v.check, outcome: v.result.outcome }] : [],
  );
}
