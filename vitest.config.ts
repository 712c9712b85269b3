import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests that spawn processes of their own (workers SIGKILLed or stopped, a PostgreSQL cluster
// restarted, a web process killed mid-import) run after the rest, not beside it: on a 2-core CI
// machine they starved the in-process tests that measure time (timeouts, leases, Retry-After).
// A new test that spawns processes belongs here.
const PROCESS_TESTS = [
  "lib/server/shutdown.test.ts",
  "lib/runner/worker-crash.test.ts",
  "lib/runner/worker-multi.test.ts",
  "lib/runner/worker-kind.test.ts",
  "lib/runner/restart-*.test.ts",
  "lib/prompts/import-crash.test.ts",
  "lib/prompts/import-web-kill.test.ts",
];

// TEST_DB=sqlite (default) or TEST_DB=postgres: the same suite runs against both.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // lib/ marks server modules with `import "server-only"`; tests are server code.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/per-file-database.ts"],
    pool: "forks",
    // Scans the app starts by itself are more jobs for a test's worker to lease; the tests of
    // those scans turn them on (lib/quality/quality-flow.test.ts).
    env: { TRACEBANK_AUTO_SCANS: "0" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "in-process",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "eslint/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...PROCESS_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: "processes", include: PROCESS_TESTS, sequence: { groupOrder: 1 } } },
    ],
  },
});
