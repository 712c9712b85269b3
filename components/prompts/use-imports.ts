"use client";

import { useQuery } from "@tanstack/react-query";
import type { ImportView } from "@/lib/prompts/import-view";
import { fetchJson } from "../fetch-json";

const RUNNING = new Set(["queued", "validating", "publishing"]);

export const importsKey = (promptSetId: string) => ["prompt-imports", promptSetId];

/**
 * A set's imports, refreshed every second while one of them runs (or while `watching`, the
 * import this page just queued, has not appeared as final yet); the history and the upload
 * form share it.
 */
export function useImports(
  promptSetId: string | undefined,
  options: { initial?: ImportView[]; watching?: string },
) {
  const { initial, watching } = options;
  return useQuery({
    queryKey: importsKey(promptSetId ?? ""),
    enabled: !!promptSetId,
    queryFn: async () =>
      (
        await fetchJson<{ imports: ImportView[] }>(
          `/api/prompt-sets/${encodeURIComponent(promptSetId!)}/imports`,
        )
      ).imports,
    initialData: initial,
    refetchInterval: (query) => {
      const imports = query.state.data ?? [];
      const waiting =
        watching !== undefined && !imports.some((i) => i.id === watching && !RUNNING.has(i.status));
      return waiting || imports.some((i) => RUNNING.has(i.status)) ? 1_000 : false;
    },
  });
}

export const isRunningImport = (status: string) => RUNNING.has(status);
