"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { testConnectionAction } from "@/lib/actions/teachers";
import type { ConnectionResult } from "@/lib/teacher";
import { actionErrorMessage } from "../ui/action-result";

/** Runs "Test connection" and keeps the last result, keyed by what was tested. */
export function useConnectionTest() {
  const [results, setResults] = useState<Record<string, ConnectionResult>>({});
  const [testing, setTesting] = useState<string>();
  const action = useAction(testConnectionAction);

  async function run(key: string, input: Parameters<typeof action.executeAsync>[0]) {
    setTesting(key);
    setResults(({ [key]: _old, ...rest }) => rest);
    try {
      const outcome = await action.executeAsync(input);
      const result: ConnectionResult = outcome.data ?? {
        ok: false,
        error: actionErrorMessage(outcome) ?? "The test could not run.",
      };
      setResults((all) => ({ ...all, [key]: result }));
    } finally {
      setTesting(undefined);
    }
  }

  const clear = (key: string) => setResults(({ [key]: _old, ...rest }) => rest);
  return { results, testing, run, clear };
}
