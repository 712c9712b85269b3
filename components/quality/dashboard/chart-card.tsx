import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "../../ui/card";

export type DataTable = { columns: string[]; rows: Array<Array<string | number>> };

/**
 * A chart as people with and without sight get it: the drawing inside role="img" whose label
 * states its numbers, and the same numbers as a table only screen readers see.
 */
export function ChartFigure({
  summary,
  table,
  testId,
  children,
}: {
  summary: string;
  table: DataTable;
  testId: string;
  children: ReactNode;
}) {
  return (
    <figure className="m-0">
      <div role="img" aria-label={summary} data-testid={testId}>
        {children}
      </div>
      <table className="sr-only">
        <caption>{summary}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A dashboard panel: a card with its heading, a line on how to read it, and its figures. */
export function Panel({
  title,
  description,
  actions,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader title={title} description={description} actions={actions} />
      <CardBody className="space-y-4">{children}</CardBody>
    </Card>
  );
}

/** What a panel says when its chart would be empty. */
export function NothingYet({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-slate-500">{children}</p>;
}
