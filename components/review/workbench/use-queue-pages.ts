"use client";

import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { QueuePage, QueueTrace } from "@/lib/review/queue";
import { fetchJson } from "../../fetch-json";

/** A page as the browser keeps it: which way it was fetched decides which end it closes. */
type HeldPage = QueuePage & { backDone: boolean };

const PAGE = 10;

/**
 * The reviewer's queue around the trace they opened, fetched ahead (and behind) in pages with
 * React Query and kept for the whole visit: moving on shows a trace that is already here.
 */
export function useQueuePages(options: { initial: QueueTrace; query: string; sessionId?: string }) {
  const { initial, query, sessionId } = options;
  const client = useQueryClient();
  const key = useMemo(
    () => ["review-queue", query, sessionId ?? null, initial.id] as const,
    [query, sessionId, initial.id],
  );
  const pages = useInfiniteQuery({
    queryKey: key,
    initialPageParam: initial.cursor,
    initialData: {
      pages: [{ traces: [initial], done: false, backDone: Boolean(sessionId) }],
      pageParams: [initial.cursor],
    } satisfies InfiniteData<HeldPage, string>,
    queryFn: async ({ pageParam, direction }): Promise<HeldPage> => {
      const params = new URLSearchParams(query.replace(/^\?/, ""));
      params.set("limit", String(PAGE));
      if (sessionId) {
        params.set("sessionId", sessionId);
        const held = client.getQueryData<InfiniteData<HeldPage>>(key);
        params.set("holding", (held?.pages ?? []).flatMap((p) => p.traces.map((t) => t.id)).join(","));
      } else params.set(direction === "backward" ? "before" : "after", pageParam);
      const page = await fetchJson<QueuePage>(`/api/review/queue?${params}`);
      return direction === "backward"
        ? { ...page, done: false, backDone: page.done }
        : { ...page, backDone: false };
    },
    getNextPageParam: (last) => (last.done ? undefined : (last.traces.at(-1)?.cursor ?? undefined)),
    getPreviousPageParam: (first) => (first.backDone ? undefined : (first.traces[0]?.cursor ?? undefined)),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: 4,
  });

  const traces = useMemo(() => {
    const seen = new Set<string>();
    return (pages.data?.pages ?? [])
      .flatMap((p) => p.traces)
      .filter((t) => !seen.has(t.id) && seen.add(t.id));
  }, [pages.data]);

  /** Puts a fresh copy of one trace in place (after an edit, a comment, a refusal). */
  const replace = useCallback(
    (fresh: QueueTrace) =>
      client.setQueryData<InfiniteData<HeldPage>>(
        key,
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              traces: p.traces.map((t) => (t.id === fresh.id ? fresh : t)),
            })),
          },
      ),
    [client, key],
  );

  return {
    traces,
    forwardDone: !pages.hasNextPage,
    backwardDone: !pages.hasPreviousPage,
    fetchingForward: pages.isFetchingNextPage,
    fetchingBackward: pages.isFetchingPreviousPage,
    // One fetch at a time: React Query cancels a running page fetch when another starts.
    loadForward: () => void (pages.isFetching || pages.fetchNextPage({ cancelRefetch: false })),
    loadBackward: () => void (pages.isFetching || pages.fetchPreviousPage({ cancelRefetch: false })),
    failed: pages.isFetchNextPageError || pages.isFetchPreviousPageError,
    replace,
  };
}
