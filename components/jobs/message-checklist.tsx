"use client";

import { Badge } from "../ui/badge";

export type MessageOption = {
  messageId: string;
  name: string;
  weight: number;
  version: number;
  tags: string[];
};

/** The bank's enabled messages as checkboxes; a job samples from the checked ones. */
export function MessageChecklist({
  messages,
  checked,
  onChange,
}: {
  messages: MessageOption[];
  checked: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="flex w-full items-center justify-between text-sm font-medium text-slate-700">
        System messages
        <span className="text-xs font-normal text-slate-500">
          {checked.size} of {messages.length} ·{" "}
          <button
            type="button"
            className="text-indigo-700 hover:underline"
            onClick={() => onChange(new Set(messages.map((m) => m.messageId)))}
          >
            all
          </button>{" "}
          ·{" "}
          <button
            type="button"
            className="text-indigo-700 hover:underline"
            onClick={() => onChange(new Set())}
          >
            none
          </button>
        </span>
      </legend>
      <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {messages.map((m, i) => (
          <li key={m.messageId} className="flex items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
            <input
              type="checkbox"
              aria-label={`Include ${m.name}`}
              aria-describedby={`job-message-${i}`}
              checked={checked.has(m.messageId)}
              onChange={() => toggle(m.messageId)}
              className="size-4 accent-indigo-600"
            />
            <span id={`job-message-${i}`} className="flex-1">
              {m.name} <span className="text-xs text-slate-500">v{m.version}</span>
            </span>
            {m.tags.slice(0, 3).map((t) => (
              <Badge key={t}>{t}</Badge>
            ))}
            <span className={m.weight > 0 ? "text-xs text-slate-600" : "text-xs text-rose-600"}>
              weight {m.weight}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
