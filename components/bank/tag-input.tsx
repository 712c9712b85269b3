"use client";

import { STRATEGY_TAGS } from "@/lib/bank/tags";
import { cn } from "../ui/cn";
import { Field, Input } from "../ui/field";
import { joinTags, parseTags } from "./format";

/** Comma-separated tags, with the strategy vocabulary one click away. */
export function TagInput({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const current = parseTags(value.toLowerCase());
  const toggle = (tag: string) =>
    onChange(joinTags(current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag]));
  return (
    <Field
      label="Tags"
      htmlFor={id}
      hint={disabled ? undefined : "Comma-separated. Click a strategy to add or remove it."}
    >
      <Input
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        placeholder="step-by-step, self-check"
        autoComplete="off"
      />
      {!disabled && (
        <div className="flex flex-wrap gap-1 pt-1" role="group" aria-label="Strategy tags">
          {STRATEGY_TAGS.map(({ tag, description }) => {
            const on = current.includes(tag);
            return (
              <button
                key={tag}
                type="button"
                title={description}
                aria-pressed={on}
                disabled={disabled}
                onClick={() => toggle(tag)}
                className={cn(
                  "rounded px-1.5 py-0.5 text-xs font-medium transition-colors",
                  on
                    ? "bg-indigo-600 text-white hover:bg-indigo-500"
                    : "bg-slate-100 text-slate-600 hover:bg-slate-200",
                )}
              >
                {tag}
              </button>
            );
          })}
        </div>
      )}
    </Field>
  );
}
