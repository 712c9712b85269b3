import "server-only";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { NotFoundError } from "../../errors";
import { activeReason } from "../../review";
import { RuleFieldsSchema, RuleIdSchema, UpdateRuleSchema, type RuleFields } from "../schemas";

export type RuleView = {
  id: string;
  name: string;
  check: string;
  outcome: string;
  action: string;
  reasonId: string | null;
  enabled: boolean;
  createdAt: string;
};

export async function listRules(): Promise<RuleView[]> {
  const rules = await db().qualityRule.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rules.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: undefined }));
}

export async function createRule(input: RuleFields, actorId: string): Promise<RuleView> {
  const fields = RuleFieldsSchema.parse(input);
  return db().$transaction(async (tx) => {
    if (fields.reasonId) await activeReason(tx, fields.reasonId);
    const rule = await tx.qualityRule.create({
      data: { ...fields, reasonId: fields.reasonId ?? null, createdById: actorId },
    });
    const { name, check, outcome, action } = rule;
    await recordAudit(
      { actorId, action: "quality.rule-created", entityId: rule.id, data: { name, check, outcome, action } },
      tx,
    );
    return { ...rule, createdAt: rule.createdAt.toISOString() };
  });
}

export async function updateRule(input: unknown, actorId: string): Promise<RuleView> {
  const { id, ...fields } = UpdateRuleSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.qualityRule.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Rule", id);
    if (fields.reasonId && fields.reasonId !== before.reasonId) await activeReason(tx, fields.reasonId);
    const rule = await tx.qualityRule.update({
      where: { id },
      data: { ...fields, reasonId: fields.reasonId ?? null },
    });
    const changes = Object.fromEntries(
      (["name", "check", "outcome", "action", "reasonId", "enabled"] as const)
        .filter((k) => before[k] !== rule[k])
        .map((k) => [k, { from: before[k], to: rule[k] }]),
    );
    await recordAudit({ actorId, action: "quality.rule-updated", entityId: id, data: { changes } }, tx);
    return { ...rule, createdAt: rule.createdAt.toISOString() };
  });
}

export async function deleteRule(input: unknown, actorId: string): Promise<void> {
  const { id } = RuleIdSchema.parse(input);
  await db().$transaction(async (tx) => {
    const rule = await tx.qualityRule.findUnique({ where: { id } });
    if (!rule) throw new NotFoundError("Rule", id);
    await tx.qualityRule.delete({ where: { id } });
    await recordAudit(
      { actorId, action: "quality.rule-deleted", entityId: id, data: { name: rule.name } },
      tx,
    );
  });
}
