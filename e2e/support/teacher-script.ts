import { expect, type APIRequestContext } from "@playwright/test";
import { PORTS } from "../../playwright.config";

// Every spec of both database projects talks to one scripted teacher, and setting a script
// replaces the last one: so there is one script, holding every spec's rules, each keyed on a
// marker in the prompt. Prompts without a marker get the default reply.

export const MARKERS = {
  hostile: "XSS-PROBE",
  slow: "SLOW-E2E",
  synth: "SYNTH-E2E",
  qualityRight: "QUALITY-E2E-RIGHT",
  qualityWrong: "QUALITY-E2E-WRONG",
  qualityBench: "QUALITY-E2E-BENCH",
} as const;

/** GSM8K test item 1, word for word: a teacher that memorised the benchmark (e2e/quality.spec.ts). */
export const BENCHMARK_REPLY =
  "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?\n\nJanet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day at the farmer\u2019s market.\n#### 18";

export const HOSTILE_REPLY = [
  "Here is the markup:",
  "",
  '<script>window.__xss = "script"</script>',
  "",
  "<img src=x onerror=\"window.__xss = 'img'\">",
  "",
  "[click me](javascript:window.__xss='link')",
  "",
  "Math: $\\href{javascript:window.__xss='katex'}{x}$ \\(\\htmlId{katex-id}{y}\\) \\[ \\frac{a}{b} \\]",
  "",
  '```"><img src=x onerror="window.__xss=\'fence\'">',
  "not markup",
  "```",
  "",
  "```python",
  "def f(): return 1",
  "```",
].join("\n");

const SCRIPT = {
  rules: [
    { match: { promptIncludes: MARKERS.hostile }, reply: HOSTILE_REPLY },
    { match: { promptIncludes: MARKERS.slow }, latencyMs: 1_500 },
    {
      match: { promptIncludes: MARKERS.qualityRight },
      reply: "There are 6 boxes with 7 pencils in each, so 6 × 7 = 42 pencils.\n#### 42",
    },
    {
      match: { promptIncludes: MARKERS.qualityWrong },
      reply: "There are 6 rows with 7 trees in each, so 6 × 7 = 43 trees.\n#### 43",
    },
    { match: { promptIncludes: MARKERS.qualityBench }, reply: BENCHMARK_REPLY },
    {
      match: { promptIncludes: MARKERS.synth },
      reply:
        '["What is one question about {{promptStart}}?", "What is another question about {{promptStart}}?"]',
    },
  ],
};

export async function installTeacherScript(request: APIRequestContext): Promise<void> {
  const response = await request.post(`http://127.0.0.1:${PORTS.teacher}/__control/script`, { data: SCRIPT });
  expect(response.ok()).toBe(true);
}
