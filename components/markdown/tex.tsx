import katex, { type KatexOptions } from "katex";

/**
 * Teacher output is untrusted: no \href, \url, \includegraphics or \html* (trust: false), a bad
 * formula renders as an error span, and sizes and macro expansion are capped (remark-tex caps the
 * length). strict: "ignore", since LaTeX-faithfulness warnings would only flood the server's log.
 */
export const KATEX_OPTIONS = {
  trust: false,
  strict: "ignore",
  throwOnError: false,
  maxSize: 20,
  maxExpand: 500,
} as const satisfies KatexOptions;

function render(tex: string, displayMode: boolean): string | null {
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  } catch {
    return null; // not a ParseError: e.g. nesting too deep for the stack
  }
}

/** KaTeX builds its markup from the formula's text, escaping it, so the markup is set as HTML. */
export function Tex({ tex, display, block }: { tex: string; display: boolean; block?: boolean }) {
  const html = render(tex, display);
  const Tag = block ? "div" : "span";
  return html === null ? (
    <Tag>
      <code>{tex}</code>
    </Tag>
  ) : (
    <Tag dangerouslySetInnerHTML={{ __html: html }} />
  );
}
