"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createRuleAction, deleteRuleAction, startScanAction, updateRuleAction } from "@/lib/actions/quality";
import { CHECK_LABELS, checkLabel } from "@/lib/quality/labels";
import { CHECK_NAMES, type CheckName, type RuleAction } from "@/lib/quality/schemas";
import type { RuleView } from "@/lib/quality/rules/rules";
import type { RejectReasonView } from "@/lib/review/reason-schemas";
import { toastActionError } from "../ui/action-result";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/field";
import { toast } from "../ui/toast";

const ACTION_LABELS: Record<RuleAction, string> = {
  reject: "Reject with a reason",
  flag: "Flag for a second look",
  "keep-one": "Keep one, reject the rest",
};

/** The curator's rules: verdict → action, applied to new traces as they arrive, and on demand. */
export function RulesEditor({ rules, reasons }: { rules: RuleView[]; reasons: RejectReasonView[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [check, setCheck] = useState<CheckName>("verification");
  const [outcome, setOutcome] = useState<"fail" | "warn">("fail");
  const [action, setAction] = useState<RuleAction>("reject");
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? "");
  const reasonLabel = new Map(reasons.map((r) => [r.id, r.label]));
  const create = useAction(createRuleAction, {
    onSuccess: () => {
      setName("");
      toast.success("Rule added: it acts on traces as they arrive.");
    },
    onError: toastActionError("The rule was not saved; try again."),
  });
  const update = useAction(updateRuleAction, { onError: toastActionError("Not saved; try again.") });
  const remove = useAction(deleteRuleAction, { onError: toastActionError("Not deleted; try again.") });
  const scan = useAction(startScanAction, {
    onSuccess: ({ data }) => {
      if (data) router.push(`/jobs/${data.jobId}`);
    },
    onError: toastActionError("The scan did not start; try again."),
  });
  const isDuplicate = check === "near-duplicate" || check === "exact-duplicate";
  return (
    <div className="space-y-6">
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        data-testid="rules"
      >
        {rules.length === 0 && <li className="px-5 py-4 text-sm text-slate-500">No rules yet.</li>}
        {rules.map((rule) => (
          <li key={rule.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
            <span className="font-medium text-slate-900">{rule.name}</span>
            <span className="text-slate-600">
              when {checkLabel(rule.check)} {rule.outcome === "fail" ? "fails" : "fails or needs a look"} →{" "}
              {ACTION_LABELS[rule.action as RuleAction] ?? rule.action}
              {rule.reasonId && ` (${reasonLabel.get(rule.reasonId) ?? rule.reasonId})`}
            </span>
            {!rule.enabled && <Badge tone="slate">off</Badge>}
            <div className="ml-auto flex gap-1">
              <Button
                size="sm"
                variant="secondary"
                onClick={() =>
                  update.execute({
                    id: rule.id,
                    name: rule.name,
                    check: rule.check as CheckName,
                    outcome: rule.outcome as "fail" | "warn",
                    action: rule.action as RuleAction,
                    reasonId: rule.reasonId,
                    enabled: !rule.enabled,
                  })
                }
              >
                {rule.enabled ? "Turn off" : "Turn on"}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => remove.execute({ id: rule.id })}>
                Delete
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-6"
        aria-label="New rule"
        onSubmit={(e) => {
          e.preventDefault();
          create.execute({
            name,
            check,
            outcome,
            action,
            reasonId: action === "flag" ? null : reasonId || null,
            enabled: true,
          });
        }}
      >
        <Input
          className="md:col-span-2"
          aria-label="Rule name"
          placeholder="Rule name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Select
          aria-label="When this check"
          value={check}
          onChange={(e) => setCheck(e.target.value as CheckName)}
        >
          {CHECK_NAMES.map((c) => (
            <option key={c} value={c}>
              {CHECK_LABELS[c]}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Says"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as "fail" | "warn")}
        >
          <option value="fail">fails</option>
          <option value="warn">fails or needs a look</option>
        </Select>
        <Select aria-label="Then" value={action} onChange={(e) => setAction(e.target.value as RuleAction)}>
          {(Object.keys(ACTION_LABELS) as RuleAction[])
            .filter((a) => a !== "keep-one" || isDuplicate)
            .map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
        </Select>
        {action !== "flag" && (
          <Select aria-label="Reject reason" value={reasonId} onChange={(e) => setReasonId(e.target.value)}>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        )}
        <div className="md:col-span-6">
          <Button type="submit" disabled={create.isPending}>
            Add rule
          </Button>
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        <p className="text-slate-600">
          Rules act on traces as they arrive. To run every check again over all traces, then the rules on what
          they find (traces already decided by a person are left alone):
        </p>
        <Button variant="secondary" disabled={scan.isPending} onClick={() => scan.execute({ scope: {} })}>
          Scan everything now
        </Button>
        <Button
          variant="ghost"
          disabled={scan.isPending}
          onClick={() => scan.execute({ scope: {}, parts: ["rules"] })}
        >
          Apply rules to existing traces
        </Button>
      </div>
    </div>
  );
}
