"use client";

import { Button } from "../ui/button";

const SHORTCUTS: Array<[string, string]> = [
  ["a", "Approve, then the next trace"],
  ["r  x", "Reject: pick a reason, add a note (Enter submits, Escape cancels)"],
  ["1 … 9", "Reject with that reason from the list, then the next trace"],
  ["e", "Edit the trace (Ctrl/Cmd+Enter saves, Escape cancels)"],
  ["u  Backspace", "Undo the last decision (and go back to its trace)"],
  ["s  Space", "Skip: the next trace without deciding"],
  ["f", "Flag or unflag for a second look"],
  ["j  →", "Next trace"],
  ["k  ←", "Previous trace"],
  ["n", "Next trace nobody has decided"],
  ["c", "Write a comment"],
  ["?", "Show or hide these shortcuts"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="w-[28rem] rounded-lg bg-white p-5 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title" className="mb-3 text-base font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <dl className="space-y-2 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="flex gap-3">
              <dt className="w-28 shrink-0">
                {keys.split("  ").map((key) => (
                  <kbd
                    key={key}
                    className="mr-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          Keys pressed while the next trace loads are kept and apply in order. Shortcuts do nothing while you
          type in a field.
        </p>
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </div>
  );
}
