import type { ReactNode } from "react";
import { cn } from "./cn";

export type DefinitionRow = [label: string, value: ReactNode];

/** Label/value pairs in two aligned columns (metadata, configuration, lineage). */
export function DefinitionList({
  rows,
  wideLabels = false,
}: {
  rows: DefinitionRow[];
  wideLabels?: boolean;
}) {
  return (
    <dl
      className={cn(
        "grid text-sm",
        wideLabels ? "grid-cols-[auto_1fr] gap-x-4 gap-y-1.5" : "grid-cols-3 gap-x-3 gap-y-2",
      )}
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className={cn("break-words text-slate-800", !wideLabels && "col-span-2")}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
