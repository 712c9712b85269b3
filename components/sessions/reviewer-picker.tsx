"use client";

import { Card, CardBody, CardHeader } from "../ui/card";
import { Button } from "../ui/button";

export type Person = { id: string; name: string; email: string; role: string };

/** Checkboxes over the active accounts: who reviews in the session. */
export function ReviewerPicker({
  people,
  selected,
  onChange,
  error,
}: {
  people: Person[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const toggle = (id: string) =>
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const reviewers = people.filter((p) => p.role === "reviewer").map((p) => p.id);
  return (
    <Card>
      <CardHeader
        title="Reviewers"
        description={`${selected.length} chosen. Anyone active can review; deactivated accounts are not listed.`}
        actions={
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onChange([...new Set([...selected, ...reviewers])])}
          >
            All reviewers
          </Button>
        }
      />
      <CardBody>
        <fieldset aria-label="Reviewers" className="grid gap-2 sm:grid-cols-2">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={selected.includes(p.id)}
                onChange={() => toggle(p.id)}
                className="size-4 rounded border-slate-300"
              />
              <span>
                {p.name}{" "}
                <span className="text-xs text-slate-500">
                  {p.role} · {p.email}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="mt-2 text-xs text-rose-600">
            {error}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
