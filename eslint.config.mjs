import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "next-env.d.ts",
    "data/**",
    "lib/db/generated/**",
    "prisma/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".tmp/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The environment is read once, in lib/env.ts (validated); everywhere else asks that module.
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/testing/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts." },
      ],
    },
  },
]);
