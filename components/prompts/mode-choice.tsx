"use client";

import { useId } from "react";
import type { ImportMode } from "@/lib/prompts/schemas";

const MODES: { value: ImportMode; label: string; hint: string }[] = [
  {
    value: "all-or-nothing",
    label: "All or nothing",
    hint: "If any row is invalid, nothing is imported and you get every bad row with its line number.",
  },
  {
    value: "skip-invalid",
    label: "Skip invalid rows",
    hint: "The valid rows are imported; the invalid ones are left out and listed.",
  },
];

/** How an import treats invalid rows. Duplicates are always skipped, in either mode. */
export function ModeChoice({ value, onChange }: { value: ImportMode; onChange: (mode: ImportMode) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">When rows are invalid</legend>
      {MODES.map((mode) => (
        <label key={mode.value} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={mode.value}
            checked={value === mode.value}
            onChange={() => onChange(mode.value)}
            className="mt-1"
          />
          <span>
            <span className="font-medium text-slate-800">{mode.label}</span>
            <span className="block text-xs text-slate-500">{mode.hint}</span>
          </span>
        </label>
      ))}
      <p className="text-xs text-slate-500">
        Prompts already in the set, or repeated in the file, are skipped and counted either way.
      </p>
    </fieldset>
  );
}
