import "katex/dist/katex.min.css";
import "./code-theme.css";
import { memo } from "react";
import Markdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { cn } from "../ui/cn";
import { remarkHtmlAsText } from "./html-as-text";
import { remarkTex } from "./remark-tex";
import { Tex } from "./tex";

const SAFE_PROTOCOLS = ["http:", "https:", "mailto:"];

/** Only absolute http(s)/mailto links and in-page anchors survive; anything else is dropped. */
export function safeUrl(url: string): string | null {
  if (url.startsWith("#")) return url;
  try {
    return SAFE_PROTOCOLS.includes(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

// The default schema, plus remark-tex's mark on inline `$$` math: "math-display" on a <code>.
const SCHEMA = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, code: [["className", /^language-./, "math-display"]] },
};

type Hast = { type: string; value?: string; children?: Hast[] };
const textOf = (node?: Hast): string => node?.value ?? node?.children?.map(textOf).join("") ?? "";

/** A `$$` block or ```math fence: <pre><code class="language-math">. */
function mathBlock(node: ExtraProps["node"]): string | null {
  const code = node?.children[0];
  const classes = code?.type === "element" ? code.properties.className : undefined;
  return Array.isArray(classes) && classes.includes("language-math") ? textOf(code).trim() : null;
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Remote images would load from the reviewer's browser; show them as links instead.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline">
        [image{alt ? `: ${alt}` : ""}]
      </a>
    ) : (
      <span>[image{alt ? `: ${alt}` : ""}]</span>
    ),
  code: ({ node, className, children }) => {
    const classes = className?.split(" ") ?? [];
    if (!classes.includes("language-math")) return <code className={className}>{children}</code>;
    return <Tex tex={textOf(node)} display={classes.includes("math-display")} />;
  },
  pre: ({ node, children }) => {
    const tex = mathBlock(node);
    if (tex !== null) return <Tex tex={tex} display block />;
    return (
      <pre className="my-3 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed whitespace-pre text-slate-100">
        {children}
      </pre>
    );
  },
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="min-w-full border-collapse text-sm">{children}</table>
    </div>
  ),
};

/**
 * A teacher's trace as Markdown (GFM, highlighted code, KaTeX math), sanitised: raw HTML is inert
 * text, links are safe. Memoised: each render parses the text and builds a highlighter with every
 * language registered (rehype-highlight), which a parent re-rendering on each review key must not
 * repeat for text that did not change.
 */
export const TraceMarkdown = memo(function TraceMarkdown({
  content,
  className,
}: {
  content: string;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "text-sm leading-relaxed break-words text-slate-800",
        "[&_h1]:mt-4 [&_h1]:mb-2 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold",
        "[&_li]:my-0.5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6",
        "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
        "[&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:font-mono [&_:not(pre)>code]:text-[0.85em]",
        "[&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden",
        "[&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1",
        className,
      )}
    >
      <Markdown
        // remarkTex replaces the tree, so it transforms first. Sanitising comes before highlighting
        // (and KaTeX, in <Tex>): their markup is built from the text, not taken from the trace.
        remarkPlugins={[remarkGfm, remarkMath, remarkTex, remarkHtmlAsText]}
        rehypePlugins={[
          [rehypeSanitize, SCHEMA],
          [rehypeHighlight, { detect: false }],
        ]}
        urlTransform={safeUrl}
        components={components}
      >
        {content}
      </Markdown>
    </div>
  );
});
