import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TraceMarkdown } from "@/components/markdown/trace-markdown";

const render = (content: string) => renderToStaticMarkup(createElement(TraceMarkdown, { content }));

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
    expect(html).toContain("print(&#x27;a very long line");
  });

  it("shows images as links instead of loading them", () => {
    const html = render("![pic](https://tracker.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: pic]");
  });
});
