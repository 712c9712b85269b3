"use client";

import { cn } from "../ui/cn";

/** A native checkbox drawn as a switch: keyboard, forms and screen readers work as usual. */
export function EnabledSwitch({
  checked,
  onChange,
  label,
  disabled,
  id,
  showText = false,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
  id?: string;
  showText?: boolean;
}) {
  return (
    <label
      className={cn("inline-flex items-center gap-2", disabled ? "cursor-not-allowed" : "cursor-pointer")}
    >
      <span className="relative inline-flex h-5 w-9 shrink-0">
        {/* The real checkbox lies on top of the drawn track, so clicks (and test drivers) reach it. */}
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-label={label}
          className="peer absolute inset-0 z-10 m-0 h-full w-full cursor-[inherit] opacity-0"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span
          aria-hidden
          className="h-5 w-9 rounded-full bg-slate-300 transition-colors peer-checked:bg-emerald-500 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 peer-disabled:opacity-50 after:absolute after:top-0.5 after:left-0.5 after:h-4 after:w-4 after:rounded-full after:bg-white after:shadow-sm after:transition-transform peer-checked:after:translate-x-4"
        />
      </span>
      {showText && <span className="text-sm text-slate-700">{checked ? "Enabled" : "Disabled"}</span>}
    </label>
  );
}
