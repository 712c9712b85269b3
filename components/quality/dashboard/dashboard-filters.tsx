"use client";

import type { DashboardFilter } from "@/lib/quality/dashboard/schemas";
import { Button } from "../../ui/button";
import { Input, Select } from "../../ui/field";

/** Job and date range; each change applies at once (and lands in the URL). */
export function DashboardFilters({
  filter,
  jobs,
  onChange,
}: {
  filter: DashboardFilter;
  jobs: Array<{ id: string; name: string }>;
  onChange: (next: DashboardFilter) => void;
}) {
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  const active = Boolean(filter.jobId || filter.from || filter.to);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="min-w-56 space-y-1">
        <span className="block text-xs font-medium text-slate-500">Job</span>
        <Select
          aria-label="Job"
          value={filter.jobId ?? ""}
          onChange={(e) => set({ jobId: e.target.value || undefined })}
        >
          <option value="">All jobs</option>
          {filter.jobId && !jobs.some((j) => j.id === filter.jobId) && (
            <option value={filter.jobId}>This job (no traces yet)</option>
          )}
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1">
        <span className="block text-xs font-medium text-slate-500">Created from</span>
        <Input
          type="date"
          aria-label="Created from"
          value={filter.from ?? ""}
          max={filter.to}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label className="space-y-1">
        <span className="block text-xs font-medium text-slate-500">Created before</span>
        <Input
          type="date"
          aria-label="Created before"
          value={filter.to ?? ""}
          min={filter.from}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
      {active && (
        <Button variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
