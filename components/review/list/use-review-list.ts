"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ReviewCounts, ReviewPage } from "@/lib/review/queries";
import type { ReviewFilter } from "@/lib/review/schemas";
import { fetchJson } from "../../fetch-json";
import { selectionQuery } from "./selection-query";

const withParam = (query: string, key: string, value: string) =>
  `${query}${query ? "&" : "?"}${key}=${encodeURIComponent(value)}`;

/** The list's pages, newest first, from GET /api/review/list; the server's first page to start. */
export function useReviewPages(filter: ReviewFilter, initial: { query: string; page: ReviewPage }) {
  const query = selectionQuery(filter);
  return useInfiniteQuery({
    queryKey: ["review-list", query],
    queryFn: ({ pageParam }) =>
      fetchJson<ReviewPage>(`/api/review/list${pageParam ? withParam(query, "after", pageParam) : query}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial.query === query ? { pages: [initial.page], pageParams: [null] } : undefined,
    // Pages already read stay as they are while someone works through the list.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** The status tabs' counts, apart from the list (they can take longer). */
export function useReviewCounts(filter: ReviewFilter) {
  const query = selectionQuery({ ...filter, status: "all" });
  return useQuery({
    queryKey: ["review-counts", query],
    queryFn: () => fetchJson<ReviewCounts>(`/api/review/list/counts${query}`),
    staleTime: 15_000,
  });
}
