"use client";

import { cn } from "../ui/cn";
import { Input, Select } from "../ui/field";
import type { EnabledFilter } from "./types";

export function BankFilters({
  tags,
  tag,
  onTag,
  enabled,
  onEnabled,
  search,
  onSearch,
}: {
  tags: { tag: string; count: number }[];
  tag: string | null;
  onTag: (tag: string | null) => void;
  enabled: EnabledFilter;
  onEnabled: (value: EnabledFilter) => void;
  search: string;
  onSearch: (value: string) => void;
}) {
  const chip = (label: string, value: string | null, count?: number) => (
    <button
      key={label}
      type="button"
      aria-pressed={tag === value}
      onClick={() => onTag(tag === value ? null : value)}
      className={cn(
        "rounded-full px-2.5 py-1 text-xs font-medium transition-colors",
        tag === value
          ? "bg-indigo-600 text-white"
          : "bg-white text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100",
      )}
    >
      {label}
      {count !== undefined && <span className="ml-1 opacity-70">{count}</span>}
    </button>
  );
  return (
    <div className="space-y-3 border-b border-slate-100 px-5 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <div className="w-full sm:w-72">
          <Input
            type="search"
            aria-label="Search"
            placeholder="Search by name…"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        <div className="w-44">
          <Select
            aria-label="Show"
            value={enabled}
            onChange={(e) => onEnabled(e.target.value as EnabledFilter)}
          >
            <option value="all">All messages</option>
            <option value="enabled">Enabled only</option>
            <option value="disabled">Disabled only</option>
          </Select>
        </div>
      </div>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Filter by tag">
        {chip("All tags", null)}
        {tags.map((t) => chip(t.tag, t.tag, t.count))}
      </div>
    </div>
  );
}
