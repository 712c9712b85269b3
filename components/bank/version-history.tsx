"use client";

import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { cn } from "../ui/cn";
import { formatUtc } from "../ui/format";
import { diffLines } from "./line-diff";
import type { VersionRow } from "./types";

/** Every version, newest first, with its full content or its changes against the one before. */
export function VersionHistory({
  versions,
  onRestore,
}: {
  versions: VersionRow[];
  onRestore?: (version: VersionRow) => void;
}) {
  return (
    <Card>
      <CardHeader
        title="Version history"
        description={`${versions.length} ${versions.length === 1 ? "version" : "versions"}; versions never change once saved.`}
      />
      <ol className="divide-y divide-slate-100" aria-label="Versions">
        {versions.map((v, i) => (
          <VersionItem
            key={v.id}
            version={v}
            previous={versions[i + 1]}
            current={i === 0}
            onRestore={onRestore}
          />
        ))}
      </ol>
    </Card>
  );
}

function VersionItem({
  version: v,
  previous,
  current,
  onRestore,
}: {
  version: VersionRow;
  previous?: VersionRow;
  current: boolean;
  onRestore?: (version: VersionRow) => void;
}) {
  const [showChanges, setShowChanges] = useState(false);
  return (
    <li className="px-5 py-4" aria-label={`Version ${v.version}`}>
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-semibold text-slate-900">Version {v.version}</span>
        {current && <Badge tone="green">current</Badge>}
        <span className="text-slate-500">{formatUtc(v.createdAt)}</span>
        {v.authorName && <span className="text-slate-500">by {v.authorName}</span>}
        {v.note && <span className="text-slate-700 italic">“{v.note}”</span>}
        <span className="ml-auto flex gap-1">
          {previous && (
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={showChanges}
              onClick={() => setShowChanges(!showChanges)}
            >
              {showChanges ? "Show content" : `Changes from v${previous.version}`}
            </Button>
          )}
          {!current && onRestore && (
            <Button size="sm" variant="secondary" onClick={() => onRestore(v)}>
              Load into editor
            </Button>
          )}
        </span>
      </div>
      {showChanges && previous ? (
        <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap">
          {diffLines(previous.content, v.content).map((line, i) => (
            <div
              key={i}
              className={cn(
                "px-3",
                line.kind === "added" && "bg-emerald-50 text-emerald-900",
                line.kind === "removed" && "bg-rose-50 text-rose-900 line-through decoration-rose-300",
              )}
            >
              <span aria-hidden className="mr-2 inline-block w-3 text-slate-400 select-none">
                {line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " "}
              </span>
              {line.text || " "}
            </div>
          ))}
        </pre>
      ) : (
        <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-800">
          {v.content}
        </pre>
      )}
    </li>
  );
}
