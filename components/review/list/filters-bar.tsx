"use client";

import { useState, type ReactNode } from "react";
import type { ReviewFilterChoices } from "@/lib/review/queries";
import type { ReviewFilter } from "@/lib/review/schemas";
import { CHECK_LABELS } from "@/lib/quality/labels";
import { CHECK_NAMES } from "@/lib/quality/schemas";
import { Button } from "../../ui/button";
import { Input, Select } from "../../ui/field";

type Change = (next: Partial<ReviewFilter>) => void;

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");
const dateOf = (value: string) => (value ? new Date(`${value}T00:00:00Z`) : undefined);
const numberOf = (value: string) =>
  value.trim() === "" ? undefined : Math.max(0, Math.floor(Number(value)));

/** Every filter of the list, kept in the URL: selects apply at once, text when left or on Enter. */
export function FiltersBar({
  filter,
  choices,
  onChange,
}: {
  filter: ReviewFilter;
  choices: ReviewFilterChoices;
  onChange: Change;
}) {
  const active = [
    filter.jobId,
    filter.systemMessageId,
    filter.reasonId,
    filter.reviewerId,
    filter.category,
    filter.minTokens,
    filter.maxTokens,
    filter.from,
    filter.to,
    filter.flagged,
    filter.check,
    filter.q,
  ].some((v) => v !== undefined);
  return (
    <div className="space-y-3">
      <SearchBox key={filter.q ?? ""} value={filter.q} onSearch={(q) => onChange({ q })} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        <Labelled label="Job">
          <Select
            aria-label="Job"
            value={filter.jobId ?? ""}
            onChange={(e) => onChange({ jobId: e.target.value || undefined })}
          >
            <option value="">All jobs</option>
            {filter.jobId && !choices.jobs.some((j) => j.id === filter.jobId) && (
              <option value={filter.jobId}>This job (no traces yet)</option>
            )}
            {choices.jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="System message">
          <Select
            aria-label="System message"
            value={filter.systemMessageId ?? ""}
            onChange={(e) =>
              onChange({ systemMessageId: e.target.value || undefined, systemMessageVersionId: undefined })
            }
          >
            <option value="">Any</option>
            {choices.messages.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Version">
          <Select
            aria-label="Version"
            disabled={choices.versions.length === 0}
            value={filter.systemMessageVersionId ?? ""}
            onChange={(e) => onChange({ systemMessageVersionId: e.target.value || undefined })}
          >
            <option value="">{filter.systemMessageId ? "Any version" : "Choose a message"}</option>
            {choices.versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.version}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Reject reason">
          <Select
            aria-label="Reject reason"
            value={filter.reasonId ?? ""}
            onChange={(e) => onChange({ reasonId: e.target.value || undefined })}
          >
            <option value="">Any</option>
            {choices.reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Reviewer">
          <Select
            aria-label="Reviewer"
            value={filter.reviewerId ?? ""}
            onChange={(e) => onChange({ reviewerId: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            {choices.reviewers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled label="Flag">
          <Select
            aria-label="Flag"
            value={filter.flagged === undefined ? "" : filter.flagged ? "1" : "0"}
            onChange={(e) =>
              onChange({ flagged: e.target.value === "" ? undefined : e.target.value === "1" })
            }
          >
            <option value="">Any</option>
            <option value="1">Flagged</option>
            <option value="0">Not flagged</option>
          </Select>
        </Labelled>
        <Labelled label="Automatic check">
          <Select
            aria-label="Automatic check"
            value={filter.check ?? ""}
            onChange={(e) =>
              onChange({ check: (e.target.value || undefined) as ReviewFilter["check"], verdict: undefined })
            }
          >
            <option value="">Any</option>
            {CHECK_NAMES.map((check) => (
              <option key={check} value={check}>
                {CHECK_LABELS[check]}
              </option>
            ))}
          </Select>
        </Labelled>
        {filter.check && (
          <Labelled label="Verdict">
            <Select
              aria-label="Verdict"
              value={filter.verdict ?? ""}
              onChange={(e) =>
                onChange({ verdict: (e.target.value || undefined) as ReviewFilter["verdict"] })
              }
            >
              <option value="">Found something (failed or needs a look)</option>
              <option value="fail">Failed</option>
              <option value="warn">Needs a look</option>
              {(filter.check === "verification" || filter.check === "judge") && (
                <option value="pass">Passed</option>
              )}
            </Select>
          </Labelled>
        )}
        <Labelled label="Category">
          <TextFilter
            label="Category"
            value={filter.category ?? ""}
            onCommit={(v) => onChange({ category: v || undefined })}
          />
        </Labelled>
        <Labelled label="Output tokens, from">
          <TextFilter
            label="Output tokens, from"
            type="number"
            value={filter.minTokens?.toString() ?? ""}
            onCommit={(v) => onChange({ minTokens: numberOf(v) })}
          />
        </Labelled>
        <Labelled label="to">
          <TextFilter
            label="Output tokens, to"
            type="number"
            value={filter.maxTokens?.toString() ?? ""}
            onCommit={(v) => onChange({ maxTokens: numberOf(v) })}
          />
        </Labelled>
        <Labelled label="Created from">
          <Input
            type="date"
            aria-label="Created from"
            value={day(filter.from)}
            onChange={(e) => onChange({ from: dateOf(e.target.value) })}
          />
        </Labelled>
        <Labelled label="Created before">
          <Input
            type="date"
            aria-label="Created before"
            value={day(filter.to)}
            onChange={(e) => onChange({ to: dateOf(e.target.value) })}
          />
        </Labelled>
        <div className="flex items-end">
          {active && (
            <Button variant="ghost" onClick={() => onChange(CLEARED)}>
              Clear filters
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

const CLEARED: Partial<ReviewFilter> = {
  jobId: undefined,
  systemMessageId: undefined,
  systemMessageVersionId: undefined,
  reasonId: undefined,
  reviewerId: undefined,
  category: undefined,
  minTokens: undefined,
  maxTokens: undefined,
  from: undefined,
  to: undefined,
  flagged: undefined,
  check: undefined,
  verdict: undefined,
  q: undefined,
};

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <span className="block text-xs font-medium text-slate-500">{label}</span>
      {children}
    </div>
  );
}

/** A text filter: applied when it loses focus or on Enter, not on every key. */
function TextFilter({
  label,
  value,
  type = "text",
  onCommit,
}: {
  label: string;
  value: string;
  type?: "text" | "number";
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const commit = () => draft.trim() !== value && onCommit(draft.trim());
  return (
    <Input
      aria-label={label}
      type={type}
      min={type === "number" ? 0 : undefined}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
    />
  );
}

/** Full-text search over the trace, its reasoning and its prompt. */
function SearchBox({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  return (
    <form
      role="search"
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(draft.trim() || undefined);
      }}
    >
      <Input
        type="search"
        aria-label="Search traces"
        name="q"
        maxLength={500}
        placeholder='Search answers, reasoning and prompts: words, "a phrase", -exclude'
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
