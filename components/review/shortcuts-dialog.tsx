"use client";

import { Button } from "../ui/button";

const SHORTCUTS: Array<[string, string]> = [
  ["a", "Approve"],
  ["r", "Reject (type the reason, Enter submits, Escape cancels)"],
  ["e", "Edit the trace (Ctrl/Cmd+Enter saves, Escape cancels)"],
  ["j", "Next trace"],
  ["k", "Previous trace"],
  ["?", "Show or hide these shortcuts"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="w-96 rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title" className="mb-3 text-base font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <dl className="space-y-2 text-sm">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key} className="flex gap-3">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                  {key}
                </kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">Shortcuts do nothing while you type in a field.</p>
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </div>
  );
}
