"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createSessionAction } from "@/lib/actions/sessions";
import { CreateSessionSchema, MAX_OVERLAP, type CreateSessionInput } from "@/lib/sessions/schemas";
import { newLaunchKey } from "../jobs/launch-key";
import { toastActionError } from "../ui/action-result";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { Notice } from "../ui/notice";
import { toast } from "../ui/toast";
import { ACCESS_HINTS, RULE_HINTS, RULE_LABELS } from "./format";
import { ReviewerPicker, type Person } from "./reviewer-picker";
import { SelectionFields, type SelectionValues } from "./selection-fields";

type Choice = { id: string; name: string };

const blankToUndefined = (v: string) => (v.trim() ? v.trim() : undefined);

/** The create-session form: what to review (the review filter), who, how many per trace, and the rule. */
export function SessionForm({
  people,
  jobs,
  reasons,
  initialSelection,
}: {
  people: Person[];
  jobs: Choice[];
  reasons: Array<{ id: string; label: string }>;
  initialSelection: SelectionValues;
}) {
  const router = useRouter();
  const [launchKey] = useState(newLaunchKey);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [selection, setSelection] = useState(initialSelection);
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [overlap, setOverlap] = useState("2");
  const [access, setAccess] = useState<"assigned" | "open">("assigned");
  const [reservationMinutes, setReservationMinutes] = useState("10");
  const [rule, setRule] = useState<"majority" | "unanimous" | "adjudicator">("majority");
  const [adjudicatorId, setAdjudicatorId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useAction(createSessionAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      toast.success("Session created: its traces are being planned.");
      router.push(`/sessions/${data.sessionId}`);
    },
    onError: toastActionError("The session could not be created."),
  });

  // Admins, curators and the chosen reviewers may adjudicate.
  const judges = people.filter((p) => p.role !== "reviewer" || reviewerIds.includes(p.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CreateSessionInput = {
      name,
      description,
      filter: {
        status: selection.status,
        jobId: blankToUndefined(selection.jobId),
        category: blankToUndefined(selection.category),
        reasonId: blankToUndefined(selection.reasonId),
        minTokens: blankToUndefined(selection.minTokens),
        maxTokens: blankToUndefined(selection.maxTokens),
        from: blankToUndefined(selection.from),
        to: blankToUndefined(selection.to),
        flagged: selection.flagged === "" ? undefined : selection.flagged === "1",
      },
      reviewerIds,
      overlap: Number(overlap),
      access,
      reservationMinutes: Number(reservationMinutes),
      rule,
      adjudicatorId: rule === "adjudicator" ? blankToUndefined(adjudicatorId) : undefined,
      launchKey,
    };
    const parsed = CreateSessionSchema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    create.execute(input);
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3" aria-label="New session">
      <div className="space-y-6 lg:col-span-2">
        <Card>
          <CardHeader title="Session" />
          <CardBody className="space-y-4">
            <Field label="Name" htmlFor="session-name" error={errors.name}>
              <Input id="session-name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field
              label="Description"
              htmlFor="session-description"
              hint="Optional: what reviewers should look for."
            >
              <Input
                id="session-description"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Field>
          </CardBody>
        </Card>
        <SelectionFields
          values={selection}
          onChange={setSelection}
          jobs={jobs}
          reasons={reasons}
          error={errors.filter}
        />
        <ReviewerPicker
          people={people}
          selected={reviewerIds}
          onChange={setReviewerIds}
          error={errors.reviewerIds}
        />
      </div>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Overlap and agreement" />
          <CardBody className="space-y-4">
            <Field
              label="Reviewers per trace (k)"
              htmlFor="session-overlap"
              error={errors.overlap}
              hint={`Each trace is decided by exactly this many reviewers (1 to ${MAX_OVERLAP}, at most the number chosen).`}
            >
              <Input
                id="session-overlap"
                type="number"
                min={1}
                max={MAX_OVERLAP}
                value={overlap}
                onChange={(e) => setOverlap(e.target.value)}
              />
            </Field>
            <Field label="Access" htmlFor="session-access" hint={ACCESS_HINTS[access]}>
              <Select
                id="session-access"
                value={access}
                onChange={(e) => setAccess(e.target.value as typeof access)}
              >
                <option value="assigned">Assigned: dealt to reviewers</option>
                <option value="open">Open: first k to take each trace</option>
              </Select>
            </Field>
            {access === "open" && (
              <Field
                label="Reservation (minutes)"
                htmlFor="session-reservation"
                error={errors.reservationMinutes}
                hint="How long an opened trace stays reserved for its reviewer."
              >
                <Input
                  id="session-reservation"
                  type="number"
                  min={1}
                  value={reservationMinutes}
                  onChange={(e) => setReservationMinutes(e.target.value)}
                />
              </Field>
            )}
            <Field label="Verdict rule" htmlFor="session-rule" hint={RULE_HINTS[rule]}>
              <Select id="session-rule" value={rule} onChange={(e) => setRule(e.target.value as typeof rule)}>
                {Object.entries(RULE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            {rule === "adjudicator" && (
              <Field label="Adjudicator" htmlFor="session-adjudicator" error={errors.adjudicatorId}>
                <Select
                  id="session-adjudicator"
                  value={adjudicatorId}
                  onChange={(e) => setAdjudicatorId(e.target.value)}
                >
                  <option value="">Choose…</option>
                  {judges.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.role})
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </CardBody>
        </Card>
        {errors.form && <Notice tone="error">{errors.form}</Notice>}
        <Button type="submit" disabled={create.isPending} className="w-full">
          {create.isPending ? "Creating…" : "Create session"}
        </Button>
      </div>
    </form>
  );
}
