"use client";

import { Field, Input, Textarea } from "../ui/field";

export type NewSet = { name: string; description: string };

/** Name and description of a set about to be created. */
export function NewSetFields({ value, onChange }: { value: NewSet; onChange: (value: NewSet) => void }) {
  return (
    <>
      <Field label="Name" htmlFor="new-set-name">
        <Input
          id="new-set-name"
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          required
          maxLength={120}
        />
      </Field>
      <Field label="Description" htmlFor="new-set-description" hint="Optional: where the prompts come from.">
        <Textarea
          id="new-set-description"
          value={value.description}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
          rows={2}
          maxLength={2000}
          className="font-sans"
        />
      </Field>
    </>
  );
}
