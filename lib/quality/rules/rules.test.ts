import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { decide } from "../../review/decide";
import { createTestUser } from "../../testing/fixtures";
import { createTraces } from "../../testing/trace-fixtures";
import { RULES_ACTOR_ID, RuleFieldsSchema } from "../schemas";
import { applyRules } from "./apply";
import { createRule, deleteRule, updateRule } from "./rules";

/** Rules are global: each test turns off the ones earlier tests left. */
async function onlyRules(...ids: string[]) {
  await db().qualityRule.updateMany({ where: { id: { notIn: ids } }, data: { enabled: false } });
}

describe("quality rules", () => {
  it("refuse a reject without a reason and keep-one on a check that is not a duplicate check", () => {
    expect(RuleFieldsSchema.safeParse({ name: "x", check: "refusal", action: "reject" }).success).toBe(false);
    expect(
      RuleFieldsSchema.safeParse({
        name: "x",
        check: "refusal",
        action: "keep-one",
        reasonId: "reason-duplicate",
      }).success,
    ).toBe(false);
    expect(
      RuleFieldsSchema.safeParse({
        name: "x",
        check: "near-duplicate",
        action: "keep-one",
        reasonId: "reason-duplicate",
      }).success,
    ).toBe(true);
  });

  it("reject pending traces only, a warn rule fires on fail too, flags are set once, and each action is audited", async () => {
    const curator = await createTestUser("curator");
    const created = await createTraces({ count: 4 });
    const [refused, unsure, personDecided, flagged] = created.traceIds as [string, string, string, string];
    const reject = await createRule(
      {
        name: "Refusals out",
        check: "refusal",
        outcome: "warn",
        action: "reject",
        reasonId: "reason-refusal",
      },
      curator.id,
    );
    const flag = await createRule({ name: "Look at loops", check: "repetition", action: "flag" }, curator.id);
    await onlyRules(reject.id, flag.id);
    const reviewer = await createTestUser("reviewer");
    await decide({ traceId: personDecided, decision: "approved" }, reviewer.id);

    const acted = await db().$transaction((tx) =>
      applyRules(
        tx,
        [
          { traceId: refused, check: "refusal", outcome: "fail" },
          { traceId: unsure, check: "refusal", outcome: "warn" },
          { traceId: personDecided, check: "refusal", outcome: "fail" },
          { traceId: flagged, check: "repetition", outcome: "fail" },
          { traceId: flagged, check: "language", outcome: "fail" }, // no rule for it
        ],
        null,
      ),
    );
    expect(Object.fromEntries(acted)).toEqual({ [reject.id]: 2, [flag.id]: 1 });
    const traces = await db().trace.findMany({
      where: { id: { in: created.traceIds } },
      include: { decisions: true },
    });
    const byId = new Map(traces.map((t) => [t.id, t]));
    for (const id of [refused, unsure]) {
      expect(byId.get(id)!.reviewStatus).toBe("rejected");
      expect(byId.get(id)!.decisions).toMatchObject([
        { reviewerId: RULES_ACTOR_ID, reasonId: "reason-refusal", reason: "Rule: Refusals out" },
      ]);
    }
    // A person's decision stands: the rule leaves the trace alone.
    expect(byId.get(personDecided)!.reviewStatus).toBe("approved");
    expect(byId.get(personDecided)!.decisions.map((d) => d.reviewerId)).toEqual([reviewer.id]);
    expect(byId.get(flagged)!.flaggedById).toBe(RULES_ACTOR_ID);

    // Applied again: nothing left to do, nothing audited twice.
    const again = await db().$transaction((tx) =>
      applyRules(tx, [{ traceId: flagged, check: "repetition", outcome: "fail" }], null),
    );
    expect(again.size).toBe(0);
    const audits = await db().auditEvent.findMany({
      where: { action: "quality.rule-applied", entityId: { in: [reject.id, flag.id] } },
    });
    expect(audits.map((a) => a.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "Refusals out",
          count: 2,
          traceIds: expect.arrayContaining([refused, unsure]),
        }),
        expect.objectContaining({ name: "Look at loops", count: 1, traceIds: [flagged] }),
      ]),
    );
    expect(audits).toHaveLength(2);
  });

  it("turned off, a rule does nothing; edits and deletion are audited", async () => {
    const curator = await createTestUser("curator");
    const created = await createTraces({ count: 1 });
    const rule = await createRule(
      { name: "Truncated out", check: "truncation", action: "reject", reasonId: "reason-truncated" },
      curator.id,
    );
    await onlyRules(rule.id);
    await updateRule(
      {
        ...rule,
        enabled: false,
        reasonId: rule.reasonId,
        outcome: "fail",
        action: "reject",
        check: "truncation",
      },
      curator.id,
    );
    const acted = await db().$transaction((tx) =>
      applyRules(tx, [{ traceId: created.traceIds[0]!, check: "truncation", outcome: "fail" }], null),
    );
    expect(acted.size).toBe(0);
    await deleteRule({ id: rule.id }, curator.id);
    const actions = (
      await db().auditEvent.findMany({ where: { entityId: rule.id }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["quality.rule-created", "quality.rule-updated", "quality.rule-deleted"]);
  });
});
