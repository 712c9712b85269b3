import { expect, type APIRequestContext } from "@playwright/test";
import { PORTS } from "../../playwright.config";

// Every spec of both database projects talks to one scripted teacher, and setting a script
// replaces the last one: so there is one script, holding every spec's rules, each keyed on a
// marker in the prompt. Prompts without a marker get the default reply.

export const MARKERS = { hostile: "XSS-PROBE", slow: "SLOW-E2E", synth: "SYNTH-E2E" } as const;

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
