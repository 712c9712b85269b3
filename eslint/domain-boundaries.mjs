// A local ESLint rule for the house rules on imports (docs/architecture.md):
// - lib/ never imports app/ or components/;
// - a lib/ domain (a folder of lib/) imports another domain only through its public surface: its
//   index.ts (server code) or its schemas.ts (schemas client code may use too).
// Import paths are resolved against the importing file, so nothing depends on how deep it sits.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const PUBLIC = new Set(["index", "schemas"]);

/** lib/<domain>/... -> domain; top-level lib files (env.ts, errors.ts, log.ts) have none. */
function domainOf(relative) {
  const parts = relative.split(path.sep);
  return parts[0] === "lib" && parts.length > 2 ? parts[1] : null;
}

function target(fileName, source) {
  if (source.startsWith("@/")) return path.join(ROOT, source.slice(2));
  if (source.startsWith(".")) return path.resolve(path.dirname(fileName), source);
  return null;
}

export const domainBoundaries = {
  meta: {
    type: "problem",
    docs: {
      description:
        "lib/ domains import each other through index.ts or schemas.ts; lib/ never imports app/ or components/",
    },
    schema: [],
    messages: {
      layer: "lib/ must not import from {{layer}}/ (routes and UI depend on lib/, never the other way).",
      deep: "Import the {{domain}} domain through its index (lib/{{domain}}) or its schemas (lib/{{domain}}/schemas), not {{path}}.",
    },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const from = domainOf(file);
    if (!file.startsWith(`lib${path.sep}`)) return {};
    const check = (node, source) => {
      const resolved = target(context.filename, source);
      if (!resolved) return;
      const relative = path.relative(ROOT, resolved);
      const top = relative.split(path.sep)[0];
      if (top === "app" || top === "components") {
        context.report({ node, messageId: "layer", data: { layer: top } });
        return;
      }
      const to =
        domainOf(relative) ??
        (relative.split(path.sep).length === 2 && !/\.\w+$/.test(relative)
          ? relative.split(path.sep)[1]
          : null);
      if (!to || to === from) return;
      const inside = relative
        .split(path.sep)
        .slice(2)
        .join("/")
        .replace(/\.tsx?$/, "");
      const entry = inside === "" || PUBLIC.has(inside) || inside === "schemas/index";
      if (!entry) context.report({ node, messageId: "deep", data: { domain: to, path: source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

const plugin = { rules: { "domain-boundaries": domainBoundaries } };
export default plugin;
