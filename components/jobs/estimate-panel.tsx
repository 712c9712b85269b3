"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import type { JobEstimate } from "@/lib/generation/estimate";
import { fetchJson } from "../fetch-json";
import { formatCount } from "../ui/format";
import { Notice } from "../ui/notice";

// Cents for most jobs; two significant digits below a cent so a small job does not read as free.
const money = (n: number) =>
  n > 0 && n < 0.01
    ? `$${n.toPrecision(2)}`
    : `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Requests (counted here, at once) and the server's estimate of tokens and cost, refreshed as
 * the form changes. `query` is null while the form lacks what an estimate needs.
 */
export function EstimatePanel({
  requests,
  breakdown,
  query,
}: {
  requests: number;
  breakdown: ReactNode;
  query: Record<string, string> | null;
}) {
  const search = useDebounced(query ? new URLSearchParams(query).toString() : null, 300);
  const { data, error, isFetching } = useQuery({
    queryKey: ["job-estimate", search],
    queryFn: () => fetchJson<JobEstimate>(`/api/jobs/estimate?${search}`),
    enabled: search !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return (
    <Notice tone="info">
      <p>
        This job will send <strong data-testid="request-count">{formatCount(requests)}</strong> requests
        {breakdown}.
      </p>
      {search !== null && (
        <div className="mt-1.5 space-y-0.5 text-xs" aria-busy={isFetching} data-testid="job-estimate">
          {error ? (
            <p>No estimate: {error.message}</p>
          ) : !data ? (
            <p>Estimating…</p>
          ) : (
            <>
              <p>
                Input about {formatCount(data.inputTokens)} tokens; output at most{" "}
                {formatCount(data.outputTokens.max)}
                {data.outputTokens.typical !== null &&
                  `, typically ${formatCount(data.outputTokens.typical)} (from ${formatCount(data.typicalFrom)} past traces of this teacher)`}
                .
              </p>
              <p data-testid="job-cost">
                {data.cost === null ? (
                  <>
                    Cost: prices not set for this teacher (
                    <Link href="/teachers" className="underline">
                      set them on the Teachers page
                    </Link>
                    ).
                  </>
                ) : (
                  <>
                    Cost:{" "}
                    {data.cost.about !== null
                      ? `about ${money(data.cost.about)} (at most ${money(data.cost.atMost)})`
                      : `at most ${money(data.cost.atMost)}`}
                    {data.batchDiscount && ", at batch prices (half)"}.
                  </>
                )}
              </p>
            </>
          )}
        </div>
      )}
    </Notice>
  );
}
