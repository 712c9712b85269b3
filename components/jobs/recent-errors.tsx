import type { ItemError } from "@/lib/runner/progress";
import { Badge } from "../ui/badge";
import { Table, Td, Th } from "../ui/table";

/** The latest item errors: given up on, or waiting for their next attempt. */
export function RecentErrors({ errors }: { errors: ItemError[] }) {
  if (errors.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1.5 text-sm font-medium text-slate-700">Recent errors</h3>
      <div className="rounded-md border border-slate-200">
        <Table>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>Prompt</Th>
              <Th>State</Th>
              <Th>Error</Th>
              <Th>At (UTC)</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e) => (
              <tr key={e.ordinal} className="align-top">
                <Td className="tabular-nums">{e.ordinal + 1}</Td>
                <Td className="max-w-56 min-w-40 text-slate-600">
                  <span className="line-clamp-2" title={e.promptPreview}>
                    {e.promptPreview}
                  </span>
                </Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={e.state === "failed" ? "red" : "amber"}>{e.state}</Badge>
                  <span className="ml-1.5 text-xs text-slate-500">
                    {e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}
                  </span>
                </Td>
                <Td className="min-w-64 text-rose-700">{e.lastError}</Td>
                <Td className="text-xs whitespace-nowrap text-slate-500 tabular-nums">
                  {e.at.slice(11, 19)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
