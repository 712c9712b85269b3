"use client";

import type { ExportStats } from "@/lib/export/queries";
import { useState } from "react";
import { ExportQuerySchema, type ExportShape, type ReasoningExport } from "@/lib/export/schemas";
import { Field, Input, Select } from "../ui/field";

/** How lines are shaped: prompt erasure and where the reasoning goes. */
export function ExportOptions({
  shape,
  stats,
  onChange,
}: {
  shape: ExportShape;
  stats: ExportStats;
  onChange: (next: ExportShape) => void;
}) {
  const [tagError, setTagError] = useState<string | undefined>();
  // The download link carries only a tag the server accepts; a bad one stays in the box, flagged.
  const changeTag = (value: string) => {
    const parsed = ExportQuerySchema.shape.reasoningTag.safeParse(value);
    setTagError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) onChange({ ...shape, reasoningTag: parsed.data });
  };
  return (
    <div className="space-y-3">
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={shape.erase}
          onChange={(e) => onChange({ ...shape, erase: e.target.checked })}
        />
        <span>
          Erase system prompts (Orca 2 prompt erasure)
          <span className="block text-xs text-slate-500">
            Traces made under a strategy the teacher chose ({stats.erasable} here) get the job&apos;s generic
            system prompt; the original stays in provenance.original_system_prompt.
          </span>
        </span>
      </label>
      <Field
        label="Reasoning"
        htmlFor="export-reasoning"
        hint={`${stats.withReasoning} of these traces have reasoning; it is always in its own "reasoning" field too.`}
      >
        <Select
          id="export-reasoning"
          value={shape.reasoning}
          onChange={(e) => onChange({ ...shape, reasoning: e.target.value as ReasoningExport })}
        >
          <option value="answer">Answer only in “trace”</option>
          <option value="reasoning-answer">Reasoning + answer in “trace”</option>
        </Select>
      </Field>
      {shape.reasoning === "reasoning-answer" && (
        <Field
          label="Reasoning tag"
          htmlFor="export-reasoning-tag"
          error={tagError}
          hint="The reasoning goes in <tag>…</tag> before the answer; blank: a blank line separates them."
        >
          <Input
            id="export-reasoning-tag"
            defaultValue={shape.reasoningTag}
            pattern="[A-Za-z][A-Za-z0-9_\-]{0,30}"
            aria-invalid={tagError !== undefined}
            onBlur={(e) => changeTag(e.target.value)}
          />
        </Field>
      )}
    </div>
  );
}
