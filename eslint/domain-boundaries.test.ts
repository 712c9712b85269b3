import path from "node:path";
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import tsParser from "@typescript-eslint/parser";
import { domainBoundaries } from "./domain-boundaries.mjs";

const root = path.resolve(import.meta.dirname, "..");
const inLib = (file: string) => path.join(root, "lib", file);
const tester = new RuleTester({
  languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
});

describe("the domain-boundaries lint rule", () => {
  it("allows a domain's index and schemas, its own modules and shared top-level files", () => {
    tester.run("domain-boundaries", domainBoundaries, {
      valid: [
        { filename: inLib("review/decide.ts"), code: 'import { db } from "../db";' },
        { filename: inLib("generation/launch.ts"), code: 'import { X } from "../teacher/schemas";' },
        { filename: inLib("runner/worker/fill.ts"), code: 'import { leaseForJob } from "../lease-job";' },
        { filename: inLib("runner/lease.ts"), code: 'import { logError } from "../log";' },
      ],
      invalid: [
        {
          filename: inLib("review/decide.ts"),
          code: 'import { db } from "../db/client";',
          errors: [{ messageId: "deep" }],
        },
        {
          filename: inLib("runner/worker/fill.ts"),
          code: 'import { Teacher } from "@/lib/teacher/types";',
          errors: [{ messageId: "deep" }],
        },
        {
          filename: inLib("jobs/index.ts"),
          code: 'import { JobLive } from "../../components/jobs/job-live";',
          errors: [{ messageId: "layer" }],
        },
      ],
    });
  });
});
