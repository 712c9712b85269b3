import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { convertTexDelimiters, MAX_TEX_LENGTH, TEX_BUDGET } from "@/components/markdown/remark-tex";
import { TraceMarkdown } from "@/components/markdown/trace-markdown";

const render = (content: string) => renderToStaticMarkup(createElement(TraceMarkdown, { content }));
const count = (html: string, needle: string) => html.split(needle).length - 1;
/** The TeX sources KaTeX rendered (its MathML annotation). */
const formulas = (html: string) =>
  [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);

const HOSTILE = [
  "# Answer",
  "",
  "<script>alert('xss')</script>",
  "",
  'Inline <img src=x onerror=alert(1)> and <b onclick="alert(2)">bold</b>',
  "",
  '<iframe src="https://evil.example"></iframe>',
  "",
  "[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com/a)",
  "",
  '<a href="javascript:alert(4)">raw link</a>',
  "",
  "![pic](https://tracker.example/p.png)",
  "",
  "<svg onload=alert(5)><circle/></svg>",
].join("\n");

describe("TraceMarkdown", () => {
  it("renders hostile HTML inert: no script, no event handlers, no javascript: links", () => {
    const html = render(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<svg/i);
    // No element carries an event handler (escaped text like "&lt;img onerror=" is fine).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    // The raw HTML is still visible to the reviewer, escaped.
    expect(html).toContain("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders Markdown, with safe links that open without referrer or endorsement", () => {
    const html = render(
      "## Steps\n\n1. **add**\n2. `x = 1`\n\n[ok](https://example.com/a)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<h2>Steps</h2>");
    expect(html).toContain("<strong>add</strong>");
    expect(html).toContain("<table");
    expect(html).toMatch(
      /<a href="https:\/\/example.com\/a" target="_blank" rel="noopener noreferrer nofollow"/,
    );
  });

  it("puts code blocks in a scrolling monospace box", () => {
    const html = render("```python\nprint('a very long line that should scroll rather than wrap')\n```");
    expect(html).toMatch(/<pre class="[^"]*overflow-x-auto[^"]*font-mono/);
    expect(html).toContain("&#x27;a very long line that should scroll rather than wrap&#x27;");
  });

  it("shows images as links instead of loading them", () => {
    const html = render("![pic](https://tracker.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: pic]");
  });

  it("highlights fenced code with a language, and guesses none for a fence without one", () => {
    const html = render("```python\ndef f(x):\n    return 1  # one\n```\n\n```\ndef g(): pass\n```");
    expect(html).toContain('<code class="hljs language-python"><span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-comment"># one</span>');
    expect(html).toContain("<code>def g(): pass\n</code>");
  });

  it("renders $...$ inline and $$...$$ as display math with KaTeX, outside any code box", () => {
    const html = render("Inline $x^2$ and $$y_1$$ here.\n\n$$\n\\frac{a}{b}\n$$");
    expect(formulas(html)).toEqual(["x^2", "y_1", "\\frac{a}{b}"]);
    expect(html).toMatch(/<p>Inline <span><span class="katex">/);
    expect(count(html, 'class="katex-display"')).toBe(2);
    expect(html).not.toContain("<pre");
  });

  it("reads the \\(...\\) and \\[...\\] delimiters LLMs write", () => {
    const html = render(
      "Let \\(a_1 * b_2 * c\\) hold, so \\[ a = b \\] follows.\n\n- step\n  \\[\n  c^2\n  \\]\n\n> \\[ d \\\\\n> e \\]",
    );
    expect(formulas(html)).toEqual(["a_1 * b_2 * c", "a = b", "\n  c^2\n  ".trim(), "d \\\\ e"]);
    expect(count(html, 'class="katex-display"')).toBe(3);
    expect(html).toMatch(/<li>[\s\S]*katex-display[\s\S]*<\/li>/); // the block stays in its list item
    expect(html).not.toContain("<em>"); // the `*`s were TeX, not emphasis
  });

  it("leaves math delimiters in code alone, and an escaped backslash is no delimiter", () => {
    const html = render(
      "`$x$ \\(y\\)` and\n\n```\n\\[z\\] $w$\n```\n\n```tex\n\\(v\\)\n```\n\nand \\\\(u\\)",
    );
    expect(html).not.toContain('class="katex');
    expect(html).toContain("<code>$x$ \\(y\\)</code>");
    expect(html).toContain("<code>\\[z\\] $w$\n</code>");
    expect(html).toContain("\\(v\\)");
    expect(html).toContain("and \\(u)");
  });

  it("renders a bad formula as KaTeX's error span", () => {
    const html = render("A $\\frac{$ B");
    expect(html).toMatch(
      /<span class="katex-error" title="ParseError: [^"]*" style="color:#cc0000">\\frac\{<\/span>/,
    );
    expect(html).toContain(" B</p>");
  });

  it("keeps KaTeX's untrusted commands from making links, images, classes, ids, styles or data", () => {
    const html = render(
      [
        "$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\url{https://evil.example}$",
        "$\\includegraphics[height=1em]{https://evil.example/p.png}$ $\\htmlClass{evil-class}{x}$",
        "$\\htmlId{evil-id}{x}$ $\\htmlStyle{background:url(https://evil.example/s)}{x}$ $\\htmlData{evil=1}{x}$",
      ].join("\n\n"),
    );
    expect(formulas(html)).toHaveLength(8);
    expect(html).not.toMatch(/<(a|img)\b/);
    expect(html).not.toMatch(/\s(href|src)=/);
    expect(html).not.toMatch(/class="[^"]*evil|id="evil|style="[^"]*(url|evil)|data-evil/);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  });

  it("keeps a code fence's language from injecting markup", () => {
    const html = render('```"><img src=x onerror=alert(1)>\ncode\n```');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<code class="hljs language-&quot;&gt;&lt;img">code');
  });

  it("bounds hostile formulas: macro bombs, huge sizes, deep nesting, length and a page's total", () => {
    const bomb = `$\\def\\z{${"a".repeat(1500)}}\\def\\y{${"\\z".repeat(30)}}${"\\y".repeat(30)}$`;
    const bombed = render(bomb);
    expect(bombed).toContain("Too many expansions");
    expect(bombed.length).toBeLessThan(10_000);

    const rule = render("$\\rule{10000em}{10000em}$");
    expect(rule).toContain('class="katex"');
    expect(rule).toContain("border-right-width:20em;border-top-width:20em");
    expect(rule).not.toMatch(/(style|width|height)="[^"]*\d{3,}(\.\d+)?em/);

    const nested = (depth: number) => `$${"{".repeat(depth)}x${"}".repeat(depth)}$`;
    expect(render(nested(999))).toContain('class="katex"');
    expect(render(nested(5000))).toContain("<p><code>{{{{"); // too long: its source, as code

    const long = `$${"x+".repeat(MAX_TEX_LENGTH / 2)}y$`;
    expect(render(long)).toMatch(/^<div[^>]*><p><code>x\+x\+/);

    const many = Array.from({ length: TEX_BUDGET / 100 + 5 }, () => `$${"x".repeat(100)}$`).join(" ");
    const html = render(many);
    expect(formulas(html)).toHaveLength(TEX_BUDGET / 100);
    expect(count(html, `<code>${"x".repeat(100)}</code>`)).toBe(5);
  });

  it("finds \\( and \\[ delimiters in linear time, however many go unclosed", () => {
    const source = "\\(\\[$".repeat(30_000) + "\\[".repeat(60_000) + "\\(x\\)";
    const started = performance.now();
    const converted = convertTexDelimiters(source, []);
    expect(performance.now() - started).toBeLessThan(1_000); // quadratic would take minutes
    expect(converted).toBe(source.slice(0, -5) + "$x$");
  });
});
