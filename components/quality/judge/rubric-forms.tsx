"use client";

import { useAction } from "next-safe-action/hooks";
import { useState, type FormEvent } from "react";
import { addRubricVersionAction, createRubricAction } from "@/lib/actions/judge";
import { MAX_SCALE, RUBRIC_INSTRUCTIONS_MAX, RUBRIC_NAME_MAX } from "@/lib/quality/judge/schemas";
import { actionErrorMessage } from "../../ui/action-result";
import { Button } from "../../ui/button";
import { Field, Input, Textarea } from "../../ui/field";
import { Notice } from "../../ui/notice";
import { toast } from "../../ui/toast";

type VersionValues = { instructions: string; scale: string; passScore: string };

function VersionFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: VersionValues;
  onChange: (next: VersionValues) => void;
}) {
  return (
    <>
      <Field
        label="Instructions"
        htmlFor={`${idPrefix}-instructions`}
        hint="What the judge looks for, with what each score means (1: …, 2: …)."
      >
        <Textarea
          id={`${idPrefix}-instructions`}
          rows={8}
          required
          maxLength={RUBRIC_INSTRUCTIONS_MAX}
          value={value.instructions}
          onChange={(e) => onChange({ ...value, instructions: e.target.value })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Scale" htmlFor={`${idPrefix}-scale`} hint="Scores from 1 to this.">
          <Input
            id={`${idPrefix}-scale`}
            type="number"
            min={2}
            max={MAX_SCALE}
            required
            value={value.scale}
            onChange={(e) => onChange({ ...value, scale: e.target.value })}
          />
        </Field>
        <Field label="Pass score" htmlFor={`${idPrefix}-pass`} hint="From this score up, the judge approves.">
          <Input
            id={`${idPrefix}-pass`}
            type="number"
            min={1}
            max={MAX_SCALE}
            required
            value={value.passScore}
            onChange={(e) => onChange({ ...value, passScore: e.target.value })}
          />
        </Field>
      </div>
    </>
  );
}

const numbers = (v: VersionValues) => ({
  instructions: v.instructions,
  scale: Number(v.scale),
  passScore: Number(v.passScore),
});

/** A new rubric, saved as its version 1. */
export function NewRubricForm() {
  const [name, setName] = useState("");
  const [values, setValues] = useState<VersionValues>({ instructions: "", scale: "5", passScore: "4" });
  const [error, setError] = useState<string>();
  const create = useAction(createRubricAction, {
    onSuccess: () => {
      setName("");
      setValues({ instructions: "", scale: "5", passScore: "4" });
      toast.success("Rubric created.");
    },
    onError: ({ error }) => setError(actionErrorMessage(error) ?? "Not saved; try again."),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    create.execute({ name, ...numbers(values) });
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New rubric">
      <Field label="Name" htmlFor="rubric-name">
        <Input
          id="rubric-name"
          required
          maxLength={RUBRIC_NAME_MAX}
          value={name}
          placeholder="e.g. Faithfulness to the reference"
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <VersionFields idPrefix="rubric-new" value={values} onChange={setValues} />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" disabled={create.isPending}>
        Create rubric
      </Button>
    </form>
  );
}

/** Version N+1 of a rubric, starting from the latest version's text. */
export function NewVersionForm({
  rubricId,
  latest,
}: {
  rubricId: string;
  latest: { version: number; instructions: string; scale: number; passScore: number };
}) {
  const start = () => ({
    instructions: latest.instructions,
    scale: String(latest.scale),
    passScore: String(latest.passScore),
  });
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<VersionValues>(start);
  const [error, setError] = useState<string>();
  const save = useAction(addRubricVersionAction, {
    onSuccess: ({ data }) => {
      setOpen(false);
      toast.success(`Version ${data?.version ?? ""} saved.`);
    },
    onError: ({ error }) => setError(actionErrorMessage(error) ?? "Not saved; try again."),
  });
  if (!open)
    return (
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          setValues(start());
          setError(undefined);
          setOpen(true);
        }}
      >
        New version
      </Button>
    );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    save.execute({ rubricId, baseVersion: latest.version, ...numbers(values) });
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label={`New version of the rubric`}>
      <VersionFields idPrefix={`rubric-${rubricId}`} value={values} onChange={setValues} />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save version {latest.version + 1}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
