"use client";

import { FALLBACK_CATEGORY, type CategoryMap } from "@/lib/generation/schemas";

export type CategoryOption = { category: string | null; count: number };
type Message = { messageId: string; name: string };

const MAX_ROWS = 40;

/**
 * Which system messages each prompt category may use (Orca chose per task type). Prompts of
 * categories left empty, and prompts without one, use the "Everything else" row.
 */
export function CategoryMapEditor({
  categories,
  messages,
  value,
  onChange,
}: {
  categories: CategoryOption[];
  messages: Message[];
  value: CategoryMap;
  onChange: (next: CategoryMap) => void;
}) {
  const named = categories.filter((c): c is { category: string; count: number } => c.category !== null);
  const rows = [
    ...named.slice(0, MAX_ROWS).map((c) => ({ key: c.category, label: c.category, count: c.count })),
  ];
  const others = categories.reduce(
    (n, c) => n + (c.category === null || !rows.some((r) => r.key === c.category) ? c.count : 0),
    0,
  );
  rows.push({ key: FALLBACK_CATEGORY, label: "Everything else (*)", count: others });

  const toggle = (key: string, messageId: string) => {
    const current = new Set(value[key] ?? []);
    if (current.has(messageId)) current.delete(messageId);
    else current.add(messageId);
    const next = { ...value };
    if (current.size) next[key] = [...current];
    else delete next[key];
    onChange(next);
  };

  if (messages.length === 0) return <p className="text-sm text-slate-500">Choose system messages first.</p>;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Messages per category</legend>
      <p className="text-xs text-slate-500">
        Within a category the choice follows the weights. A category with no message uses “Everything else”;
        if that is empty too, the launch is refused.
        {named.length > MAX_ROWS &&
          ` The ${MAX_ROWS} largest categories are listed; the rest count as everything else.`}
      </p>
      <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {rows.map((row) => (
          <li key={row.key} className="px-3 py-2">
            <p className="mb-1 text-sm font-medium text-slate-800">
              {row.label}{" "}
              <span className="text-xs font-normal text-slate-500">
                ({row.count.toLocaleString("en-US")} prompts)
              </span>
            </p>
            <div className="flex flex-wrap gap-x-3 gap-y-1">
              {messages.map((m) => (
                <label key={m.messageId} className="flex items-center gap-1.5 text-xs text-slate-700">
                  <input
                    type="checkbox"
                    aria-label={`${row.label} uses ${m.name}`}
                    className="size-3.5 accent-indigo-600"
                    checked={value[row.key]?.includes(m.messageId) ?? false}
                    onChange={() => toggle(row.key, m.messageId)}
                  />
                  {m.name}
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
