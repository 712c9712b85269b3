import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tracebank from "./eslint/domain-boundaries.mjs";

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
  // The house rules on imports (docs/architecture.md): lib/ never imports app/ or components/, and
  // a domain imports another only through its index.ts or schemas.ts. Tests and test fixtures may
  // reach inside, to set up what they test.
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["**/*.test.ts", "lib/testing/**"],
    plugins: { tracebank },
    rules: { "tracebank/domain-boundaries": "error" },
  },
  // No import cycles anywhere: each module's dependencies form a tree one can read bottom-up.
  {
    files: ["lib/**", "app/**", "components/**", "scripts/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
]);
