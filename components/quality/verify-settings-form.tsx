"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { setVerifySettingsAction } from "@/lib/actions/quality";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { toast } from "../ui/toast";

type Method = "auto" | "numeric" | "exact" | "choice" | "regex" | "symbolic";
const METHODS: Array<[Method, string]> = [
  ["auto", "Automatic, from each reference's shape"],
  ["numeric", "Numeric (#### 42, \\boxed{}, the last number; with a tolerance)"],
  ["exact", "Exact match, normalized"],
  ["choice", "Multiple-choice letter, (A)…"],
  ["symbolic", "Symbolic: LaTeX or algebra, equivalent expressions"],
  ["regex", "A pattern of mine: its first group is the answer"],
];

/** How this set's answers are checked against their references (new traces; scans for the rest). */
export function VerifySettingsForm(props: {
  promptSetId: string;
  current: { method?: Method; regex?: string; tolerance?: { relative?: number } } | null;
}) {
  const [method, setMethod] = useState<Method>(props.current?.method ?? "auto");
  const [regex, setRegex] = useState(props.current?.regex ?? "");
  const [relative, setRelative] = useState(String(props.current?.tolerance?.relative ?? ""));
  const save = useAction(setVerifySettingsAction, {
    onSuccess: () => toast.success("Saved: new traces are verified this way; rescan a job for the old ones."),
    onError: toastActionError("Not saved; try again."),
  });
  return (
    <form
      className="space-y-3"
      aria-label="Answer verification"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({
          promptSetId: props.promptSetId,
          settings: {
            method,
            ...(method === "regex" && { regex }),
            ...(relative.trim() && { tolerance: { relative: Number(relative) } }),
          },
        });
      }}
    >
      <Field label="Verify answers by" htmlFor="verify-method">
        <Select id="verify-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
          {METHODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {method === "regex" && (
        <Field label="Answer pattern" htmlFor="verify-regex" hint="e.g. Answer: (\w+) or /final: (.*)$/i">
          <Input id="verify-regex" value={regex} onChange={(e) => setRegex(e.target.value)} />
        </Field>
      )}
      {(method === "auto" || method === "numeric" || method === "symbolic") && (
        <Field label="Relative tolerance" htmlFor="verify-tolerance" hint="Blank: 0.000001">
          <Input
            id="verify-tolerance"
            inputMode="decimal"
            value={relative}
            onChange={(e) => setRelative(e.target.value)}
          />
        </Field>
      )}
      <Button type="submit" size="sm" disabled={save.isPending}>
        Save
      </Button>
    </form>
  );
}
