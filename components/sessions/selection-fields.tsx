"use client";

import { ReviewFilterStatusSchema } from "@/lib/review/schemas";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Select } from "../ui/field";

/** The review filter's fields as the form holds them (text; blank = any). */
export type SelectionValues = {
  status: "pending" | "approved" | "rejected" | "conflict" | "all";
  jobId: string;
  category: string;
  reasonId: string;
  minTokens: string;
  maxTokens: string;
  from: string;
  to: string;
  /** "" any, "1" flagged only, "0" unflagged only */
  flagged: string;
};

/** Which traces the session holds: the same filter as the review list. */
export function SelectionFields({
  values,
  onChange,
  jobs,
  reasons,
  error,
}: {
  values: SelectionValues;
  onChange: (values: SelectionValues) => void;
  jobs: Array<{ id: string; name: string }>;
  reasons: Array<{ id: string; label: string }>;
  error?: string;
}) {
  const set = (key: keyof SelectionValues) => (e: { target: { value: string } }) =>
    onChange({ ...values, [key]: e.target.value });
  return (
    <Card>
      <CardHeader
        title="Traces"
        description="The traces matching this filter when the session is planned, each once, newest first."
      />
      <CardBody className="grid gap-4 sm:grid-cols-2">
        <Field label="Review status" htmlFor="sel-status">
          <Select id="sel-status" value={values.status} onChange={set("status")}>
            {ReviewFilterStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Job" htmlFor="sel-job">
          <Select id="sel-job" value={values.jobId} onChange={set("jobId")}>
            <option value="">Any job</option>
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Prompt category" htmlFor="sel-category">
          <Input id="sel-category" value={values.category} onChange={set("category")} placeholder="Any" />
        </Field>
        <Field label="Rejected with reason" htmlFor="sel-reason">
          <Select id="sel-reason" value={values.reasonId} onChange={set("reasonId")}>
            <option value="">Any</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Output tokens, at least" htmlFor="sel-min">
          <Input id="sel-min" type="number" min={0} value={values.minTokens} onChange={set("minTokens")} />
        </Field>
        <Field label="Output tokens, at most" htmlFor="sel-max">
          <Input id="sel-max" type="number" min={0} value={values.maxTokens} onChange={set("maxTokens")} />
        </Field>
        <Field label="Created from (UTC)" htmlFor="sel-from">
          <Input id="sel-from" type="date" value={values.from} onChange={set("from")} />
        </Field>
        <Field label="Created before (UTC)" htmlFor="sel-to">
          <Input id="sel-to" type="date" value={values.to} onChange={set("to")} />
        </Field>
        <Field label="Flagged" htmlFor="sel-flagged">
          <Select id="sel-flagged" value={values.flagged} onChange={set("flagged")}>
            <option value="">Either</option>
            <option value="1">Flagged only</option>
            <option value="0">Not flagged</option>
          </Select>
        </Field>
        {error && (
          <p role="alert" className="text-xs text-rose-600 sm:col-span-2">
            {error}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
